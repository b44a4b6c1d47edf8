using System.Globalization;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// An expected array shape such as "(N, 5, 768)": integers must match exactly, names match any size
/// but the same name must have the same size everywhere it is bound (across arrays of one file too,
/// when the caller passes one bindings dictionary to several checks).
/// </summary>
public sealed class ShapePattern
{
    private readonly object[] _dims;

    private ShapePattern(object[] dims, string text)
    {
        _dims = dims;
        Text = text;
    }

    /// <summary>The pattern as written, normalised: "(N, 768)".</summary>
    public string Text { get; }

    /// <summary>Number of dimensions the pattern expects.</summary>
    public int Rank => _dims.Length;

    /// <summary>
    /// Parses "(N, 768)", "N, 5, 768" or "(N,)": comma-separated integers (fixed sizes) and
    /// identifiers (free sizes).
    /// </summary>
    public static ShapePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var inner = pattern.Trim().TrimStart('(').TrimEnd(')');
        var parts = inner.Split(',', StringSplitOptions.TrimEntries).Where(p => p.Length > 0).ToArray();
        var dims = new object[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                dims[i] = size;
            else if (char.IsLetter(parts[i][0]) && parts[i].All(ch => char.IsLetterOrDigit(ch) || ch == '_'))
                dims[i] = parts[i];
            else
                throw new ArgumentException($"shape pattern '{pattern}': '{parts[i]}' is neither a size nor a name; expected e.g. \"(N, 768)\"", nameof(pattern));
        }
        var text = dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims) + ")";
        return new ShapePattern(dims, text);
    }

    /// <summary>
    /// Checks <paramref name="shape"/> against the pattern, binding names in <paramref name="bindings"/>
    /// (pass the same dictionary for several arrays that must agree). Throws
    /// <see cref="NpyFormatException"/> naming <paramref name="source"/> and <paramref name="arrayName"/>.
    /// </summary>
    public void Check(IReadOnlyList<int> shape, string source, string arrayName, IDictionary<string, (int Size, string From)>? bindings = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var actual = NpyHeader.FormatShape(shape);
        if (shape.Count != _dims.Length)
            throw NpyFormatException.For(source, arrayName, $"has shape {actual}; expected {Text}");
        bindings ??= new Dictionary<string, (int, string)>();
        for (var i = 0; i < shape.Count; i++)
        {
            if (_dims[i] is int size)
            {
                if (shape[i] != size)
                    throw NpyFormatException.For(source, arrayName, $"has shape {actual}; expected {Text}");
            }
            else
            {
                var name = (string)_dims[i];
                if (bindings.TryGetValue(name, out var bound) && bound.Size != shape[i])
                    throw NpyFormatException.For(source, arrayName,
                        $"has shape {actual}; expected {Text} with {name} = {bound.Size} (from '{bound.From}')");
                if (!bindings.ContainsKey(name))
                    bindings[name] = (shape[i], arrayName);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Writes a ready-to-paste step definition for an undefined step, as Cucumber and Reqnroll print.</summary>
public static partial class SnippetWriter
{
    /// <summary>Returns a C# method (attribute, signature, pending body) that binds <paramref name="step"/>.</summary>
    /// <param name="step">The undefined step.</param>
    public static string Write(StepInfo step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var parameters = new List<string>();
        var expression = new StringBuilder();
        var last = 0;
        foreach (Match m in Argument().Matches(step.Text))
        {
            expression.Append(EscapeLiteral(step.Text[last..m.Index]));
            var (placeholder, type) = m.Groups["q"].Success ? ("{string}", "string")
                : m.Groups["f"].Success ? ("{float}", "double")
                : ("{int}", "int");
            expression.Append(placeholder);
            parameters.Add($"{type} p{parameters.Count}");
            last = m.Index + m.Length;
        }

        expression.Append(EscapeLiteral(step.Text[last..]));
        if (step.Table is not null)
        {
            parameters.Add("DataTable table");
        }
        else if (step.DocString is not null)
        {
            parameters.Add("string docString");
        }

        var attribute = step.Kind.ToString();
        var name = attribute + string.Concat(Words().Matches(Argument().Replace(step.Text, " "))
            .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.Value.ToLowerInvariant())));
        return $"[{attribute}(@\"{expression.Replace("\"", "\"\"")}\")]" + Environment.NewLine +
               $"public void {name}({string.Join(", ", parameters)})" + Environment.NewLine +
               "{" + Environment.NewLine +
               "    throw new PendingStepException();" + Environment.NewLine +
               "}";
    }

    // Cucumber Expressions give '(', '{' and '/' a meaning: a literal one needs a backslash.
    static string EscapeLiteral(string text) => SpecialCharacters().Replace(text, @"\$0");

    [GeneratedRegex(@"(?<q>""[^""]*""|'[^']*')|(?<f>-?\d+\.\d+)|(?<i>-?\d+)")]
    private static partial Regex Argument();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"[(){}/\\]")]
    private static partial Regex SpecialCharacters();
}

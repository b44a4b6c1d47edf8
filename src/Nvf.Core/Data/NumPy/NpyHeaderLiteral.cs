using System.Globalization;

namespace Nvf.Core.Data.NumPy;

/// <summary>
/// A tiny parser for the Python literal in a .npy header: a dict of string keys whose values are
/// strings, True/False, tuples of integers, or (for structured dtypes) lists. Nothing is evaluated.
/// </summary>
internal sealed class NpyHeaderLiteral(string text, string source, string arrayName)
{
    private int _pos;

    /// <summary>Parses the dict; values are string, bool, long[] (tuple) or object[] (list).</summary>
    public Dictionary<string, object> ParseDict()
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (TryConsume('}'))
                return result;
            if (ParseValue() is not string key)
                throw Fail("a string key");
            Expect(':');
            result[key] = ParseValue();
            SkipSpace();
            if (TryConsume('}'))
                return result;
            Expect(',');
        }
    }

    private object ParseValue()
    {
        SkipSpace();
        if (_pos >= text.Length)
            throw Fail("a value");
        var c = text[_pos];
        if (c is '\'' or '"')
            return ParseString(c);
        if (c == '(')
            return ParseSequence(')').Select(ToLong).ToArray();
        if (c == '[')
            return ParseSequence(']').ToArray();
        if (Match("True"))
            return true;
        if (Match("False"))
            return false;
        if (c == '-' || char.IsDigit(c))
            return ParseInteger();
        throw Fail("a string, True/False, an integer, a tuple or a list");
    }

    private List<object> ParseSequence(char close)
    {
        _pos++;
        var items = new List<object>();
        while (true)
        {
            SkipSpace();
            if (TryConsume(close))
                return items;
            items.Add(ParseValue());
            SkipSpace();
            if (TryConsume(close))
                return items;
            Expect(',');
        }
    }

    private string ParseString(char quote)
    {
        var end = text.IndexOf(quote, _pos + 1);
        if (end < 0)
            throw Fail("a closing quote");
        var value = text.Substring(_pos + 1, end - _pos - 1);
        _pos = end + 1;
        return value;
    }

    private long ParseInteger()
    {
        var start = _pos;
        if (text[_pos] == '-')
            _pos++;
        while (_pos < text.Length && char.IsDigit(text[_pos]))
            _pos++;
        if (!long.TryParse(text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Fail("an integer that fits in 64 bits");
        // Python 2 era files may write 5L for long integers.
        if (_pos < text.Length && text[_pos] == 'L')
            _pos++;
        return value;
    }

    private long ToLong(object item) => item is long l ? l : throw Fail("integers in the shape tuple");

    private bool Match(string word)
    {
        if (string.CompareOrdinal(text, _pos, word, 0, word.Length) != 0)
            return false;
        _pos += word.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            _pos++;
    }

    private bool TryConsume(char c)
    {
        if (_pos >= text.Length || text[_pos] != c)
            return false;
        _pos++;
        return true;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (!TryConsume(c))
            throw Fail($"'{c}'");
    }

    private NpyFormatException Fail(string expected) =>
        NpyFormatException.For(source, arrayName, $"has a malformed header at character {_pos}: expected {expected} in {text.TrimEnd()}");
}

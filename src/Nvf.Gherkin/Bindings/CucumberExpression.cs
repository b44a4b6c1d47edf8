using System.Text;
using System.Text.RegularExpressions;

namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Compiles a Cucumber Expression to an anchored regular expression, one capture per parameter.
/// Supports {int} {float} {word} {string} {} and two additions of this runner: {percent} ("90%", converted
/// to a fraction) and {duration} ("250ms", "1.5 s", "3 min", "2h"); optional text "(s)", alternatives "a/b",
/// and '\' to escape any of "({/".
/// </summary>
public static class CucumberExpression
{
    static readonly Dictionary<string, string> Patterns = new()
    {
        ["int"] = @"(-?\d+)",
        ["float"] = @"(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)",
        ["word"] = @"([^\s]+)",
        ["string"] = @"(""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*')",
        [""] = @"(.*)",
        ["percent"] = @"(-?\d+(?:\.\d+)?\s?%)",
        ["duration"] = @"(\d+(?:\.\d+)?\s?(?:ms|s|sec|min|h|d))",
    };

    /// <summary>The parameter type names this runner knows (without braces).</summary>
    public static IReadOnlyCollection<string> ParameterTypes => Patterns.Keys;

    /// <summary>True when the text is a regular expression by Cucumber's rule: it starts with '^' or ends with '$'.</summary>
    /// <param name="expression">A step definition's expression.</param>
    public static bool IsRegularExpression(string expression) =>
        expression.StartsWith('^') || expression.EndsWith('$');

    /// <summary>Compiles the expression; <paramref name="parameterTypes"/> receives each capture's type name in order.</summary>
    /// <param name="expression">The Cucumber Expression.</param>
    /// <param name="parameterTypes">Parameter type names, one per capture.</param>
    /// <exception cref="FormatException">An unknown parameter type or an unclosed brace/parenthesis.</exception>
    public static Regex Compile(string expression, out IReadOnlyList<string> parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var types = new List<string>();
        var result = new StringBuilder("^");
        var alternatives = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '\\' when i + 1 < expression.Length:
                    current.Append(Regex.Escape(expression[++i].ToString()));
                    break;
                case '{':
                    var close = expression.IndexOf('}', i);
                    if (close < 0)
                    {
                        throw new FormatException($"'{expression}': '{{' at {i} is never closed; expected a parameter such as {{int}}.");
                    }

                    var name = expression[(i + 1)..close];
                    if (!Patterns.TryGetValue(name, out var pattern))
                    {
                        throw new FormatException($"'{expression}': unknown parameter type {{{name}}}; expected one of {string.Join(" ", Patterns.Keys.Select(k => "{" + k + "}"))}.");
                    }

                    types.Add(name);
                    current.Append(pattern);
                    i = close;
                    break;
                case '(':
                    var end = expression.IndexOf(')', i);
                    if (end < 0)
                    {
                        throw new FormatException($"'{expression}': '(' at {i} is never closed; expected optional text such as \"(s)\".");
                    }

                    current.Append("(?:").Append(Regex.Escape(expression[(i + 1)..end])).Append(")?");
                    i = end;
                    break;
                case '/':
                    alternatives.Add(current.ToString());
                    current.Clear();
                    break;
                case var space when char.IsWhiteSpace(space):
                    Flush(result, alternatives, current);
                    result.Append(Regex.Escape(space.ToString()));
                    break;
                default:
                    current.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        Flush(result, alternatives, current);
        parameterTypes = types;
        return new Regex(result.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    // Alternatives bind to the whitespace-delimited word they appear in, as in Cucumber.
    static void Flush(StringBuilder result, List<string> alternatives, StringBuilder current)
    {
        if (alternatives.Count == 0)
        {
            result.Append(current);
        }
        else
        {
            alternatives.Add(current.ToString());
            result.Append("(?:").Append(string.Join('|', alternatives)).Append(')');
            alternatives.Clear();
        }

        current.Clear();
    }
}

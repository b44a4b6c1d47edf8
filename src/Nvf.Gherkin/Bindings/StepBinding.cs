using System.Reflection;
using System.Text.RegularExpressions;
using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>One step definition: a method, the step kind it answers and its compiled expression.</summary>
public sealed class StepBinding
{
    readonly IReadOnlyList<string> parameterTypes;

    /// <summary>Compiles the binding.</summary>
    /// <param name="method">The step method (instance or static; may return Task).</param>
    /// <param name="kind">The step kind it answers, or null for any.</param>
    /// <param name="expression">A Cucumber Expression or an anchored regular expression.</param>
    /// <exception cref="FormatException">The expression does not compile; the message names the method.</exception>
    public StepBinding(MethodInfo method, StepKind? kind, string expression)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        Method = method;
        Kind = kind;
        Expression = expression;
        try
        {
            if (CucumberExpression.IsRegularExpression(expression))
            {
                Regex = new Regex(expression, RegexOptions.CultureInvariant);
                parameterTypes = Enumerable.Repeat("regex", Regex.GetGroupNumbers().Length - 1).ToList();
            }
            else
            {
                Regex = CucumberExpression.Compile(expression, out parameterTypes);
            }
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{Location}: invalid regular expression '{expression}': {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{Location}: {e.Message}", e);
        }
    }

    /// <summary>The step method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The step kind it answers, or null for any.</summary>
    public StepKind? Kind { get; }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The anchored regular expression the step text must match.</summary>
    public Regex Regex { get; }

    /// <summary>"Type.Method(ParamTypes)", as reports show a match location.</summary>
    public string Location =>
        $"{Method.DeclaringType?.Name}.{Method.Name}({string.Join(", ", Method.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>Returns the captured texts when the step matches, or null.</summary>
    /// <param name="step">The step to match.</param>
    public IReadOnlyList<string>? Match(StepInfo step)
    {
        if (Kind is { } kind && kind != step.Kind)
        {
            return null;
        }

        var match = Regex.Match(step.Text);
        if (!match.Success)
        {
            return null;
        }

        var captures = new string[match.Groups.Count - 1];
        for (var i = 1; i < match.Groups.Count; i++)
        {
            var text = match.Groups[i].Value;
            captures[i - 1] = parameterTypes[i - 1] == "string" && text.Length >= 2 ? Unquote(text) : text;
        }

        return captures;
    }

    static string Unquote(string quoted) =>
        quoted[1..^1].Replace("\\" + quoted[0], quoted[0].ToString(), StringComparison.Ordinal);
}

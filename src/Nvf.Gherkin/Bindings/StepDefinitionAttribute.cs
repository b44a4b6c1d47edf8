using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>
/// Binds a method to steps of any keyword. The expression is a Cucumber Expression
/// ({int} {float} {word} {string} {} {percent} {duration}, optional "(s)", alternatives "a/b"),
/// or a regular expression when it starts with '^' or ends with '$'.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class StepDefinitionAttribute : Attribute
{
    /// <summary>Binds the method to every step kind.</summary>
    /// <param name="expression">A Cucumber Expression or an anchored regular expression.</param>
    public StepDefinitionAttribute(string expression)
        : this(expression, null)
    {
    }

    private protected StepDefinitionAttribute(string expression, StepKind? kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        Expression = expression;
        Kind = kind;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>The step kind this binding answers, or null for any.</summary>
    public StepKind? Kind { get; }
}

using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Binds a method to "When" steps (and to And/But steps that continue one).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class WhenAttribute : StepDefinitionAttribute
{
    /// <summary>Binds the method to When steps matching the expression.</summary>
    /// <param name="expression">A Cucumber Expression or an anchored regular expression.</param>
    public WhenAttribute(string expression)
        : base(expression, StepKind.When)
    {
    }
}

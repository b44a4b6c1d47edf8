using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Binds a method to "Then" steps (and to And/But steps that continue one).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ThenAttribute : StepDefinitionAttribute
{
    /// <summary>Binds the method to Then steps matching the expression.</summary>
    /// <param name="expression">A Cucumber Expression or an anchored regular expression.</param>
    public ThenAttribute(string expression)
        : base(expression, StepKind.Then)
    {
    }
}

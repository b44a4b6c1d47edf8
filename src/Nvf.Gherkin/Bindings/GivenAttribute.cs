using Nvf.Gherkin.Model;

namespace Nvf.Gherkin.Bindings;

/// <summary>Binds a method to "Given" steps (and to And/But steps that continue one).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GivenAttribute : StepDefinitionAttribute
{
    /// <summary>Binds the method to Given steps matching the expression.</summary>
    /// <param name="expression">A Cucumber Expression or an anchored regular expression.</param>
    public GivenAttribute(string expression)
        : base(expression, StepKind.Given)
    {
    }
}

using Nvf.Gherkin.Engine;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A before-feature hook that fails for features tagged @broken-setup, and a binding with the wrong arity.</summary>
[Binding]
public static class FailingHooks
{
    [BeforeFeature("broken-setup")]
    public static void BrokenSetup() => throw new InvalidOperationException("sample setup failed: fixtures missing");

    [Given("a binding that takes {int} but declares none")]
    public static void WrongArity() => HookLog.Add("never");
}

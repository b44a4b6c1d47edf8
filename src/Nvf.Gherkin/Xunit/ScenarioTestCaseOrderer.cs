using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>Runs scenarios in file order (so each feature's hooks wrap its scenarios once); other tests keep xunit's order.</summary>
internal sealed class ScenarioTestCaseOrderer(ITestCaseOrderer others) : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var all = testCases.ToList();
        var scenarios = all.OfType<ScenarioTestCase>().OrderBy(t => t.Order).Cast<TTestCase>();
        return others.OrderTestCases(all.Where(t => t is not ScenarioTestCase)).Concat(scenarios);
    }
}

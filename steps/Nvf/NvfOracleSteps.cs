using Nvf.Core.Criteria;
using Nvf.Core.Pipeline;
using Nvf.Gherkin.Running;
using Reqnroll;

namespace Nvf.Specs.Steps.Nvf;

/// <summary>Measuring the oracle ceiling of a query distribution on its own.</summary>
[Binding]
public sealed class NvfOracleSteps(NvfScenario scenario, ScenarioEvidence context)
{
    [When("the oracle ceiling is measured by exact search on {int} such queries")]
    public void WhenOracleCeilingIsMeasured(int count)
    {
        scenario.Ceiling = OracleCeiling.Measure(scenario.Database.Vectors, scenario.Distribution.Draw(scenario.Database, count, QueryStream.Evaluation));
        context.AttachTable("oracle ceiling: exact cosine search over the whole database", ["metric", "estimate", "Wilson 95% interval", "n"],
            [["exact search Top-1 finds the label", MetricsTable.Percent(scenario.Ceiling.Estimate), $"[{100 * scenario.Ceiling.Lower:F1}, {100 * scenario.Ceiling.Upper:F1}]", scenario.Ceiling.Trials.ToString()]]);
    }
}

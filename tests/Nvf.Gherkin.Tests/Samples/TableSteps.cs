using FluentAssertions;
using Nvf.Gherkin.Engine;
using Reqnroll;
using Nvf.Gherkin.Running;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Sample bindings taking tables (as records and raw) and DocStrings, and attaching evidence.</summary>
[Binding]
public sealed class TableSteps(ScenarioEvidence context)
{
    [Given("these index cases:")]
    public void GivenCases(IReadOnlyList<IndexCase> cases) =>
        HookLog.Add(string.Join("; ", cases.Select(c => $"{c.Name} {c.Kind} {c.Recall} {c.Budget.TotalMilliseconds}ms")));

    [Given("this raw table:")]
    public void GivenRaw(DataTable table) => HookLog.Add($"{table.Header.Count} columns, {table.Rows.Count} rows");

    [Given("this text:")]
    public void GivenText(string text) => HookLog.Add($"text: {text}");

    [Then("the checks are attached")]
    public void ThenAttach()
    {
        context.AttachTable("Eval alignment", ["Check", "Result", "Status"],
        [
            ["**Mean cosine**", "1.000000", "✅ PASS"],
            ["**Aligned (cos > 0.999)**", "100/100 (100%)", "✅ PASS"],
        ]);
        context.AttachSvg("plot", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"teal\"/></svg>");
        context.AttachText("note", "plain <text> & more");
        context.AttachJson("metrics", "{\"top1\": 0.68, \"top5\": 0.974}");
        context.Scenario.Should().NotBeNull();
    }
}

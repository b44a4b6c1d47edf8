using System.Collections.Concurrent;
using FluentAssertions;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Support;
using Reqnroll;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>A run-scoped object is made once per run, shared by its scenarios, and disposed when the run finishes.</summary>
public sealed class RunScopedTests
{
    [Fact]
    public async Task One_instance_serves_every_scenario_of_a_run_and_is_disposed_at_its_end_and_the_next_run_gets_a_new_one()
    {
        const string feature = """
            Feature: Shared
              Scenario: first
                Given the run-scoped tally is counted
              Scenario: second
                Given the run-scoped tally is counted
            """;

        var (first, _) = await InnerRun.RunAsync(feature, [typeof(RunTallySteps)]);
        var (second, _) = await InnerRun.RunAsync(feature, [typeof(RunTallySteps)]);

        var ids = first.Results.Select(r => r.Steps.Single().Attachments.Single().Content).ToList();
        ids.Should().HaveCount(2);
        ids.Select(id => id.Split(' ')[0]).Distinct().Should().ContainSingle("both scenarios of a run see the same object");
        ids.Select(id => id.Split(' ')[1]).Should().Equal("1", "2");
        ids.Select(id => id.Split(' ')[2]).Should().Equal(["1", "0"], "the run knows what is left after each scenario (what a run-scoped cache may release)");
        var made = RunTally.Made[ids[0].Split(' ')[0]];
        made.Disposed.Should().BeTrue("the run disposes it when it finishes");
        second.Results[0].Steps.Single().Attachments.Single().Content.Split(' ')[0].Should().NotBe(ids[0].Split(' ')[0], "the next run gets its own");
    }
}

/// <summary>A run-scoped counter (the runner makes it for runs whose bindings are in this assembly).</summary>
public sealed class RunTally : IRunScoped
{
    /// <summary>Every tally made, by id (for the test to check disposal).</summary>
    public static ConcurrentDictionary<string, RunTally> Made { get; } = new();

    /// <summary>Makes a tally with a fresh id.</summary>
    public RunTally() => Made[Id] = this;

    /// <summary>Its id.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How often it was counted.</summary>
    public int Count { get; set; }

    /// <summary>True once disposed.</summary>
    public bool Disposed { get; private set; }

    /// <inheritdoc/>
    public void Dispose() => Disposed = true;
}

/// <summary>Counts the run-scoped tally and attaches "id count".</summary>
[Binding]
public sealed class RunTallySteps(RunTally tally, ScenarioEvidence evidence, RunSoFar soFar)
{
    /// <summary>Counts, and says how many scenarios the run has left after this one.</summary>
    [Given("the run-scoped tally is counted")]
    public void Count() => evidence.AttachText("tally", $"{tally.Id} {++tally.Count} {soFar.Remaining?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
}

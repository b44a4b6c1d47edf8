using FluentAssertions;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Xunit;

namespace Nvf.Gherkin.Tests;

public sealed class ScenarioRunnerTests
{
    [Fact]
    public async Task Outline_rows_run_with_their_values_and_a_fresh_context_each()
    {
        var (report, log) = await InnerRun.RunAsync("""
            Feature: Sums
              Scenario Outline: Adding <a> and <b>
                When I add <a> and <b>
                Then the total is <sum>
                And the calculator was created for this scenario
                Examples:
                  | a | b | sum |
                  | 1 | 2 | 3   |
                  | 4 | 5 | 9   |
            """);

        report.Results.Select(r => r.Status).Should().Equal(StepStatus.Passed, StepStatus.Passed);
        log.Should().Equal("dispose Calculator(3)", "dispose Calculator(9)");
    }

    [Fact]
    public async Task An_undefined_step_fails_with_a_ready_to_paste_snippet_and_later_steps_are_skipped()
    {
        var (report, _) = await InnerRun.RunAsync("""
            Feature: Gaps
              Scenario: Unbound
                Given an unbound step with 3 apples and "red" ones at 0.5
                Then the total is 3
            """);

        var result = report.Scenario("Unbound");
        result.Status.Should().Be(StepStatus.Undefined);
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Undefined, StepStatus.Skipped);
        result.FailureMessage.Should().Contain("""
            [Given("an unbound step with {int} apples and {string} ones at {float}")]
            public void GivenAnUnboundStepWithApplesAndOnesAt(int p0, string red1, Decimal p2)
            {
                throw new PendingStepException();
            }
            """.ReplaceLineEndings());
    }

    [Fact]
    public async Task Two_matching_bindings_fail_as_ambiguous_listing_both()
    {
        var (report, log) = await InnerRun.RunAsync("Feature: F\n  Scenario: Both\n    Given an overlapping step 7\n");

        var step = report.Scenario("Both").Steps.Single();
        step.Status.Should().Be(StepStatus.Ambiguous);
        step.Error.Should().Contain("ProblemSteps.OverlapInt(Int32)").And.Contain("ProblemSteps.OverlapWord(String)");
        log.Should().BeEmpty("an ambiguous step must not run either binding");
    }

    [Fact]
    public async Task A_pending_step_fails_with_its_text()
    {
        var (report, _) = await InnerRun.RunAsync("Feature: F\n  Scenario: Later\n    Given a step that is not written yet\n");

        var result = report.Scenario("Later");
        result.Status.Should().Be(StepStatus.Pending);
        report.Succeeded.Should().BeFalse("a pending step never passes");
        result.FailureMessage.Should().Contain("pending: Given a step that is not written yet — measure the oracle ceiling");
    }

    [Fact]
    public async Task A_missing_precondition_skips_with_its_reason_and_after_hooks_still_run()
    {
        var (report, log) = await InnerRun.RunAsync(
            "Feature: F\n  Scenario: Needs a server\n    Given no sample server is reachable\n    Then the total is 0\n",
            [typeof(ProblemSteps), typeof(CalculatorSteps), typeof(RecordingHooks)]);

        var result = report.Scenario("Needs a server");
        result.Status.Should().Be(StepStatus.Skipped);
        result.SkipReason.Should().Be("no sample server: SAMPLE_URL unset, no docker engine");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Skipped, StepStatus.Skipped);
        log.Should().Contain("after scenario Needs a server");
        report.Succeeded.Should().BeTrue("a skip is not a failure");
    }

    [Fact]
    public async Task A_failure_skips_the_rest_but_after_hooks_and_disposal_run()
    {
        var (report, log) = await InnerRun.RunAsync(
            "Feature: F\n  Scenario: Breaks\n    Given the number 2\n    And a step that fails\n    Then the total is 2\n",
            [typeof(ProblemSteps), typeof(CalculatorSteps), typeof(RecordingHooks)]);

        var result = report.Scenario("Breaks");
        result.Steps.Select(s => s.Status).Should().Equal(StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped);
        result.FailureMessage.Should().Contain("sample.feature:4: And a step that fails").And.Contain("boom: the sample failure");
        log.Should().ContainInOrder("after scenario Breaks", "dispose Calculator(2)", "after feature F", "after run");
    }

    [Fact]
    public async Task Hooks_run_in_order_with_tag_filters()
    {
        var (_, log) = await InnerRun.RunAsync("""
            Feature: Hooked
              Scenario: Quick
                Given a step that passes
              @slow
              Scenario: Slow
                Given a step that passes
            """, [typeof(ProblemSteps), typeof(RecordingHooks)]);

        log.Should().Equal(
            "before run", "before feature Hooked",
            "before scenario Quick (order 1)", "before scenario Quick (order 2)",
            "before step", "step passes", "after step", "after scenario Quick",
            "before scenario Slow (order 1)", "before scenario Slow (order 2)", "before @slow scenario Slow",
            "before step", "step passes", "after step", "after scenario Slow",
            "after feature Hooked", "after run");
    }

    [Fact]
    public async Task A_dry_run_binds_every_step_and_runs_nothing()
    {
        var (report, log) = await InnerRun.RunAsync(
            "Feature: F\n  Scenario: Bound\n    Given a step that fails\n  Scenario: Unbound\n    Given nothing binds this\n",
            [typeof(ProblemSteps), typeof(RecordingHooks)], dryRun: true);

        log.Should().BeEmpty();
        report.Scenario("Bound").Status.Should().Be(StepStatus.Passed);
        report.Scenario("Bound").Steps.Single().Status.Should().Be(StepStatus.Skipped);
        report.Scenario("Unbound").Status.Should().Be(StepStatus.Undefined);
    }

    [Fact]
    public async Task A_dry_run_with_step_hooks_binds_every_step_of_a_scenario()
    {
        var (report, log) = await InnerRun.RunAsync(
            "Feature: F\n  Scenario: Two\n    Given a step that passes\n    And a step that fails\n",
            [typeof(ProblemSteps), typeof(RecordingHooks)], dryRun: true);

        log.Should().BeEmpty();
        var result = report.Scenario("Two");
        result.Status.Should().Be(StepStatus.Passed, result.FailureMessage);
        result.Steps.Should().HaveCount(2).And.OnlyContain(s => s.Status == StepStatus.Skipped && s.Error == "dry run: bound, not run" && s.MatchLocation != null);
    }

    [Fact]
    public async Task Tables_become_records_and_docstrings_strings()
    {
        var (report, log) = await InnerRun.RunAsync("""
            Feature: Arguments
              Scenario: Cases
                Given these index cases:
                  | Name | Kind     | Recall | Budget |
                  | ivf  | ivf flat | 95.2%  | 250ms  |
                  | flat | Flat     | 100%   | 1 s    |
                And this raw table:
                  | a | b | c |
                  | 1 | 2 | 3 |
                And this text:
                  ```
                  hello
                  ```
            """);

        report.Scenario("Cases").Status.Should().Be(StepStatus.Passed);
        log.Should().Equal("ivf IvfFlat 0.952 250ms; flat Flat 1 1000ms", "3 columns, 1 rows", "text: hello");
    }

    [Fact]
    public async Task Regular_expressions_and_duration_parameters_bind()
    {
        var (_, log) = await InnerRun.RunAsync("Feature: F\n  Scenario: R\n    Given a regex step with 3 items\n    When it waits 1.5 s\n");

        log.Should().Equal("regex 3", "waits 1500 ms");
    }

    [Fact]
    public async Task A_binding_with_the_wrong_arity_fails_saying_what_it_expected()
    {
        var (report, _) = await InnerRun.RunAsync("Feature: F\n  Scenario: Arity\n    Given a binding that takes 3 but declares none\n", [typeof(FailingHooks)]);

        report.Scenario("Arity").FailureMessage.Should().Contain("Parameter count mismatch! The binding method 'Nvf.Gherkin.Tests:Nvf.Gherkin.Tests.Samples.FailingHooks.WrongArity()' should have 1 parameters");
    }

    [Fact]
    public async Task A_failing_before_feature_hook_fails_every_scenario_of_that_feature()
    {
        var (report, log) = await InnerRun.RunAsync(
            "@broken-setup\nFeature: F\n  Scenario: One\n    Given a step that passes\n  Scenario: Two\n    Given a step that passes\n",
            [typeof(FailingHooks), typeof(ProblemSteps)]);

        report.Results.Select(r => r.Status).Should().Equal(StepStatus.Failed, StepStatus.Failed);
        report.Results[0].FailureMessage.Should().Contain("sample setup failed: fixtures missing");
        log.Should().BeEmpty("no step runs after a failed before-feature hook");
    }

    [Fact]
    public async Task What_a_step_hook_attaches_belongs_to_the_step()
    {
        var (report, _) = await InnerRun.RunAsync(
            "Feature: F\n  @evidence\n  Scenario: Noted\n    Given a step that passes\n  Scenario: Plain\n    Given a step that passes\n",
            [typeof(ProblemSteps), typeof(EvidenceHooks)]);

        report.Scenario("Noted").Steps.Single().Attachments.Select(a => (a.Title, a.Content)).Should().Equal(("after step", "a step that passes"));
        report.Scenario("Plain").Steps.Single().Attachments.Should().BeEmpty("the hook's tag filter excludes this scenario");
    }
}

using FluentAssertions;
using Nvf.Gherkin.Running;
using Nvf.Gherkin.Tests.Support;
using Nvf.Gherkin.Xunit;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Tests;

public sealed class XunitAdapterTests
{
    [Fact]
    public void Discovery_yields_one_named_test_per_scenario_and_row_with_tags_as_categories()
    {
        var cases = Discover();

        cases.Select(c => c.DisplayName).Should().Contain(
            "Outlines, Background and step arguments › Tallies add up [small numbers: a=1, b=2, sum=3, wrong=4]",
            "Outlines, Background and step arguments › Tallies add up [small numbers: a=5, b=8, sum=13, wrong=12]",
            "Problems are reported, never passed › A dry run binds every step and runs nothing");
        var gate = cases.Single(c => c.DisplayName.EndsWith("A pending step fails with its text", StringComparison.Ordinal));
        gate.Traits["Category"].Should().Equal("runner", "gate");
        gate.SourceInformation!.FileName.Should().EndWith("Features/problems.feature");
        gate.SourceInformation.LineNumber.Should().Be(39);
        cases.Select(c => c.UniqueID).Should().OnlyHaveUniqueItems();
        cases.Select(c => c.Order).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_scenario_test_case_survives_xunit_serialization()
    {
        var original = Discover().First(c => c.Traits.ContainsKey("Category"));

        var copy = SerializationHelper.Deserialize<ScenarioTestCase>(SerializationHelper.Serialize(original))!;

        copy.DisplayName.Should().Be(original.DisplayName);
        copy.UniqueID.Should().Be(original.UniqueID);
        copy.Order.Should().Be(original.Order);
        copy.Traits.Should().BeEquivalentTo(original.Traits);
        copy.TestMethod.TestClass.Class.Name.Should().Be(typeof(Scenarios).FullName);
    }

    [Theory]
    [InlineData(StepStatus.Passed, typeof(TestPassed))]
    [InlineData(StepStatus.Skipped, typeof(TestSkipped))]
    [InlineData(StepStatus.Failed, typeof(TestFailed))]
    [InlineData(StepStatus.Pending, typeof(TestFailed))]
    [InlineData(StepStatus.Undefined, typeof(TestFailed))]
    [InlineData(StepStatus.Ambiguous, typeof(TestFailed))]
    public void Only_a_missing_precondition_is_an_xunit_skip_and_only_a_pass_passes(StepStatus status, Type message)
    {
        var testCase = Discover()[0];

        var outcome = ScenarioTestCase.Outcome(new XunitTest(testCase, testCase.DisplayName), status, "why", "", 0.1m);

        outcome.Should().BeOfType(message);
        if (outcome is TestSkipped skipped)
        {
            skipped.Reason.Should().Be("why");
        }
    }

    static List<ScenarioTestCase> Discover()
    {
        using var sink = new CollectingSink();
        using var discoverer = new GherkinTestFrameworkDiscoverer(Reflector.Wrap(typeof(XunitAdapterTests).Assembly), new NoSourceInformation(), sink);

        discoverer.Find(includeSourceInformation: false, sink, new DiscoveryOptions());
        sink.WaitForDiscovery();

        lock (sink.Messages)
        {
            return sink.Messages.OfType<ITestCaseDiscoveryMessage>().Select(m => m.TestCase).OfType<ScenarioTestCase>().ToList();
        }
    }
}

using Nvf.Gherkin.Running;
using Reqnroll;

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>Sample bindings that fail, skip, pend, or collide, for inner runs.</summary>
[Binding]
public static class ProblemSteps
{
    [Given("a step that fails")]
    public static void Fails() => throw new InvalidOperationException("boom: the sample failure");

    [Given("a step that is not written yet")]
    public static void NotWrittenYet() => throw new PendingStepException("measure the oracle ceiling");

    [Given("no sample server is reachable")]
    public static void NoServer() => throw new ScenarioSkippedException("no sample server: SAMPLE_URL unset, no docker engine");

    [Given("a step that passes")]
    public static void Passes() => HookLog.Add("step passes");

    [Given("an overlapping step {int}")]
    public static void OverlapInt(int value) => HookLog.Add($"int {value}");

    [Given("an overlapping step {word}")]
    public static void OverlapWord(string value) => HookLog.Add($"word {value}");

    [Given(@"^a regex step with (\d+) items?$")]
    public static void Regex(int count) => HookLog.Add($"regex {count}");

    [When("it sleeps {duration}")]
    public static void Sleeps(TimeSpan duration) => Thread.Sleep(duration);

    [When("it waits {duration}")]
    public static void Waits(TimeSpan duration) => HookLog.Add($"waits {duration.TotalMilliseconds} ms");
}

using System.ComponentModel;
using System.Text;
using Nvf.Gherkin.Model;
using Nvf.Gherkin.Reports;
using Nvf.Gherkin.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nvf.Gherkin.Xunit;

/// <summary>
/// One scenario (or Examples row) as an xunit test: display name "feature › scenario [values]", tags as
/// "Category" traits, the feature file and line as source information. A refused feature file becomes one
/// failing test carrying its file:line:column errors.
/// </summary>
public sealed class ScenarioTestCase : global::Xunit.LongLivedMarshalByRefObject, IXunitTestCase
{
    string featureUri = "";
    string title = "";
    string? error;

    /// <summary>Called by xunit's deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer", error: true)]
    public ScenarioTestCase()
    {
    }

    internal ScenarioTestCase(ITestMethod testMethod, string featureUri, string title, string displayName, Dictionary<string, List<string>> traits, int order, string? error)
    {
        TestMethod = testMethod;
        this.featureUri = featureUri;
        this.title = title;
        this.error = error;
        DisplayName = displayName;
        Traits = traits;
        Order = order;
    }

    /// <inheritdoc/>
    public string DisplayName { get; private set; } = "";

    /// <summary>The scenario this test runs, in the run's catalogue, or null when it is not there (a stale discovery).</summary>
    internal ScenarioInfo? Scenario => GherkinRunHost.Current?.Catalog.Find(featureUri, title);

    /// <summary>Position in discovery order (feature files by path, scenarios in file order); the run follows it.</summary>
    public int Order { get; private set; }

    /// <inheritdoc/>
    public string? SkipReason => null;

    /// <inheritdoc/>
    public ISourceInformation? SourceInformation { get; set; }

    /// <inheritdoc/>
    public ITestMethod TestMethod { get; private set; } = null!;

    /// <inheritdoc/>
    public object[]? TestMethodArguments => null;

    /// <inheritdoc/>
    public Dictionary<string, List<string>> Traits { get; private set; } = [];

    /// <inheritdoc/>
    public string UniqueID => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        Encoding.UTF8.GetBytes($"{TestMethod.TestClass.TestCollection.TestAssembly.Assembly.Name}|{featureUri}|{title}")))[..40];

    /// <inheritdoc/>
    public Exception? InitializationException => null;

    /// <inheritdoc/>
    public IMethodInfo Method => TestMethod.Method;

    /// <inheritdoc/>
    public int Timeout => 0;

    /// <inheritdoc/>
    public async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        ArgumentNullException.ThrowIfNull(messageBus);
        var test = new XunitTest(this, DisplayName);
        var summary = new RunSummary { Total = 1 };
        messageBus.QueueMessage(new TestCaseStarting(this));
        if (!messageBus.QueueMessage(new TestStarting(test)))
        {
            cancellationTokenSource.Cancel();
        }

        var (status, message, output, seconds) = await RunScenarioAsync();
        var outcome = Outcome(test, status, message, output, seconds);
        summary.Skipped = outcome is TestSkipped ? 1 : 0;
        summary.Failed = outcome is TestFailed ? 1 : 0;
        messageBus.QueueMessage(outcome);
        summary.Time = seconds;
        messageBus.QueueMessage(new TestFinished(test, seconds, output));
        messageBus.QueueMessage(new TestCaseFinished(this, seconds, 1, summary.Failed, summary.Skipped));
        return summary;
    }

    // Only a pass passes and only a missing precondition skips: pending, undefined and ambiguous fail.
    internal static TestResultMessage Outcome(ITest test, StepStatus status, string message, string output, decimal seconds) => status switch
    {
        StepStatus.Passed => new TestPassed(test, seconds, output),
        StepStatus.Skipped => new TestSkipped(test, message),
        _ => new TestFailed(test, seconds, output, new ScenarioFailedException(message)),
    };

    async Task<(StepStatus Status, string Message, string Output, decimal Seconds)> RunScenarioAsync()
    {
        if (error is not null)
        {
            return (StepStatus.Failed, error, "", 0m);
        }

        try
        {
            var scenario = GherkinRunHost.Current?.Catalog.Find(featureUri, title)
                ?? throw new InvalidOperationException(GherkinRunHost.StartupError
                    ?? $"scenario '{title}' is no longer in {featureUri}; expected the features to match the discovered tests (rebuild).");
            var result = await Scenarios.RunAsync(scenario);
            var output = string.Join(Environment.NewLine, result.Steps.Select(s =>
                $"{StatusText.Symbol(s.Status)} {s.Step.Keyword}{s.Step.Text} ({StatusText.Milliseconds(s.Duration)})"));
            var message = result.Status == StepStatus.Skipped ? result.SkipReason ?? "" : result.FailureMessage;
            return (result.Status, message, output, (decimal)result.Duration.TotalSeconds);
        }
        catch (Exception e)
        {
            return (StepStatus.Failed, e.Message, "", 0m);
        }
    }

    /// <inheritdoc/>
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("TestMethod", TestMethod);
        info.AddValue("FeatureUri", featureUri);
        info.AddValue("Title", title);
        info.AddValue("DisplayName", DisplayName);
        info.AddValue("Order", Order);
        info.AddValue("Error", error);
        info.AddValue("Traits", Traits.SelectMany(t => t.Value.Select(v => $"{t.Key}={v}")).ToArray());
    }

    /// <inheritdoc/>
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        TestMethod = info.GetValue<ITestMethod>("TestMethod");
        featureUri = info.GetValue<string>("FeatureUri");
        title = info.GetValue<string>("Title");
        DisplayName = info.GetValue<string>("DisplayName");
        Order = info.GetValue<int>("Order");
        error = info.GetValue<string>("Error");
        Traits = info.GetValue<string[]>("Traits")
            .Select(t => t.Split('=', 2))
            .GroupBy(p => p[0], p => p[1])
            .ToDictionary(g => g.Key, g => g.ToList());
    }
}

using System.Globalization;
using System.Reflection;
using Nvf.Gherkin.Running;
using Reqnroll;
using Reqnroll.Analytics;
using Reqnroll.BoDi;
using Reqnroll.Bindings.Discovery;
using Reqnroll.Bindings.Provider;
using Reqnroll.Configuration;
using Reqnroll.EnvironmentAccess;
using Reqnroll.Events;
using Reqnroll.Infrastructure;
using Reqnroll.PlatformCompatibility;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace Nvf.Gherkin.Engine;

/// <summary>
/// The one place that reaches into Reqnroll's infrastructure, the part its generated test classes and
/// unit-test plugins normally use: the container builder, the binding-registry builder, the unit-test
/// runtime provider, the attachment handler, telemetry, environment options and tracing. Everything else in
/// the project uses Reqnroll's public step API. <c>ReqnrollContractTests</c> pins every member used here, so an
/// upgrade that changes one fails that test by name instead of failing a run.
/// </summary>
internal static class ReqnrollContract
{
    /// <summary>The Reqnroll version these adapters were written and tested against.</summary>
    public const string TestedVersion = "3.3.4";

    /// <summary>Whether a binding error is Reqnroll's "more than one step definition matches".</summary>
    public static bool IsAmbiguity(Exception? error) => error is AmbiguousBindingException;

    /// <summary>Reqnroll's global container for one run: its bindings, this project's services, telemetry off.</summary>
    public static IObjectContainer CreateGlobalContainer(BindingSource bindings, bool dryRun, IAsyncExecutionEventListener listener) =>
        new RunContainerBuilder(bindings, dryRun, listener).CreateGlobalContainer(bindings.Assembly, new DefaultsOnly());

    /// <summary>Creates the run's test-runner manager (one per run, so runs can nest).</summary>
    public static ITestRunnerManager CreateManager(IObjectContainer global, Assembly testAssembly)
    {
        var manager = global.Resolve<ITestRunnerManager>();
        manager.Initialize(testAssembly);
        return manager;
    }

    /// <summary>The ready-to-paste step definition for a step no binding matches, in Reqnroll's own style.</summary>
    public static string SnippetFor(ITestRunner runner, IScenarioStepContext step)
    {
        var instance = step.StepInfo?.StepInstance;
        if (instance is null)
        {
            return "";
        }

        var container = runner.ScenarioContext?.ScenarioContainer ?? runner.TestThreadContext.TestThreadContainer;
        var skeletons = container.Resolve<Reqnroll.BindingSkeletons.IStepDefinitionSkeletonProvider>();
        return skeletons.GetStepDefinitionSkeleton(ProgrammingLanguage.CSharp, instance, Reqnroll.BindingSkeletons.StepDefinitionSkeletonStyle.CucumberExpressionAttribute, CultureInfo.InvariantCulture);
    }

    // Registers this project's services over Reqnroll's defaults, before anything resolves them.
    sealed class RunContainerBuilder(BindingSource bindings, bool dryRun, IAsyncExecutionEventListener listener) : ContainerBuilder
    {
        public override IObjectContainer CreateGlobalContainer(Assembly testAssembly, IRuntimeConfigurationProvider? configurationProvider = null)
        {
            SkipLoadingProvider = true;
            return base.CreateGlobalContainer(testAssembly, configurationProvider);
        }

        protected override void RegisterDefaults(ObjectContainer container)
        {
            base.RegisterDefaults(container);
            container.RegisterInstanceAs(bindings);
            container.RegisterTypeAs<ChosenTypesRegistryBuilder, IRuntimeBindingRegistryBuilder>();
            container.RegisterInstanceAs<IUnitTestRuntimeProvider>(new GateRuntimeProvider());
            container.RegisterInstanceAs<IReqnrollAttachmentHandler>(new FileAttachments());
            container.RegisterInstanceAs<IEnvironmentOptions>(new RunEnvironment(dryRun));
            container.RegisterInstanceAs<ITraceListener>(new NullListener());
            TelemetryOff.Register(container);
        }

        public override IObjectContainer CreateTestThreadContainer(IObjectContainer globalContainer)
        {
            var container = base.CreateTestThreadContainer(globalContainer);
            container.Resolve<ITestThreadExecutionEventPublisher>().AddListener(listener);
            return container;
        }
    }

    // Builds bindings from the chosen classes only (all of the assembly's when none are chosen).
    sealed class ChosenTypesRegistryBuilder(
        IRuntimeBindingSourceProcessor processor,
        IReqnrollAttributesFilter filter,
        IBindingAssemblyLoader loader,
        ReqnrollConfiguration configuration,
        IBindingProviderService provider,
        BindingSource bindings)
        : RuntimeBindingRegistryBuilder(processor, filter, loader, configuration, provider)
    {
        protected override Type[] GetAssemblyTypes(Assembly assembly, out string[] typeLoadErrors)
        {
            var types = base.GetAssemblyTypes(assembly, out typeLoadErrors);
            return bindings.Types is null ? types : types.Where(bindings.Types.Contains).ToArray();
        }
    }

    // No reqnroll.json or app.config is read: a run behaves the same in every folder.
    sealed class DefaultsOnly : IRuntimeConfigurationProvider
    {
        public ReqnrollConfiguration LoadConfiguration(ReqnrollConfiguration reqnrollConfiguration) => reqnrollConfiguration;
    }

    // What Reqnroll asks of a unit-test framework: how to skip, and which exceptions mean "skipped".
    sealed class GateRuntimeProvider : IUnitTestRuntimeProvider
    {
        public void TestPending(string message) => throw new PendingStepException(message);

        public void TestInconclusive(string message) => throw new ScenarioSkippedException(message);

        public void TestIgnore(string message) => throw new ScenarioSkippedException(message);

        public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
            exception is ScenarioSkippedException ? ScenarioExecutionStatus.Skipped : null;
    }

    // IReqnrollOutputHelper.AddAttachment(path) also publishes an event, from which EvidenceRecorder embeds the
    // file; here a file that cannot be embedded fails the step that attached it, saying why.
    sealed class FileAttachments : IReqnrollAttachmentHandler
    {
        public void AddAttachment(string filePath) => ScenarioEvidence.KindOfFile(filePath);
    }

    // Dry run from the run's options; Reqnroll's formatters off (the project writes the Cucumber Messages itself).
    sealed class RunEnvironment(bool dryRun) : IEnvironmentOptions
    {
        public bool IsDryRun => dryRun;

        public string? BindingsOutputFilepath => null;

        public bool IsRunningInContainer => false;

        public bool FormattersDisabled => true;

        public string? FormattersJson => null;

        public IDictionary<string, string> FormatterSettings { get; } = new Dictionary<string, string>();
    }
}

/// <summary>
/// Reqnroll sends usage telemetry unless told not to; the gate never phones home. Every piece of its
/// telemetry is replaced: the check says off, the runtime service does nothing and the sink refuses.
/// </summary>
internal static class TelemetryOff
{
    static int attempts;

    /// <summary>How many times anything tried to send telemetry through the sink in this process (expected: 0).</summary>
    public static int Attempts => Volatile.Read(ref attempts);

    public static void Register(ObjectContainer container)
    {
        container.RegisterInstanceAs<IEnvironmentReqnrollTelemetryChecker>(new Checker());
        container.RegisterInstanceAs<IAnalyticsRuntimeTelemetryService>(new Service());
        container.RegisterInstanceAs<IAnalyticsTransmitterSink>(new Sink());
    }

    sealed class Checker : IEnvironmentReqnrollTelemetryChecker
    {
        public bool IsReqnrollTelemetryEnabled() => false;
    }

    sealed class Service : IAnalyticsRuntimeTelemetryService
    {
        public void SendFeatureUseEvent(string featureName, Dictionary<string, string>? properties = null, Dictionary<string, double>? metrics = null)
        {
        }

        public void SendProjectRunningEvent()
        {
        }
    }

    sealed class Sink : IAnalyticsTransmitterSink
    {
        public Task<Reqnroll.CommonModels.IResult> TransmitEventAsync(IAnalyticsEvent analyticsEvent, string instrumentationKey = "")
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("Reqnroll telemetry is switched off in this project; nothing is sent.");
        }
    }
}

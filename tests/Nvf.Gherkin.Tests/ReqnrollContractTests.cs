using System.Collections.Specialized;
using System.Globalization;
using System.Reflection;
using FluentAssertions;
using Nvf.Gherkin.Engine;
using Nvf.Gherkin.Tests.Samples;
using Nvf.Gherkin.Tests.Support;
using Reqnroll.Bindings;
using Reqnroll;
using Reqnroll.Analytics;
using Reqnroll.BoDi;
using Reqnroll.Bindings.Discovery;
using Reqnroll.Configuration;
using Reqnroll.EnvironmentAccess;
using Reqnroll.Events;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;
using Xunit;

namespace Nvf.Gherkin.Tests;

/// <summary>
/// The part of Reqnroll the runner drives the way generated code and unit-test plugins do (see
/// src/Nvf.Gherkin/Engine/ReqnrollContract.cs). An upgrade that renames, re-signs or re-registers any of it
/// fails here by name, before any feature runs on a half-working engine.
/// </summary>
public sealed class ReqnrollContractTests
{
    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Fact]
    public void The_loaded_Reqnroll_is_the_version_the_adapter_was_written_against()
    {
        var version = typeof(ITestRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        version.Split('+')[0].Should().Be(ReqnrollContract.TestedVersion,
            "src/Nvf.Gherkin/Engine was written against Reqnroll {0}; after an upgrade re-check every member this test class lists, then update ReqnrollContract.TestedVersion",
            ReqnrollContract.TestedVersion);
    }

    [Theory]
    [InlineData(typeof(ContainerBuilder), "CreateGlobalContainer(Assembly, IRuntimeConfigurationProvider) virtual")]
    [InlineData(typeof(ContainerBuilder), "CreateTestThreadContainer(IObjectContainer) virtual")]
    [InlineData(typeof(ContainerBuilder), "RegisterDefaults(ObjectContainer) virtual")]
    [InlineData(typeof(ContainerBuilder), "set_SkipLoadingProvider(Boolean)")]
    [InlineData(typeof(RuntimeBindingRegistryBuilder), "GetAssemblyTypes(Assembly, String[]&) virtual")]
    [InlineData(typeof(ITestRunnerManager), "Initialize(Assembly)")]
    [InlineData(typeof(ITestRunnerManager), "GetTestRunner(FeatureInfo)")]
    [InlineData(typeof(ITestRunnerManager), "FireTestRunStartAsync()")]
    [InlineData(typeof(ITestRunnerManager), "ReleaseTestRunnerToPool(ITestRunner)")]
    [InlineData(typeof(ITestRunnerManager), "DisposeAsync()")]
    [InlineData(typeof(ITestRunner), "OnFeatureStartAsync(FeatureInfo)")]
    [InlineData(typeof(ITestRunner), "OnFeatureEndAsync()")]
    [InlineData(typeof(ITestRunner), "OnScenarioInitialize(ScenarioInfo, RuleInfo)")]
    [InlineData(typeof(ITestRunner), "OnScenarioStartAsync()")]
    [InlineData(typeof(ITestRunner), "OnScenarioEndAsync()")]
    [InlineData(typeof(ITestRunner), "GivenAsync(String, String, Table, String)")]
    [InlineData(typeof(ITestRunner), "WhenAsync(String, String, Table, String)")]
    [InlineData(typeof(ITestRunner), "ThenAsync(String, String, Table, String)")]
    [InlineData(typeof(ITestThreadExecutionEventPublisher), "AddListener(IAsyncExecutionEventListener)")]
    [InlineData(typeof(Reqnroll.BindingSkeletons.IStepDefinitionSkeletonProvider), "GetStepDefinitionSkeleton(ProgrammingLanguage, StepInstance, StepDefinitionSkeletonStyle, CultureInfo)")]
    public void Every_member_the_adapter_calls_or_overrides_is_there(Type type, string member)
    {
        var found = type.GetMethods(Everything)
            .Select(m => $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))}){(m.IsVirtual && !m.IsFinal && !type.IsInterface ? " virtual" : "")}")
            .ToList();
        found.Should().Contain(member, "ReqnrollContract (src/Nvf.Gherkin/Engine) depends on {0}.{1}", type.Name, member);
    }

    [Fact]
    public void The_constructors_the_engine_uses_keep_their_parameters()
    {
        Signatures(typeof(Reqnroll.ScenarioInfo)).Should().Contain("String, String, String[], IOrderedDictionary, String[], String");
        Signatures(typeof(Reqnroll.FeatureInfo)).Should().Contain("CultureInfo, String, String, String, ProgrammingLanguage, String[]");
        Signatures(typeof(RuleInfo)).Should().Contain("String, String, String[]");
        Signatures(typeof(RuntimeBindingRegistryBuilder)).Should().Contain("IRuntimeBindingSourceProcessor, IReqnrollAttributesFilter, IBindingAssemblyLoader, ReqnrollConfiguration, IBindingProviderService");
        Enum.GetNames<ScenarioExecutionStatus>().Should().Contain(["OK", "StepDefinitionPending", "UndefinedStep", "BindingError", "TestError", "Skipped"]);
        Enum.GetNames<HookType>().Should().Contain(["BeforeTestRun", "AfterTestRun", "BeforeFeature", "AfterFeature", "BeforeScenario", "AfterScenario", "BeforeStep", "AfterStep"]);
    }

    [Fact]
    public void The_run_container_resolves_this_projects_services_not_reqnrolls_defaults()
    {
        using var global = ReqnrollContract.CreateGlobalContainer(BindingSource.FromTypes(typeof(ProblemSteps)), dryRun: true, new NoListener());

        global.Resolve<IUnitTestRuntimeProvider>().GetType().DeclaringType.Should().Be(typeof(ReqnrollContract));
        global.Resolve<IReqnrollAttachmentHandler>().GetType().DeclaringType.Should().Be(typeof(ReqnrollContract));
        global.Resolve<IRuntimeBindingRegistryBuilder>().GetType().DeclaringType.Should().Be(typeof(ReqnrollContract));
        global.Resolve<ITraceListener>().Should().BeOfType<NullListener>("Reqnroll's default listener writes every step to the console");
        var environment = global.Resolve<IEnvironmentOptions>();
        environment.IsDryRun.Should().BeTrue();
        environment.FormattersDisabled.Should().BeTrue("the project writes the Cucumber Messages and HTML report itself");
        global.Resolve<IEnvironmentReqnrollTelemetryChecker>().IsReqnrollTelemetryEnabled().Should().BeFalse();
        global.Resolve<IAnalyticsRuntimeTelemetryService>().GetType().DeclaringType.Should().Be(typeof(TelemetryOff));
        global.Resolve<IAnalyticsTransmitter>().IsEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Step_hooks_attach_to_their_step_in_reqnrolls_event_order()
    {
        // EvidenceRecorder relies on Reqnroll's order: [BeforeStep] hook, step started, step finished, [AfterStep] hook.
        var (report, _) = await InnerRun.RunAsync(
            "Feature: F\n  @evidence\n  Scenario: Noted\n    Given a step that passes\n    And a step that passes\n",
            [typeof(ProblemSteps), typeof(EvidenceHooks), typeof(BeforeStepEvidence)]);

        var steps = report.Scenario("Noted").Steps;
        steps.Should().HaveCount(2).And.OnlyContain(s => s.Status == Running.StepStatus.Passed);
        steps.Should().AllSatisfy(s => s.Attachments.Select(a => a.Title).Should().Equal("before step", "after step"));
    }

    static IEnumerable<string> Signatures(Type type) =>
        type.GetConstructors().Select(c => string.Join(", ", c.GetParameters().Select(p => p.ParameterType.Name)));

    sealed class NoListener : IAsyncExecutionEventListener
    {
        public Task OnEventAsync(IExecutionEvent executionEvent) => Task.CompletedTask;
    }
}

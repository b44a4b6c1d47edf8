using System.Globalization;
using Nvf.Core.Pipeline;
using Nvf.Core.Plots;
using Nvf.Core.Training;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.Gate;

/// <summary>
/// Bindings of the small sample suites the gate's own checks run (the snapshot scenario here, the CLI's
/// end-to-end tests): they record a given metric or answer, take a given path, pass, fail or skip, and nothing else.
/// Their figures (sample.*) belong to those suites, not to the gate: they are recorded directly, outside the metric catalogue.
/// </summary>
[Binding]
public sealed class SampleSuiteSteps(ScenarioEvidence context)
{
    [Given("the sample records {string} = {float}, {word} is better")]
    public void RecordsMetric(string name, double value, string better)
    {
        context.ReportProgress(string.Create(CultureInfo.InvariantCulture, $"{name} = {value}"));
        context.RecordMetric(new Metric(name, value, better switch
        {
            "higher" => MetricDirection.HigherIsBetter,
            "lower" => MetricDirection.LowerIsBetter,
            _ => throw new FormatException($"'{better}' is not a direction; expected \"higher\" or \"lower\"."),
        }));
    }

    [Given("the sample takes {float} seconds to train")]
    public void Times(double seconds) =>
        context.RecordMetric(new Metric("sample.epoch_cpu_seconds", seconds, MetricDirection.LowerIsBetter) { Unit = "s", Kind = MetricKind.Timing });

    [Given("the sample trains for {int} epochs")]
    public void Trains(int epochs)
    {
        // A stand-in for a training loop: a loss that halves every 10 epochs, reported per epoch like MinibatchLoop does.
        var progress = context.TrainingProgress();
        var curve = new TrainingCurve("sample model");
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = 2.0 * Math.Pow(0.5, epoch / 10.0);
            curve.Add(new EpochRecord(epoch, loss, double.NaN, epoch * 0.01));
            progress.Report(new TrainingProgress("sample model", epoch, epochs, loss, double.NaN, epoch * 0.01));
        }

        context.AttachSvg("sample model: training loss", TrainingCurvePlot.Render(curve));
        context.RecordMetric(new Metric("sample.final_loss", curve.Epochs[^1].TrainingLoss, MetricDirection.LowerIsBetter));
    }

    [Given("the sample takes the path {string}")]
    public void TakesPath(string steps) =>
        context.AttachTable("The path taken", ["Step", "Result"], steps.Split(" → ").Select(p => p.Split(": ", 2)).Select(p => (IReadOnlyList<string>)[p[0], p.Length > 1 ? p[1] : ""]).ToList());

    [Given("the sample answers {string} for {string}: {float} against a target of {float}")]
    public void Answers(string question, string @case, double value, double target) =>
        context.RecordAnswer(ResearchAnswers.Of(
            Core.Answers.ResearchQuestions.Find(question) ?? throw new FormatException($"'{question}' is not a question of the research notes; expected an id such as \"nvf.task1.target\"."),
            @case,
            ResearchAnswers.MetIf(value >= target),
            Core.Metrics.ProportionEstimate.Wilson((long)Math.Round(value * 1000), 1000)) with { Target = "≥ " + MetricsTable.Percent(target) });

        [Given("the sample passes")]
    public void Passes()
    {
    }

    [Given("the sample skips because {string}")]
    public void Skips(string reason) => ScenarioEvidence.Skip(reason);

    [Given("the sample fails because {string}")]
    public void Fails(string reason) => throw new InvalidOperationException(reason);
}

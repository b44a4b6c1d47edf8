using FluentAssertions;
using Nvf.Core.Answers;
using Nvf.Core.Artifacts;
using Nvf.Core.Configs;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Models;
using Nvf.Core.Pipeline;
using Nvf.Core.Plumbing;
using Nvf.Core.Retrieval;
using Nvf.Gherkin.Running;
using Nvf.Specs.Steps.Support;
using Reqnroll;

namespace Nvf.Specs.Steps.InfoNce;

/// <summary>Steps of predictions.feature: a researcher's predictions file judged like the gate's own models.</summary>
[Binding]
public sealed class PredictionSteps(InfoNceContext context)
{
    [Given("the predictions file of the run")]
    public void GivenThePredictionsFile()
    {
        if (context.Inputs.Predictions is { } path)
        {
            context.PredictionsFile = path;
        }
        else if (context.Inputs.Model is { } model)
        {
            // The researcher's model (ONNX or TorchScript) run over the eval contexts; its predictions are then a file like any other.
            context.PredictionsFile = ContextModelFile.WritePredictions(Path.GetFullPath(model), context.Session.Data.Eval, Path.Combine(context.Inputs.RepositoryRoot, InfoNceRun.OutputFolder), context.Scenario.StatusProgress());
        }
        else if (context.Session.Data.Generators.Count == 0)
        {
            ScenarioEvidence.Skip($"no predictions file for the researcher's artifacts: set {ResearcherPredictions.Variable} or {ContextModelFile.Variable} (or run `nvf evaluate --predictions P.npy | --model M.onnx`)");
        }
        else
        {
            WhenOwnPredictionsWritten("attention", "pure-infonce");
        }

        context.Scenario.AttachText("Predictions file", context.PredictionsFile!);
    }

    [Given("the {string} model's epoch-1 predictions of {string} written to a predictions file")]
    public void WhenOwnPredictionsWritten(string encoder, string objective)
    {
        if (context.Session.Data.Generators.Count == 0)
        {
            ScenarioEvidence.Skip("this check compares a file with the gate's own model on its generated data; it does not run on a researcher's files");
        }

        var key = Key(encoder, objective);
        context.PredictionsFile = PredictionEvaluation.WriteOwnPredictions(context.Session, key, 1, Path.Combine(context.Inputs.RepositoryRoot, InfoNceRun.OutputFolder));
        context.Trained.Add((key, context.Session.Measure(key, 1, context.Progress)));
    }

    [When("the predictions are evaluated")]
    public void WhenEvaluated()
    {
        var file = context.PredictionsFile ?? throw new InvalidOperationException("No predictions file; expected 'the predictions file of the run' first.");
        var report = context.Predictions = ResearcherFiles.Read(() => PredictionEvaluation.Run(context.Session, file, context.Inputs.Evaluation));
        context.Scenario.AttachTable("The path taken", ["Step", "Result"], report.Path.Select(p => (IReadOnlyList<string>)[p.Step, p.Detail]).ToList());
        if (report.Scores.Count > 0)
        {
            context.Scenario.AttachTable("Retrieval at each cut-off (95% intervals)", ["k", "R@k", "Contain@k", "MRR@k", "nDCG@k"],
                report.Scores.Select(r => (IReadOnlyList<string>)[r.K.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Recall.ToString(), r.Contain.ToString(), r.Mrr.ToString(), r.Ndcg.ToString()]).ToList());
        }

        if (report.NprobeCurve.Count > 0)
        {
            context.Scenario.AttachTable("R@5 against nprobe (the same predictions)", ["nprobe", "R@5", "ms per query"],
                report.NprobeCurve.Select(c => (IReadOnlyList<string>)[c.Nprobe.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Report.RecallAt5.ToString(),
                    (1000 * c.Report.Seconds / Math.Max(1, c.Report.RecallAt5.Trials)).ToString("F3", System.Globalization.CultureInfo.InvariantCulture)]).ToList());
        }

        if (report.PerQuery is { } perQuery)
        {
            // Beside the reports (and copied into the run folder): `nvf rescore` recomputes every metric from it.
            var target = Path.Combine(context.Inputs.OutputDirectory, PerQueryResults.FileNameFor(file));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            perQuery.Write(target);
            context.Scenario.AttachText("Per-query results", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{target}: {perQuery.Rows.Count:N0} queries, top {perQuery.Header.TopK} ids and scores, the truth's rank and cosine, written in {clock.Elapsed.TotalSeconds:F2} s ({new FileInfo(target).Length / 1e6:F1} MB); re-score with: nvf rescore {target}"));
        }
    }

    [Then("the report shows pos\\/neg cosine, delta, AUC and the cosine histogram over in-batch negatives")]
    public void ThenSeparationShown()
    {
        var m = Report.Measurement;
        context.Attach(InfoNceTables.Measurements("The predictions: separation and IVF retrieval", [(Path.GetFileName(Report.Source), m)]));
        context.Scenario.AttachSvg("cosine histogram of the predictions", CosineHistogram.ToSvg($"{Path.GetFileName(Report.Source)}: positive vs in-batch negative cosines", m.Predictions, m.EvalKeys));
        new[] { m.Separation.PositiveMean, m.Separation.NegativeMean, m.Separation.Delta, m.Separation.Auc }.Should().OnlyContain(x => double.IsFinite(x));
        m.Separation.Positives.Should().Be(context.Session.Data.Eval.Count, "every eval row is a positive pair");
        context.Metrics.Record("infonce.predictions", m.Separation.Figures());
    }

    [Then("the report shows R@5 and Contain@50 through the IVF index beside the eval set's leakage")]
    public void ThenRetrievalShown()
    {
        var ivf = Report.Measurement.Ivf;
        context.Scenario.AttachTable("R@5 beside the leakage", ["Index", "R@5", "Contain@50", "Leakage"],
            [[ivf.IndexDescription, ivf.RecallAt5.ToString(), ivf.ContainAt50.ToString(), PredictionEvaluation.LeakageNote(Report.Leakage)]]);
        ivf.RecallAt5.Trials.Should().Be(context.Session.Data.Eval.Count);
        context.Metrics.Record("infonce.predictions", ivf.Figures());
        foreach (var score in Report.Scores.Where(r => r.K is 10))
        {
            context.Metrics.Record($"infonce.predictions.mrr_at_{score.K}", score.Mrr.Mean, (score.Mrr.Low, score.Mrr.High));
            context.Metrics.Record($"infonce.predictions.ndcg_at_{score.K}", score.Ndcg.Mean, (score.Ndcg.Low, score.Ndcg.High));
        }
    }

    [Then("the report states the success tier, the decision and its action")]
    public void ThenDecisionStated()
    {
        context.Scenario.AttachText("Tier, decision and action", $"tier {Report.Tier}; {DecisionGate.Describe(Report.Decision)}; {Report.Action}");
        RecordAnswers(Report);
        Report.Decision.Should().Be(DecisionGate.Decide(Report.Measurement.RecallAt5, Report.Measurement.Separation.Delta));
        if (Report.Decision == GateDecision.CheckFlatIndex)
        {
            Report.Flat.Should().NotBeNull("the gate runs the flat ablation itself");
            context.Metrics.Record("infonce.predictions.flat", Report.Flat!.RecallAt5Figure);
        }
    }

    [Then("every row of the seed's summary table is filled")]
    public void ThenSummaryFilled()
    {
        var s = context.Session;
        var rows = SanitySummary.Build(s.Normalization(), s.OracleRecall(OracleIndexVariant.Payload), s.Alignment(), Report, s.Retrieval.Nprobe);
        context.Attach(InfoNceTables.Summary(rows));
        rows.Should().HaveCount(7).And.OnlyContain(r => r.Status != SummaryRow.Pending, "no row is left pending for a predictions file");
    }

    [Then("delta, AUC, R@5 and Contain@50 equal the in-process measurement of the same model")]
    public void ThenFileEqualsInProcess()
    {
        var inProcess = context.Last.Measurement;
        var file = Report.Measurement;
        file.Separation.Delta.Should().Be(inProcess.Separation.Delta);
        file.Separation.Auc.Should().Be(inProcess.Separation.Auc);
        file.Ivf.RecallAt5.Should().Be(inProcess.Ivf.RecallAt5);
        file.Ivf.ContainAt50.Should().Be(inProcess.Ivf.ContainAt50);
        file.Decision.Should().Be(inProcess.Decision);
    }

    // The sanity report's pending rows and its decision tree, answered for these predictions.
    void RecordAnswers(PredictionReport report)
    {
        var m = report.Measurement;
        var name = context.DataLabel == "generated data" ? "generated data, the gate's attention model" : $"{context.DataLabel}, {Path.GetFileName(report.Source)}";
        var separation = m.Separation;
        context.Scenario.RecordAnswer(new Answer(ResearchQuestions.Separation.Id, name, ResearchAnswers.MetIf(separation.Delta > SuccessCriteria.MinimumDelta),
            // The figure is delta alone: the interval beside it is delta's (with AUC in the figure, the verdict line read as
            // if the interval were AUC's).
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"delta {separation.Delta:F3}"))
        {
            Interval = ResearchAnswers.Interval(separation.DeltaInterval),
            Target = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"delta > {SuccessCriteria.MinimumDelta:0.00} (Minimum); ≥ {DecisionGate.FlatCheckDelta:0.00} decides the R@5 = 0 branch"),
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"AUC {separation.Auc:F3}; positive cosine {separation.PositiveMean:F3}, in-batch negative cosine {separation.NegativeMean:F3}"),
            Value = separation.Delta,
        });
        context.Scenario.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.RecallAt5, name, ResearchAnswers.MetIf(m.Ivf.RecallAt5.Successes > 0), m.Ivf.RecallAt5) with
        {
            Target = "> 0% (the seed's gate)",
            Detail = $"{m.Ivf.IndexDescription}; Contain@50 {MetricsTable.Percent(m.Ivf.ContainAt50.Estimate)}; {PredictionEvaluation.LeakageNote(report.Leakage)}",
        });
        context.Scenario.RecordAnswer(new Answer(ResearchQuestions.Tier.Id, name, report.Tier == SuccessTier.None ? AnswerVerdict.Missed : AnswerVerdict.Met, report.Tier.ToString())
        {
            Target = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Minimum: R@5 > 0% and delta > {SuccessCriteria.MinimumDelta:0.00}"),
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Good: R@5 ≥ {100 * SuccessCriteria.GoodRecall:0}% and delta ≥ {SuccessCriteria.GoodDelta:0.00}; Strong: R@5 ≥ {100 * SuccessCriteria.StrongRecall:0}% and delta ≥ {SuccessCriteria.StrongDelta:0.00}"),
        });
        context.Scenario.RecordAnswer(new Answer(ResearchQuestions.Decision.Id, name, AnswerVerdict.Answered, DecisionGate.Describe(report.Decision))
        {
            Detail = "action: " + report.Action,
            Key = report.Decision.ToString(),
        });
        if (report.Flat is { } flat)
        {
            // The tree said "check the flat index" and the gate did: its verdict answers the ablation's question for these predictions.
            var verdict = DecisionGate.JudgeFlatAblation(flat.RecallAt5.Estimate);
            context.Scenario.RecordAnswer(ResearchAnswers.Of(ResearchQuestions.FlatAblation, name, AnswerVerdict.Answered, flat.RecallAt5) with
            {
                Figure = $"flat R@5 {MetricsTable.Percent(flat.RecallAt5.Estimate)} vs IVF {MetricsTable.Percent(m.Ivf.RecallAt5.Estimate)}",
                Detail = DecisionGate.Describe(verdict),
                Key = verdict.ToString(),
            });
        }
    }

    PredictionReport Report => context.Predictions ?? throw new InvalidOperationException("No evaluated predictions; expected 'the predictions are evaluated' first.");

    ModelRunKey Key(string encoder, string objective) =>
        new(KebabName.Parse<EncoderKind>(encoder), KebabName.Parse<TrainingObjective>(objective), context.Config.Targets, context.Config.Training);
}

using System.Text.Json;
using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// `nvf evaluate` on files a researcher wrote with Debian's numpy and faiss: a payload with topic structure, an eval
/// set, a key map, and predictions. Every row of the seed's summary table is filled, and the exit code names the
/// decision a training script branches on.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    // 64 articles of 32 chunks around 16 topics (real embeddings cluster), 100 eval rows; predictions are the targets
    // plus noise (a model that learned), pure noise (one that did not), a stale index has its ids permuted.
    internal const string Artifacts = """
        import numpy as np, faiss
        rng = np.random.default_rng(5)
        A, C, D, M, T = 64, 32, 768, 100, 16
        topics = rng.standard_normal((T, D)); topics /= np.linalg.norm(topics, axis=1, keepdims=True)
        p = np.concatenate([topics[a % T] + 0.06 * rng.standard_normal((C, D)) for a in range(A)]).astype(np.float32)
        p /= np.linalg.norm(p, axis=1, keepdims=True)
        keys = np.array([[r // C, r % C] for r in range(A * C)], dtype=np.int64)
        rows = (np.arange(M) * 37 + 5) % (A * C)
        np.save('payload.npy', p); np.save('payload_keys.npy', keys)
        contexts = (p[rows][:, None, :] + 0.05 * rng.standard_normal((M, 5, D))).astype(np.float32)  # chunks near the next one
        np.savez('eval.npz', contexts=contexts, targets=p[rows], truth_keys=keys[rows])
        np.save('learned.npy', p[rows] + 0.04 * rng.standard_normal((M, D)))  # float64, as numpy writes by default
        np.save('untrained.npy', rng.standard_normal((M, D)).astype(np.float32))
        np.save('short.npy', p[rows][:10])
        np.save('keys_short.npy', keys[:-3]); np.save('zero.npy', np.zeros((M, D), np.float32))
        q = p.copy(); q[17, 0] = np.nan; np.save('payload_nan.npy', q)
        open('garbage.faiss', 'wb').write(b'not an index' * 8)
        narrow = faiss.IndexFlatIP(300); narrow.add(np.ascontiguousarray(p[:, :300])); faiss.write_index(narrow, 'narrow.faiss')
        ix = faiss.IndexIVFFlat(faiss.IndexFlatIP(D), D, 32, faiss.METRIC_INNER_PRODUCT); ix.train(p)
        ix.add_with_ids(p, rng.permutation(A * C).astype(np.int64)); faiss.write_index(ix, 'stale.faiss')
        import torch
        class MeanPool(torch.nn.Module):  # a model that learned: the next chunk is near the mean of the context
            def forward(self, ctx):
                return torch.nn.functional.normalize(ctx.mean(1), dim=-1)
        example = torch.from_numpy(contexts[:2])
        torch.onnx.export(MeanPool(), example, 'mean.onnx', input_names=['contexts'], output_names=['predictions'],
                          dynamic_axes={'contexts': {0: 'batch'}, 'predictions': {0: 'batch'}}, opset_version=13)
        torch.jit.save(torch.jit.trace(MeanPool(), example), 'mean.pt')
        """;

    readonly TempRepository repository = new();

    public EvaluateCommandTests() => DebianPython.Run(repository.Root, Artifacts);

    (int ExitCode, string Output, string Error) Evaluate(string predictions, params string[] more) =>
        NvfProcess.Run(repository.Root, ["evaluate", "--predictions", predictions, "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--out", "reports", .. more]);

    [Fact]
    public void A_model_that_learned_fills_every_row_and_continues_training_with_exit_0()
    {
        var (exitCode, output, error) = Evaluate("learned.npy");

        exitCode.Should().Be(0, output + error);
        output.Should().Contain("Answers").And.MatchRegex(@"verdict\S* \(exit 0\): continue training");
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): .*R@5 \d+(\.\d)?% \[\d+(\.\d)?, \d+(\.\d)?\][^\n]*delta \d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]",
            "each interval on the verdict line follows the figure it belongs to");
        var answers = Answers();
        answers["infonce.separation"].Should().Match<JsonElement>(a => a.GetProperty("verdict").GetString() == "met" && a.GetProperty("value").GetDouble() > 0.6);
        answers["infonce.r_at_5"].Should().Match<JsonElement>(a => a.GetProperty("verdict").GetString() == "met" && a.GetProperty("value").GetDouble() == 1.0);
        answers["infonce.decision"].GetProperty("key").GetString().Should().Be("ContinueTraining");
        answers.Keys.Should().Contain(["infonce.plumbing.norm", "infonce.plumbing.metric", "infonce.plumbing.oracle", "infonce.plumbing.alignment", "infonce.tier"], "every row of the seed's summary table is answered");
        output.Should().NotContain("Pending").And.NotContain("Metrics worse than the accepted baseline");
        File.Exists(Path.Combine(repository.Root, "reports", "acceptance.html")).Should().BeTrue("evaluate writes the same reports as the gate");
        Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Should().ContainSingle("and records the run");
    }

    [Theory]
    [InlineData("mean.onnx")]
    [InlineData("mean.pt")]
    public void A_model_file_is_run_over_the_eval_contexts_and_judged_like_its_predictions(string model)
    {
        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "evaluate", "--model", model, "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--out", "reports");

        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): continue training");
        Answers()["infonce.r_at_5"].GetProperty("value").GetDouble().Should().Be(1.0);
        File.Exists(Path.Combine(repository.Root, "artifacts", "infonce", $"predictions-of-mean.npy")).Should().BeTrue();
    }

    [Fact]
    public void Predictions_and_a_model_together_are_a_usage_error()
    {
        var (exitCode, _, error) = Evaluate("learned.npy", "--model", "mean.onnx");

        exitCode.Should().Be(2);
        error.Should().Contain("give either --predictions P.npy or --model M.onnx|M.pt");
    }

    [Fact]
    public void A_model_that_did_not_learn_pivots_to_two_tower_with_exit_7()
    {
        var (exitCode, output, error) = Evaluate("untrained.npy");

        exitCode.Should().Be(7, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 7\): pivot to two-tower");
        Answers()["infonce.decision"].GetProperty("key").GetString().Should().Be("PivotToTwoTower");
    }

    [Fact]
    public void A_stale_index_fails_the_plumbing_with_exit_3_before_any_verdict_on_the_model()
    {
        var (exitCode, output, error) = Evaluate("learned.npy", "--index", "stale.faiss");

        exitCode.Should().Be(3, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 3\): plumbing failed: Oracle recall on the IVF index");
    }

    [Fact]
    public void Files_that_do_not_fit_together_are_refused_in_one_line_before_the_run()
    {
        // Found on the Python docs: a key map 3 rows short failed all ten scenarios with "Nvf.Core.Data.NumPy.NpyFormatException: ..."
        // and exit 3, "plumbing failed", though nothing had been checked.
        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "evaluate", "--predictions", "learned.npy", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "keys_short.npy");

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("nvf: ").And.Contain("keys_short.npy").And.Contain("(2045, 2); expected (2048, 2)");
        output.Should().NotContain("scenarios", "nothing runs on files that do not fit together");
    }

    [Fact]
    public void Watch_refuses_such_files_before_it_waits_not_at_the_first_epoch()
    {
        Directory.CreateDirectory(Path.Combine(repository.Root, "empty-run"));

        var (exitCode, output, error) = NvfProcess.Run(repository.Root, "watch", "empty-run", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "keys_short.npy", "--interval", "0.5");

        exitCode.Should().Be(2, output + error);
        error.Should().Contain("keys_short.npy").And.Contain("expected (2048, 2)");
        output.Should().NotContain(NvfProcess.WatchIsWaiting, "a watch over files that cannot be judged would wait for hours to say so");
    }

    [Fact]
    public void The_gate_on_such_files_fails_each_scenario_with_the_readers_sentence_not_a_type_name()
    {
        var environment = new Dictionary<string, string?>(NvfProcess.NoColor)
        {
            ["NVF_PAYLOAD"] = "payload.npy", ["NVF_EVAL"] = "eval.npz", ["NVF_PAYLOAD_KEYS"] = "keys_short.npy", ["NVF_PREDICTIONS"] = "learned.npy",
        };

        var (exitCode, output, error) = NvfProcess.RunWith(environment, repository.Root, "gate", "--tags", "@plumbing");

        exitCode.Should().Be(1, output + error);
        output.Should().Contain("the input files cannot be used: ").And.Contain("keys_short.npy");
        (output + error).Should().NotContain("Exception").And.NotMatchRegex(@"\n\s+at \S+\(");
    }

    [Theory]
    [InlineData("sanity")]
    [InlineData("evaluate")]
    public void A_nan_in_the_payload_is_named_by_file_row_and_column_with_exit_2(string command)
    {
        // Found on the Python docs: "nvf: unexpected ArgumentException: row 17 (column 0) is NaN; FAISS needs finite values
        // (Parameter 'vectors')", exit 1; evaluate failed every scenario instead.
        string[] predictions = command == "evaluate" ? ["--predictions", "learned.npy"] : [];
        var (exitCode, output, error) = NvfProcess.Run(repository.Root, [command, .. predictions, "--payload", "payload_nan.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy"]);

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("payload_nan.npy: row 17, column 0 is NaN; expected finite vectors").And.NotContain("Exception");
    }

    [Theory]
    [InlineData("garbage.faiss", "garbage.faiss: FAISS cannot read it as an index")]
    [InlineData("narrow.faiss", "narrow.faiss: the index holds 2048 vectors of dimension 300; expected the payload's 2048 x 768")]
    public void An_index_that_cannot_serve_the_payload_is_refused_in_one_line(string index, string message)
    {
        // Found on the Python docs: these failed every scenario with "Nvf.Faiss.FaissException: ..." or
        // "Nvf.Core.Artifacts.ArtifactException: ..." and exit 3, "plumbing failed".
        var (exitCode, output, error) = Evaluate("learned.npy", "--index", index);

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain(message);

        // The gate on the same files (the researcher's variables): each scenario fails with the sentence, no type name.
        var environment = new Dictionary<string, string?>(NvfProcess.NoColor)
        {
            ["NVF_PAYLOAD"] = "payload.npy", ["NVF_EVAL"] = "eval.npz", ["NVF_PAYLOAD_KEYS"] = "payload_keys.npy", ["NVF_INDEX"] = index,
        };
        var gate = NvfProcess.RunWith(environment, repository.Root, "gate", "--tags", "@plumbing");
        gate.ExitCode.Should().Be(1, gate.Output + gate.Error);
        gate.Output.Should().Contain("the input files cannot be used: ").And.Contain(message);
        (gate.Output + gate.Error).Should().NotContain("Exception");
    }

    [Fact]
    public void All_zero_predictions_are_refused_not_judged_on_ties()
    {
        var (exitCode, output, error) = Evaluate("zero.npy");

        exitCode.Should().Be(2, output + error);
        error.Should().Contain("zero.npy: 100 of 100 rows are zero vectors (the first: row 0)");
    }

    [Fact]
    public void Predictions_of_the_wrong_length_are_named_with_what_was_expected()
    {
        var (exitCode, output, error) = Evaluate("short.npy");

        exitCode.Should().Be(2, output + error);
        error.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().StartWith("nvf: ").And.Contain("short.npy: 10 prediction rows; expected 100, one per eval sample");
    }

    [Fact]
    public async Task Watch_evaluates_each_completed_epoch_exactly_once_and_never_reads_a_half_written_file()
    {
        var run = Path.Combine(repository.Root, "run");
        Directory.CreateDirectory(run);
        var learned = File.ReadAllBytes(Path.Combine(repository.Root, "learned.npy"));
        var untrained = File.ReadAllBytes(Path.Combine(repository.Root, "untrained.npy"));

        // A simulated training process, started once watch waits (a slow start would miss the half-written file): epoch 1
        // written in two pieces 3 s apart, a crashed epoch that never completes, then epoch 2 renamed into place whole.
        var training = Task.CompletedTask;
        var simulate = async () =>
        {
            await Task.Delay(3000);
            await File.WriteAllBytesAsync(Path.Combine(run, "epoch1.npy"), learned[..100_000]);
            await Task.Delay(3000);
            await File.WriteAllBytesAsync(Path.Combine(run, "epoch1.npy"), learned);
            await File.WriteAllBytesAsync(Path.Combine(run, "epoch9-crashed.npy"), untrained[..5_000]);
            await Task.Delay(8000);
            await File.WriteAllBytesAsync(Path.Combine(run, "epoch2.tmp"), untrained);
            File.Move(Path.Combine(run, "epoch2.tmp"), Path.Combine(run, "epoch2.npy"));
        };

        var (exitCode, output, error) = NvfProcess.RunWhile(NvfProcess.WhenWatchWaits(_ => training = Task.Run(simulate)), NvfProcess.NoColor, repository.Root,
            "watch", "run", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy", "--epochs", "2", "--interval", "0.5", "--settle", "1");
        await training;

        exitCode.Should().Be(7, "the last epoch evaluated (epoch 2, untrained) pivots; " + output + error);
        output.Should().Contain("epoch1.npy: 100,000 of").And.Contain("epoch9-crashed.npy: 5,000 of");
        System.Text.RegularExpressions.Regex.Matches(output, @"epoch1\.npy\S* \(epoch 1\): complete, evaluating").Should().ContainSingle();
        System.Text.RegularExpressions.Regex.Matches(output, @"epoch2\.npy\S* \(epoch 2\): complete, evaluating").Should().ContainSingle();
        output.Should().NotMatchRegex(@"epoch9-crashed\.npy\S* \(epoch 9\): complete").And.Contain("2 file(s) evaluated");
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): continue training").And.MatchRegex(@"verdict\S* \(exit 7\): pivot to two-tower");
        Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Should().HaveCount(2, "each epoch is a run in the history, for the trends");
    }

    [Fact]
    public async Task Watch_exports_each_new_checkpoint_with_the_researchers_command_and_labels_it_by_the_trainings_history()
    {
        var run = Path.Combine(repository.Root, "training");
        Directory.CreateDirectory(run);
        // The researcher's export: a "checkpoint" names the predictions a model of that epoch would give; torch is not needed.
        File.WriteAllText(Path.Combine(repository.Root, "export.py"), """
            import os, shutil, sys
            checkpoint, out = sys.argv[1], sys.argv[2]
            kind = open(checkpoint).read().strip()
            if kind == 'broken':
                sys.exit('cannot load ' + checkpoint)
            shutil.copy(os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), kind + '.npy'), out)
            """);
        var training = Task.CompletedTask;
        var simulate = async () =>
        {
            // A simulated training, started once watch waits: each epoch appends to history.json, then saves its checkpoint;
            // an epoch lasts longer than an evaluation (as hours do against seconds), so history.json still names the
            // checkpoint's epoch.
            foreach (var (epoch, kind) in new[] { (1, "learned"), (2, "broken"), (3, "untrained") })
            {
                await Task.Delay(epoch == 1 ? 1500 : 7000);
                await File.WriteAllTextAsync(Path.Combine(run, "history.json"), "[" + string.Join(",", Enumerable.Range(1, epoch).Select(e => $"{{\"epoch\": {e}, \"loss\": {1.0 / e}}}")) + "]");
                await File.WriteAllTextAsync(Path.Combine(run, $"ckpt-{kind}.pt"), kind);
            }
        };

        var (exitCode, output, error) = NvfProcess.RunWhile(NvfProcess.WhenWatchWaits(_ => training = Task.Run(simulate)), NvfProcess.NoColor, repository.Root, "watch", "training", "--payload", "payload.npy", "--eval", "eval.npz", "--payload-keys", "payload_keys.npy",
            "--pattern", "*.pt", "--export", "/usr/bin/python3 ../export.py {checkpoint} {out}", "--epochs", "3", "--interval", "0.3", "--settle", "0.5");
        await training;

        exitCode.Should().Be(7, "the last checkpoint (epoch 3, untrained) pivots; " + output + error);
        output.Should().MatchRegex(@"ckpt-learned\.pt\S* \(epoch 1\): complete, exporting").And.MatchRegex(@"ckpt-broken\.pt\S* \(epoch 2\): complete, exporting")
            .And.MatchRegex(@"ckpt-untrained\.pt\S* \(epoch 3\): complete, exporting");
        output.Should().Contain("--export exited with 1").And.Contain("cannot load", "a failed export is reported and the watch goes on");
        var runs = Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories);
        runs.Should().HaveCount(2, "each exported checkpoint is evaluated exactly once");
        var history = NvfProcess.Run(repository.Root, "history", "--tag", "training");
        history.Output.Should().Contain("epoch 1").And.Contain("epoch 3");
        NvfProcess.Run(repository.Root, "watch", "training", "--payload", "payload.npy", "--eval", "eval.npz", "--export", "python3 x.py").Error
            .Should().Contain("expected a command naming both {checkpoint} and {out}");
    }

    [Fact]
    public void Settings_per_query_results_rescore_and_a_paired_comparison_of_two_runs()
    {
        var (exitCode, output, error) = Evaluate("learned.npy", "--k", "1,5,10", "--nprobe", "4", "--negatives", "random", "--batch-size", "50", "--flat", "--nprobe-sweep", "--name", "epoch 1", "--tag", "run-a");

        exitCode.Should().Be(0, output + error);
        var perQuery = Path.Combine(repository.Root, "reports", "learned.per-query.jsonl");
        File.Exists(perQuery).Should().BeTrue("the per-query results are written beside the reports");
        var lines = File.ReadAllLines(perQuery);
        lines.Should().HaveCount(101, "a header and one line per eval row");
        lines[0].Should().Contain("\"ks\":[1,5,10]").And.Contain("searched at nprobe 4");
        using (var header = JsonDocument.Parse(lines[1]))
        {
            header.RootElement.GetProperty("ids").GetArrayLength().Should().Be(50, "the lists are the run config's top 50");
        }

        var run = Record();
        run.GetProperty("name").GetString().Should().Be("epoch 1");
        File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.run.json")).Should().Contain("\"evaluated\"").And.Contain("\"answers\"", "the run's record is written beside the reports (--out) too");
        run.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Should().Equal("run-a");
        var evaluated = run.GetProperty("evaluated").EnumerateArray().Single();
        evaluated.GetProperty("perQuery").GetString().Should().Be("learned.per-query.jsonl");
        evaluated.GetProperty("predictionsSha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        var runFolder = Path.GetDirectoryName(Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Single())!;
        File.Exists(Path.Combine(runFolder, "learned.per-query.jsonl")).Should().BeTrue("the run folder keeps its per-query results");

        var rescored = NvfProcess.Run(repository.Root, "rescore", perQuery, "--k", "5");
        rescored.ExitCode.Should().Be(0, rescored.Output + rescored.Error);
        var recall = Answers()["infonce.r_at_5"].GetProperty("value").GetDouble();
        rescored.Output.Should().MatchRegex($@"│\s*5\s*│\s*{recall * 100:F1}%", "re-scoring the file gives the run's R@5");
        File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.md")).Should().Contain("R@5 against nprobe").And.Contain("Retrieval at each cut-off");

        Evaluate("untrained.npy", "--name", "epoch 2", "--tag", "run-a").ExitCode.Should().Be(7);
        var training = NvfProcess.Run(repository.Root, "history", "--tag", "run-a");
        training.ExitCode.Should().Be(0, training.Output + training.Error);
        training.Output.Should().Contain("epoch 1").And.Contain("epoch 2").And.Contain("continue").And.Contain("pivot to").And.Contain("infonce.predictions.r_at_5");
        NvfProcess.Run(repository.Root, "history", "--tag", "nope").Error.Should().Contain("--tag nope: no recorded run carries that label");
        var ids = Directory.GetDirectories(Path.Combine(repository.Root, "artifacts", "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var compared = NvfProcess.Run(repository.Root, "compare", ids[0]!, ids[1]!);
        compared.Output.Should().MatchRegex(@"R@5 hits, paired over 100 queries \(McNemar\): \d+ both, \d+ only .*exact p = ");

        var bad = Evaluate("learned.npy", "--k", "0,5");
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("--k 0,5").And.Contain("expected positive integers");
        var badNegatives = Evaluate("learned.npy", "--negatives", "shuffled");
        badNegatives.ExitCode.Should().Be(2);
        badNegatives.Error.Should().Contain("negatives 'shuffled'").And.Contain("in-batch");
    }

    JsonElement Record()
    {
        var record = Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        using var document = JsonDocument.Parse(File.ReadAllText(record));
        return document.RootElement.Clone();
    }

    // The answers of the run's record (run.json), by question id (the last case of each).
    Dictionary<string, JsonElement> Answers()
    {
        var record = Directory.GetFiles(Path.Combine(repository.Root, "artifacts", "runs"), "run.json", SearchOption.AllDirectories).Single();
        using var document = JsonDocument.Parse(File.ReadAllText(record));
        return document.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.Clone())
            .GroupBy(a => a.GetProperty("questionId").GetString()!).ToDictionary(g => g.Key, g => g.Last());
    }

    public void Dispose() => repository.Dispose();
}

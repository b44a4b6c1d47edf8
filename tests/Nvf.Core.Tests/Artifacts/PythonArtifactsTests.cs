using FluentAssertions;
using Nvf.Core.Artifacts;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Core.Tests.Data;
using Nvf.Core.Tests.Data.NumPy;
using Nvf.Core.Tests.InfoNce;
using Xunit;

namespace Nvf.Core.Tests.Artifacts;

/// <summary>
/// A researcher's artifacts as Python writes them (Debian's python3-numpy and python3-faiss 1.7.3):
/// a payload .npy in shuffled row order with its key map, an eval .npz and a training .npz (one array
/// in Fortran order, keys as big-endian int32), and an IVF index written by faiss.write_index. They
/// are named the ways a researcher names them (an NVF_ARTIFACTS file with relative paths, an
/// environment variable overriding one field) and go through the whole gate: plumbing checks,
/// training, retrieval through the file's index, the decision.
/// </summary>
[Collection(TorchCollection.Name)]
public class PythonArtifactsTests
{
    // 60 articles x 32 chunks of dimension 32 drifting around a topic each; eval = articles 0-9, training = 5-59 (5 of 10 eval articles leaked).
    private const string Writer = """
import json, sys, numpy as np, faiss
out, d = sys.argv[1], 32
rng = np.random.default_rng(5)
articles, chunks = 60, 32
topics = rng.normal(size=(articles, d))
vectors = np.empty((articles, chunks, d))
for a in range(articles):
    walk = topics[a] + 0.3 * np.cumsum(rng.normal(size=(chunks, d)), axis=0) / np.sqrt(np.arange(1, chunks + 1))[:, None]
    vectors[a] = walk
vectors /= np.linalg.norm(vectors, axis=-1, keepdims=True)
vectors = vectors.astype(np.float32)
keys = np.array([(a, c) for a in range(articles) for c in range(chunks)], dtype=np.int64)
order = rng.permutation(len(keys))
payload = np.ascontiguousarray(vectors.reshape(-1, d)[order])
np.save(f"{out}/payload.npy", payload)
np.save(f"{out}/keys.npy", keys[order].astype(">i4"))
def samples(article_ids):
    ctx, tgt, tk = [], [], []
    for a in article_ids:
        for c in range(5, chunks):
            ctx.append(vectors[a, c - 5:c]); tgt.append(vectors[a, c]); tk.append((a, c))
    return np.array(ctx, dtype=np.float32), np.array(tgt, dtype=np.float32), np.array(tk, dtype=np.int64)
c, t, k = samples(range(0, 10))
np.savez(f"{out}/eval.npz", contexts=np.asfortranarray(c), targets=t, truth_keys=k)
c, t, k = samples(range(5, 60))
np.savez(f"{out}/train.npz", contexts=c, targets=t, truth_keys=k)
np.savez(f"{out}/bad_eval.npz", contexts=c, targets=t, truth_keys=np.zeros((len(t), 3), dtype=np.int64))
quantizer = faiss.IndexFlatIP(d)
index = faiss.IndexIVFFlat(quantizer, d, 16, faiss.METRIC_INNER_PRODUCT)
index.train(payload); index.add(payload)
faiss.write_index(index, f"{out}/payload_ivf.faiss")
small = faiss.IndexFlatIP(16); small.add(np.ones((4, 16), dtype=np.float32))
faiss.write_index(small, f"{out}/wrong_dim.faiss")
json.dump({"payload": "payload.npy", "eval": "eval.npz", "payloadKeys": "keys.npy", "training": "train.npz", "index": "wrong_dim.faiss"}, open(f"{out}/artifacts.json", "w"))
""";

    [Fact]
    public void Files_written_by_python_named_by_an_artifacts_file_and_a_variable_run_the_whole_gate()
    {
        using var folder = new TempFolder();
        NumPyProcess.Run(Writer, folder.Path);
        // The file names the wrong index on purpose: NVF_INDEX overrides it, as the README says variables do.
        var sources = ArtifactSources.FromEnvironment(Env(("NVF_ARTIFACTS", folder.File("artifacts.json")), ("NVF_INDEX", folder.File("payload_ivf.faiss"))))!;
        sources.IndexPath.Should().Be(folder.File("payload_ivf.faiss"));
        sources.TrainingPath.Should().Be(folder.File("train.npz"));

        var config = Config();
        using var cache = new InfoNceSessionCache();
        var session = cache.Open(config, sources, folder.Path);
        session.Data.PayloadRows.Count.Should().Be(60 * 32);
        session.Data.Source.Should().Contain("payload.npy");
        session.Normalization().Outcome.Passed.Should().BeTrue();
        var oracle = session.OracleRecall(OracleIndexVariant.Payload);
        oracle.Outcome.Passed.Should().BeTrue(string.Join("; ", oracle.Outcome.Failures));
        session.IndexDescription.Should().Contain("payload_ivf.faiss").And.Contain("nlist 16");
        session.Alignment().Outcome.Passed.Should().BeTrue("truth keys find their payload rows through the shuffled key map");
        session.Provenance().LeakedShare.Should().Be(0.5, "eval articles 5-9 of 0-9 are also in the training file");

        var report = AutoEvaluation.Run(session, config, EncoderKind.Mlp, TrainingObjective.PureInfoNce);
        report.EpochOne.Ivf.IndexDescription.Should().Contain("payload_ivf.faiss", "retrieval goes through the researcher's index");
        report.EpochOne.Separation.Delta.Should().BeGreaterThan(SuccessCriteria.MinimumDelta, "next chunks on a drifting topic are learnable");
        report.Path.Select(p => p.Step).Should().StartWith(["train", "separation", "IVF retrieval", "decision"]);
    }

    [Fact]
    public void Bad_python_files_are_refused_naming_the_file_the_array_or_field_and_what_was_expected()
    {
        using var folder = new TempFolder();
        NumPyProcess.Run(Writer, folder.Path);

        var badEval = new ArtifactSources(folder.File("payload.npy"), folder.File("bad_eval.npz"), null, folder.File("keys.npy"), null, "test");
        FluentActions.Invoking(() => FileGateData.Load(badEval, 5)).Should().Throw<NpyFormatException>()
            .Where(e => e.Message.Contains("bad_eval.npz") && e.Message.Contains("truth_keys") && e.Message.Contains("2"));

        var wrongIndex = ArtifactSources.FromEnvironment(Env(("NVF_ARTIFACTS", folder.File("artifacts.json"))))!;
        // Refused when the files are read, before any check searches the index.
        FluentActions.Invoking(() => FileGateData.Load(wrongIndex, 5)).Should().Throw<ArtifactException>()
            .WithMessage("*wrong_dim.faiss*4 vectors of dimension 16*expected the payload's 1920 x 32*");

        FluentActions.Invoking(() => ArtifactSources.FromEnvironment(Env(("NVF_ARTIFACTS", folder.File("artifacts.json")), ("NVF_EVAL", folder.File("missing.npz")))))
            .Should().Throw<ArtifactException>().WithMessage("NVF_EVAL:*missing.npz does not exist*");
    }

    private static InfoNceRunConfig Config() => SmallGate.Config() with
    {
        Retrieval = new RetrievalSettings(Nprobe: 64, TopK: 50, OracleQueries: 500, AlignmentSamples: 100, ControlRows: 1000, Seed: 3),
    };

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}

using FluentAssertions;
using Nvf.Cli.Tests.Support;
using Xunit;

namespace Nvf.Cli.Tests;

/// <summary>
/// `nvf evaluate` on files shaped like a real corpus, as a researcher found them (issue "The researcher's daily loop"):
/// 384-d vectors (all-MiniLM-L6-v2), a third of the rows in groups of identical boilerplate paragraphs (up to 400
/// copies), an IVF-Flat index built by Python FAISS and a clean training split. Each test is one of the false failures
/// that researcher met; a planted off-by-one still fails.
/// </summary>
public sealed class RealCorpusEvaluateTests : IDisposable
{
    const string Artifacts = """
        import numpy as np, faiss
        rng = np.random.default_rng(11)
        A, C, D, T = 96, 32, 384, 12
        topics = rng.standard_normal((T, D)); topics /= np.linalg.norm(topics, axis=1, keepdims=True)
        p = np.concatenate([topics[a % T] + 0.2 * rng.standard_normal((C, D)) for a in range(A)]).astype(np.float32)
        boiler = rng.standard_normal((3, D)).astype(np.float32)
        # A third of the rows are boilerplate: one paragraph 400 times, one 400 - 1 (the rest), one 225 times.
        rows = rng.permutation(A * C)[: A * C // 3]
        for i, r in enumerate(rows):
            p[r] = boiler[0 if i < 400 else 2 if i < 625 else 1]
        p /= np.linalg.norm(p, axis=1, keepdims=True)
        keys = np.array([[r // C, r % C] for r in range(A * C)], dtype=np.int64)
        np.save('payload.npy', p); np.save('payload_keys.npy', keys)
        def samples(articles):
            rs = np.array([a * C + c for a in articles for c in range(5, C)])
            ctx = np.stack([p[rs - 5 + j] for j in range(5)], axis=1)
            return rs, ctx
        ev, ctx = samples(range(80, 96))          # held-out articles
        np.savez('eval.npz', contexts=ctx, targets=p[ev], truth_keys=keys[ev])
        shifted = keys[ev].copy(); shifted[:, 1] -= 1  # a planted off-by-one
        np.savez('eval_shifted.npz', contexts=ctx, targets=p[ev], truth_keys=shifted)
        tr, tctx = samples(range(0, 80))          # a clean training split: no eval article
        np.savez('train.npz', contexts=tctx, targets=p[tr], truth_keys=keys[tr])
        np.save('learned.npy', (p[ev] + 0.002 * rng.standard_normal((len(ev), D))).astype(np.float32))
        ix = faiss.IndexIVFFlat(faiss.IndexFlatIP(D), D, 48, faiss.METRIC_INNER_PRODUCT); ix.train(p)
        ix.add_with_ids(p, np.arange(A * C).astype(np.int64)); faiss.write_index(ix, 'ivf.faiss')
        """;

    readonly TempRepository repository = new();

    public RealCorpusEvaluateTests() => DebianPython.Run(repository.Root, Artifacts);

    (int ExitCode, string Output, string Error) Evaluate(string eval) =>
        NvfProcess.Run(repository.Root, "evaluate", "--predictions", "learned.npy", "--payload", "payload.npy", "--eval", eval,
            "--payload-keys", "payload_keys.npy", "--index", "ivf.faiss", "--train", "train.npz", "--out", "reports");

    string Html => File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.html"));

    string Markdown => File.ReadAllText(Path.Combine(repository.Root, "reports", "acceptance.md"));

    [Fact]
    public void A_384_d_eval_set_is_evaluated_not_refused_for_the_seeds_768()
    {
        var (exitCode, output, error) = Evaluate("eval.npz");

        (output + error).Should().NotContain("768", "nothing about these files is 768-d");
        exitCode.Should().Be(0, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 0\): continue training");
    }

    [Fact]
    public void Identical_boilerplate_copies_are_ties_and_a_clean_split_is_not_a_failure()
    {
        var (exitCode, output, error) = Evaluate("eval.npz");

        exitCode.Should().Be(0, output + error);
        Markdown.Should().MatchRegex(@"R@1 \(own id or an identical copy first\) \| 100\.0 ?%")
            .And.MatchRegex(@"R@1 by own id only \| \d\d\.\d ?%", "the own-id R@1 is reported, not judged");
        Html.Should().Contain("0.0 % of the eval articles were also seen in training: a clean split")
            .And.Contain("the leaked split is a fact of the generated data, not a requirement");
    }

    [Fact]
    public void A_planted_off_by_one_still_fails_the_plumbing_and_says_so_in_a_sentence()
    {
        var (exitCode, output, error) = Evaluate("eval_shifted.npz");

        exitCode.Should().Be(3, output + error);
        output.Should().MatchRegex(@"verdict\S* \(exit 3\): plumbing failed: Eval alignment");
        Markdown.Should().NotContain("Xunit.Sdk").And.NotContain("Exception").And.NotContain("   at ");
    }

    public void Dispose() => repository.Dispose();
}

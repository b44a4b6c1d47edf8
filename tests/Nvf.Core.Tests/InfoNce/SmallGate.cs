using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;

namespace Nvf.Core.Tests.InfoNce;

/// <summary>
/// A small InfoNCE gate for unit tests: 300 generated articles x 16 chunks (4,800 x 768 payload),
/// seed hyper-parameters except sizes (micro-batch 32 x 4 = 128, width 64), one session per process.
/// </summary>
public static class SmallGate
{
    /// <summary>
    /// Where the small generated payloads live: one folder per checkout. A payload is stored with the code that made it,
    /// and storing one removes those of other code; two checkouts sharing one folder (a CI clone's tests beside a working
    /// copy's) removed each other's payload mid-run (9 tests failed with FileNotFoundException).
    /// </summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "nvf-infonce-tests-" +
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Nvf.Files.RepositoryRoot.Find(AppContext.BaseDirectory) ?? AppContext.BaseDirectory)))[..12]);

    private static readonly Dictionary<TrainingTargets, InfoNceSession> Sessions = [];

    public static InfoNceRunConfig Config(TrainingTargets targets = TrainingTargets.Aligned) => new(
        "small",
        new GeneratedDataSpec(Articles: 300, ChunksPerArticle: 16, ContextLength: 5, DuplicateShare: 0.02, EvalShare: 0.1, Leakage: 0.915,
            EvalSamples: 200, TrainingSamples: 2048, Seed: 7),
        targets,
        new RetrievalSettings(Nprobe: 64, TopK: 50, OracleQueries: 300, AlignmentSamples: 100, ControlRows: 2000, Seed: 3),
        Settings());

    public static InfoNceSettings Settings(int microBatch = 32, int accumulation = 4, double articleDropout = 0.2, double spanCorruption = 0.1) =>
        new(InfoNceLoss.SeedTemperature, microBatch, accumulation, articleDropout, spanCorruption, LearningRate: 0.003, Width: 64, Heads: 4,
            MlpHidden: 128, PayloadHidden: 64, ProjectionWidth: 32, V1InfoNceWeight: 0.7, Seed: 11, TorchThreads: 1);

    /// <summary>
    /// The tests' InfoNCE sessions (one cache for the test assembly, as the gate keeps one per run), released when the test
    /// process exits so that its indexes' spill folders do not outlive it.
    /// </summary>
    public static InfoNceSessionCache Cache { get; } = CacheReleasedAtExit();

    private static InfoNceSessionCache CacheReleasedAtExit()
    {
        var cache = new InfoNceSessionCache();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cache.Dispose();
        return cache;
    }

    /// <summary>The shared session of <paramref name="targets"/> (both share the generated data's spec).</summary>
    public static InfoNceSession Session(TrainingTargets targets = TrainingTargets.Aligned)
    {
        lock (Sessions)
        {
            if (!Sessions.TryGetValue(targets, out var session))
            {
                var config = Config(targets);
                session = Cache.Open(config, null, Folder);
                Sessions[targets] = session;
            }

            return session;
        }
    }
}

using Nvf.Core.Stores;
using Nvf.Core.Teacher;
using Nvf.Gherkin.Running;

namespace Nvf.Specs.Steps.Teacher;

/// <summary>What a teacher or parity scenario holds: the stores it opened, its log folder, its run and report. Disposed (stores closed, logs deleted) when the scenario ends.</summary>
public sealed class TeacherScenario : IAsyncDisposable
{
    readonly List<OpenedStore> opened = [];
    string? logFolder;

    /// <summary>The store the teacher flow uses, or the parity reference.</summary>
    public IVectorStore? Store { get; private set; }

    /// <summary>The parity candidate.</summary>
    public IVectorStore? Candidate { get; private set; }

    /// <summary>The teacher run in progress.</summary>
    public TeacherRun? Run { get; set; }

    /// <summary>The teacher flow's measurements.</summary>
    public TeacherReport? Report { get; set; }

    /// <summary>The parity data.</summary>
    public ParityData? Parity { get; set; }

    /// <summary>The parity comparison.</summary>
    public StoreAgreementReport? Agreement { get; set; }

    /// <summary>A fresh folder for this scenario's query-log files (deleted at the end).</summary>
    public string LogFolder => logFolder ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"nvf-teacher-{Guid.NewGuid():N}")).FullName;

    /// <summary>Opens a store of <paramref name="kind"/>; a missing Qdrant server skips the scenario with the locator's reasons (never passed).</summary>
    public async Task<IVectorStore> OpenAsync(VectorStoreKind kind, bool asCandidate = false)
    {
        var store = await VectorStoreProvider.OpenAsync(kind);
        opened.Add(store);
        if (store.Store is null)
        {
            ScenarioEvidence.Skip($"the {kind.ToString().ToLowerInvariant()} row needs a server: {store.SkipReason}");
        }

        if (asCandidate)
        {
            Candidate = store.Store;
        }
        else
        {
            Store = store.Store;
        }

        return store.Store!;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        if (logFolder is not null && Directory.Exists(logFolder))
        {
            Directory.Delete(logFolder, recursive: true);
        }
    }
}

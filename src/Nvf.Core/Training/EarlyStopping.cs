using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Training;

/// <summary>
/// Keeps a copy of the module's parameters at its best validation score and says when to stop:
/// after <see cref="Patience"/> epochs without improvement (0: never stop early). Call
/// <see cref="RestoreBest"/> after training so the module holds the best state, not the last.
/// </summary>
public sealed class EarlyStopping : IDisposable
{
    private readonly Module module;
    private Dictionary<string, Tensor>? best;

    /// <summary>Watches <paramref name="module"/> (not owned).</summary>
    public EarlyStopping(Module module, int patience)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        this.module = module;
        Patience = patience;
    }

    /// <summary>Epochs without improvement tolerated before stopping; 0 never stops early.</summary>
    public int Patience { get; }

    /// <summary>Best validation score seen (higher is better), or -infinity before the first.</summary>
    public double BestScore { get; private set; } = double.NegativeInfinity;

    /// <summary>Epoch of <see cref="BestScore"/> (0: the initial state), -1 before the first observation.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>Records epoch <paramref name="epoch"/>'s score; snapshots the parameters when it improves. Returns true when training should stop.</summary>
    public bool Observe(int epoch, double score)
    {
        if (double.IsNaN(score))
        {
            throw new ArgumentException($"validation score of epoch {epoch} is NaN; expected a number", nameof(score));
        }

        if (score > BestScore)
        {
            BestScore = score;
            BestEpoch = epoch;
            Snapshot();
        }

        return Patience > 0 && epoch - BestEpoch >= Patience;
    }

    /// <summary>Copies the best snapshot back into the module's parameters (no-op before the first observation).</summary>
    public void RestoreBest()
    {
        if (best is not null)
        {
            module.LoadStateDict(best);
        }
    }

    /// <summary>Frees the snapshot.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Snapshot()
    {
        Release();
        using var noGrad = new NoGradScope();
        best = module.NamedParameters().ToDictionary(p => p.Key, p => p.Value.Detach().Clone().DetachFromDisposeScope());
    }

    private void Release()
    {
        if (best is null)
        {
            return;
        }

        foreach (var tensor in best.Values)
        {
            tensor.Dispose();
        }

        best = null;
    }
}

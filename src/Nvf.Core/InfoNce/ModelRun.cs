namespace Nvf.Core.InfoNce;

/// <summary>
/// A model being trained on one data set, with what each epoch trained so far left behind. Shared by
/// every session over that data (whatever its retrieval settings), so each (encoder, objective,
/// targets, settings) trains once per process.
/// </summary>
public sealed class ModelRun : IDisposable
{
    private readonly List<TrainedEpoch> epochs = [];

    /// <summary>Wraps <paramref name="training"/> (owned).</summary>
    public ModelRun(ModelRunKey key, InfoNceTraining training)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(training);
        Key = key;
        Training = training;
    }

    /// <summary>What was trained.</summary>
    public ModelRunKey Key { get; }

    /// <summary>The trainer, holding the model.</summary>
    public InfoNceTraining Training { get; }

    /// <summary>Epochs 1, 2, ... trained so far.</summary>
    public IReadOnlyList<TrainedEpoch> Epochs => epochs;

    /// <summary>Epoch <paramref name="epoch"/>, which must have been trained.</summary>
    public TrainedEpoch At(int epoch) =>
        epoch >= 1 && epoch <= epochs.Count
            ? epochs[epoch - 1]
            : throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"expected a trained epoch in [1, {epochs.Count}]");

    /// <summary>Records the epoch just trained.</summary>
    internal void Add(TrainedEpoch trained)
    {
        if (trained.Epoch != epochs.Count + 1)
            throw new ArgumentException($"epoch {trained.Epoch} trained; expected epoch {epochs.Count + 1}", nameof(trained));
        epochs.Add(trained);
    }

    /// <summary>Frees the model and optimizer.</summary>
    public void Dispose() => Training.Dispose();
}

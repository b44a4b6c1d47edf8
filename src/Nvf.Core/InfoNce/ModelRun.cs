namespace Nvf.Core.InfoNce;

/// <summary>A model being trained in a session, with a measurement after every epoch trained so far.</summary>
public sealed class ModelRun : IDisposable
{
    private readonly List<EpochMeasurement> epochs = [];

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

    /// <summary>Measurements after epochs 1, 2, ...</summary>
    public IReadOnlyList<EpochMeasurement> Epochs => epochs;

    /// <summary>The measurement after <paramref name="epoch"/>, which must have been trained.</summary>
    public EpochMeasurement At(int epoch) =>
        epoch >= 1 && epoch <= epochs.Count
            ? epochs[epoch - 1]
            : throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"expected a trained epoch in [1, {epochs.Count}]");

    /// <summary>Records the measurement of the epoch just trained.</summary>
    internal void Add(EpochMeasurement measurement)
    {
        if (measurement.Epoch != epochs.Count + 1)
            throw new ArgumentException($"measurement of epoch {measurement.Epoch}; expected epoch {epochs.Count + 1}", nameof(measurement));
        epochs.Add(measurement);
    }

    /// <summary>Frees the model and optimizer.</summary>
    public void Dispose() => Training.Dispose();
}

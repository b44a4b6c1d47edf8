namespace Nvf.Core.Training;

/// <summary>The epochs of one training run, and where early stopping took the kept state from.</summary>
public sealed class TrainingCurve
{
    private readonly List<EpochRecord> epochs = [];

    /// <summary>Creates an empty curve titled <paramref name="title"/> (e.g. "soft attention, nvf-soft-attention.seed.json").</summary>
    public TrainingCurve(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    /// <summary>What was trained.</summary>
    public string Title { get; }

    /// <summary>The epochs in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>Epoch whose state the model holds after training (the best validation score; the last epoch when nothing was validated).</summary>
    public int KeptEpoch { get; internal set; }

    /// <summary>True when training ended before its epoch budget because validation stopped improving.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>Wall-clock seconds of the whole run.</summary>
    public double Seconds => epochs.Count == 0 ? 0 : epochs[^1].Seconds;

    /// <summary>Appends an epoch; epochs are numbered 1, 2, ..., optionally after an epoch 0 (the initial state, validated before training).</summary>
    public void Add(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var expected = epochs.Count == 0 ? (record.Epoch == 0 ? 0 : 1) : epochs[^1].Epoch + 1;
        if (record.Epoch != expected)
        {
            throw new ArgumentException($"epoch {record.Epoch} added after {epochs.Count} records; expected epoch {expected}", nameof(record));
        }

        epochs.Add(record);
        KeptEpoch = record.Epoch;
    }
}

using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>
/// A model being trained on one data set, with what each epoch trained so far left behind. Shared by
/// every session over that data (whatever its retrieval settings), so each (encoder, objective,
/// targets, settings) trains once per run. A run read back from the model cache (<see cref="ReadFrom"/>) holds its
/// epochs' records and predictions but no live model: asked for more epochs than it holds, the workspace trains the
/// model again from the start (training is deterministic), never on from weights without their optimizer state.
/// </summary>
public sealed class ModelRun : IDisposable
{
    private readonly List<TrainedEpoch> epochs = [];
    private readonly IReadOnlyList<(double Epoch, double Loss)>? storedStepLosses;

    /// <summary>Wraps <paramref name="training"/> (owned).</summary>
    public ModelRun(ModelRunKey key, InfoNceTraining training)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(training);
        Key = key;
        Training = training;
        StepsPerEpoch = training.StepsPerEpoch;
    }

    /// <summary>A run read from the model cache folder <paramref name="readFrom"/>: <paramref name="trained"/> epochs, no live model.</summary>
    internal ModelRun(ModelRunKey key, int stepsPerEpoch, IReadOnlyList<(double Epoch, double Loss)> stepLosses, IEnumerable<TrainedEpoch> trained, string readFrom)
    {
        Key = key;
        StepsPerEpoch = stepsPerEpoch;
        storedStepLosses = stepLosses;
        ReadFrom = readFrom;
        foreach (var epoch in trained)
            Add(epoch);
    }

    /// <summary>Which model, objective, targets and settings.</summary>
    public ModelRunKey Key { get; }

    /// <summary>The live training (model, optimizer, curve); null for a run read from the model cache.</summary>
    public InfoNceTraining? Training { get; }

    /// <summary>The model cache folder this run was read from, or null when it trained in this process.</summary>
    public string? ReadFrom { get; }

    /// <summary>Whether the model has a payload tower P (the two-tower objective): its retrieval index is P(payload)'s.</summary>
    public bool HasPayloadTower => Key.Objective == TrainingObjective.TwoTower;

    /// <summary>Optimizer steps per epoch.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>The loss of every optimizer step so far, at its position in epochs: the training curve.</summary>
    public IReadOnlyList<(double Epoch, double Loss)> StepLosses => Training?.StepLosses ?? storedStepLosses!;

    /// <summary>What each trained epoch left, epoch 1 first.</summary>
    public IReadOnlyList<TrainedEpoch> Epochs => epochs;

    /// <summary>The epoch <paramref name="epoch"/> (1-based) trained so far.</summary>
    public TrainedEpoch At(int epoch) =>
        epoch >= 1 && epoch <= epochs.Count
            ? epochs[epoch - 1]
            : throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"expected a trained epoch in [1, {epochs.Count}]");

    internal void Add(TrainedEpoch trained)
    {
        if (trained.Epoch != epochs.Count + 1)
            throw new ArgumentException($"epoch {trained.Epoch} trained; expected epoch {epochs.Count + 1}", nameof(trained));
        epochs.Add(trained);
    }

    /// <summary>Frees the model and its optimizer.</summary>
    public void Dispose() => Training?.Dispose();
}

using System.Globalization;

namespace Nvf.Core.Training;

/// <summary>
/// One line of live progress from a training loop, sent after each epoch (and once before the
/// first, for the initial validation when there is one) to whoever watches the run: the CLI's
/// progress display, a test's log. Nothing in a result depends on it.
/// </summary>
/// <param name="Title">What is being trained, e.g. "rich-features reranker (nvf-reranker.seed)".</param>
/// <param name="Epoch">Epoch just finished (0 = the initial state, before any step).</param>
/// <param name="MaxEpochs">Epochs planned (early stopping may end sooner).</param>
/// <param name="TrainingLoss">Mean minibatch loss of the epoch, or NaN for epoch 0.</param>
/// <param name="ValidationScore">Validation score after the epoch (higher is better), or NaN when none is measured.</param>
/// <param name="Seconds">Wall-clock seconds since training started.</param>
public sealed record TrainingProgress(string Title, int Epoch, int MaxEpochs, double TrainingLoss, double ValidationScore, double Seconds)
{
    /// <summary>"title: epoch 3/20, loss 0.4312, validation 0.8870, 12 s".</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Title}: epoch {Epoch}/{MaxEpochs}");
        if (!double.IsNaN(TrainingLoss))
        {
            text += string.Create(CultureInfo.InvariantCulture, $", loss {TrainingLoss:F4}");
        }

        if (!double.IsNaN(ValidationScore))
        {
            text += string.Create(CultureInfo.InvariantCulture, $", validation {ValidationScore:F4}");
        }

        return text + string.Create(CultureInfo.InvariantCulture, $", {Seconds:F0} s");
    }
}

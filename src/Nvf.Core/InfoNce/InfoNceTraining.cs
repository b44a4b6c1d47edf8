using System.Diagnostics;
using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
using Nvf.Core.Training;
using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.InfoNce;

/// <summary>
/// Trains an <see cref="InfoNceModel"/> on next-chunk samples, one epoch per call, with AdamW.
/// Each optimizer step takes an effective batch of MicroBatch x AccumulationSteps samples (256 x 4
/// in the seed) whose InfoNCE shares one softmax, so every positive has EffectiveBatch - 1 in-batch
/// negatives, the 1,023 the seed states. Plain gradient accumulation would give each micro-batch
/// only its own 255; the negatives of the whole effective batch are kept by gradient caching:
/// the micro-batches are encoded without autograd, the loss over all of them gives the gradient
/// of each encoded vector, then each micro-batch is encoded again with autograd and
/// back-propagates its slice. The models have no dropout, so both passes agree exactly.
/// A trailing part of an epoch smaller than one effective batch is not trained on.
/// </summary>
public sealed class InfoNceTraining : IDisposable
{
    private const ulong OrderStream = 1UL << 62;
    private readonly AdamW optimizer;
    private readonly List<double> epochSeconds = [];
    private readonly List<double> epochCpuSeconds = [];
    private readonly List<(double Epoch, double Loss)> stepLosses = [];
    private double seconds;

    /// <summary>Prepares training of <paramref name="model"/> (owned from now on) on <paramref name="samples"/> (contexts (N, C, D), targets (N, D)).</summary>
    public InfoNceTraining(InfoNceModel model, EvalSet samples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.ContextLength != model.Query.ContextLength || samples.Dimension != model.Query.Dimension)
            throw new ArgumentException(
                $"samples have contexts (N, {samples.ContextLength}, {samples.Dimension}); the model reads (B, {model.Query.ContextLength}, {model.Query.Dimension})", nameof(samples));
        if (samples.Count < model.Settings.EffectiveBatch)
            throw new ArgumentException($"{samples.Count} training samples; expected at least one effective batch of {model.Settings.EffectiveBatch}", nameof(samples));
        Model = model;
        Samples = samples;
        TorchRuntime.NumThreads = model.Settings.TorchThreads;
        optimizer = new AdamW(model.Parameters(), model.Settings.LearningRate);
        Curve = new TrainingCurve($"{KebabName.Format(model.Encoder)} / {KebabName.Format(model.Objective)}");
    }

    /// <summary>The model being trained.</summary>
    public InfoNceModel Model { get; }

    /// <summary>The training samples.</summary>
    public EvalSet Samples { get; }

    /// <summary>Mean loss and cumulative wall time after each epoch.</summary>
    public TrainingCurve Curve { get; }

    /// <summary>Wall-clock seconds of each epoch alone.</summary>
    public IReadOnlyList<double> EpochSeconds => epochSeconds;

    /// <summary>
    /// Process CPU seconds (user + system, all threads) of each epoch alone: the figure that does not
    /// depend on how many other jobs share the machine, as long as nothing else runs in this process.
    /// </summary>
    public IReadOnlyList<double> EpochCpuSeconds => epochCpuSeconds;

    /// <summary>The loss of every optimizer step, at its position in epochs (step s of epoch e at e - 1 + (s + 1) / steps): the training curve.</summary>
    public IReadOnlyList<(double Epoch, double Loss)> StepLosses => stepLosses;

    /// <summary>Optimizer steps per epoch: N / EffectiveBatch, rounded down.</summary>
    public int StepsPerEpoch => Samples.Count / Model.Settings.EffectiveBatch;

    /// <summary>
    /// Trains one more epoch and returns its record. <paramref name="progress"/> hears after every
    /// quarter of the epoch (rounded to whole steps; the last report is the epoch's end, with its mean
    /// loss); <paramref name="maxEpochs"/> is only what the report says is planned.
    /// </summary>
    public EpochRecord RunEpoch(IProgress<TrainingProgress>? progress = null, int maxEpochs = 0)
    {
        var epoch = Curve.Epochs.Count + 1;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var s = Model.Settings;
        var order = SeededRandom.Fork(s.Seed, OrderStream + (ulong)epoch).Permutation(Samples.Count);
        Model.Train(true);
        double lossSum = 0;
        var quarter = Math.Max(1, StepsPerEpoch / 4);
        var planned = Math.Max(maxEpochs, epoch);
        for (var step = 0; step < StepsPerEpoch; step++)
        {
            var loss = Step(order.AsSpan(step * s.EffectiveBatch, s.EffectiveBatch), epoch, step);
            lossSum += loss;
            stepLosses.Add((epoch - 1 + (step + 1.0) / StepsPerEpoch, loss));
            if (progress is not null && (step + 1) % quarter == 0 && step + 1 < StepsPerEpoch)
            {
                progress.Report(new TrainingProgress(
                    string.Create(CultureInfo.InvariantCulture, $"{Curve.Title}, step {step + 1}/{StepsPerEpoch}"), epoch, planned, lossSum / (step + 1), double.NaN, seconds + clock.Elapsed.TotalSeconds));
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        epochSeconds.Add(elapsed);
        epochCpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        seconds += elapsed;
        var record = new EpochRecord(epoch, lossSum / StepsPerEpoch, double.NaN, seconds);
        Curve.Add(record);
        progress?.Report(new TrainingProgress(Curve.Title, epoch, planned, record.TrainingLoss, double.NaN, seconds));
        return record;
    }

    /// <summary>Unit predictions float32 (N, D) of the context encoder for every context of <paramref name="set"/>.</summary>
    public VectorSet Predict(EvalSet set) => ModelInference.Predict(Model.Query, set);

    /// <summary>Frees the optimizer and the model.</summary>
    public void Dispose()
    {
        optimizer.Dispose();
        Model.Dispose();
    }

    private double Step(ReadOnlySpan<int> rows, int epoch, int step)
    {
        var s = Model.Settings;
        var (c, d, mb) = (Samples.ContextLength, Samples.Dimension, s.MicroBatch);
        using var scope = new DisposeScope();
        optimizer.ZeroGrad();
        var contexts = new Tensor[s.AccumulationSteps];
        var targets = new Tensor[s.AccumulationSteps];
        for (var m = 0; m < s.AccumulationSteps; m++)
        {
            var (ctx, tgt) = Gather(rows.Slice(m * mb, mb));
            var random = SeededRandom.Fork(s.Seed, ((ulong)epoch << 32) | (uint)(step * s.AccumulationSteps + m));
            ContextCorruption.Apply(ctx, mb, c, d, s.ArticleDropout, s.SpanCorruption, random);
            contexts[m] = Tensor.From(ctx, mb, c, d); // (mb, C, D)
            targets[m] = Tensor.From(tgt, mb, d);     // (mb, D)
        }

        Tensor queries, keys;
        using (new NoGradScope())
        {
            queries = Tensor.Cat(contexts.Select(x => Model.Query.Forward(x)).ToList()); // (E, D)
            keys = Model.Payload is null ? Tensor.Cat(targets) : Tensor.Cat(targets.Select(t => Model.Payload.Forward(t)).ToList());
        }

        queries.RequiresGrad = true;
        keys.RequiresGrad = Model.Payload is not null;
        var loss = Model.Loss(queries, keys);
        loss.Backward();
        var queryGrad = queries.Grad!;
        var keyGrad = Model.Payload is null ? null : keys.Grad!;
        for (var m = 0; m < s.AccumulationSteps; m++)
        {
            Model.Query.Forward(contexts[m]).Backward(queryGrad.Narrow(0, m * mb, mb).Contiguous());
            if (Model.Payload is not null && keyGrad is not null)
                Model.Payload.Forward(targets[m]).Backward(keyGrad.Narrow(0, m * mb, mb).Contiguous());
        }

        optimizer.Step();
        return loss.ToSingle();
    }

    private (float[] Contexts, float[] Targets) Gather(ReadOnlySpan<int> rows)
    {
        var size = Samples.ContextLength * Samples.Dimension;
        var contexts = new float[rows.Length * size];
        var targets = new float[rows.Length * Samples.Dimension];
        for (var i = 0; i < rows.Length; i++)
        {
            Samples.Context(rows[i]).CopyTo(contexts.AsSpan(i * size));
            Samples.Targets.Row(rows[i]).CopyTo(targets.AsSpan(i * Samples.Dimension));
        }

        return (contexts, targets);
    }
}

using System.Diagnostics;
using Nvf.Core.Data;

namespace Nvf.Core.Training;

/// <summary>
/// The seeded epoch loop every trainer here shares: each epoch visits the training examples in a
/// fresh permutation drawn from (seed, epoch), in minibatches (the last one may be short), then
/// optionally validates; <see cref="EarlyStopping"/> decides when to stop and the best state is
/// restored at the end. The same seed gives the same batches on every machine.
/// </summary>
public static class MinibatchLoop
{
    /// <summary>
    /// Runs up to <paramref name="maxEpochs"/> epochs over <paramref name="examples"/> (example
    /// indices). <paramref name="step"/> gets one batch of indices and returns its loss;
    /// <paramref name="validate"/> (optional) returns a score in which higher is better;
    /// <paramref name="progress"/> (optional) hears of each epoch as it ends.
    /// </summary>
    public static TrainingCurve Run(
        string title,
        IReadOnlyList<int> examples,
        int batchSize,
        int maxEpochs,
        ulong seed,
        Func<int[], double> step,
        Func<double>? validate = null,
        EarlyStopping? stopping = null,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        if (examples.Count == 0)
        {
            throw new ArgumentException("no training examples; expected at least one", nameof(examples));
        }

        if (stopping is not null && validate is null)
        {
            throw new ArgumentException("early stopping needs a validation function", nameof(stopping));
        }

        var curve = new TrainingCurve(title);
        var clock = Stopwatch.StartNew();
        if (stopping is not null)
        {
            var initial = validate!();
            curve.Add(new EpochRecord(0, double.NaN, initial, clock.Elapsed.TotalSeconds));
            progress?.Report(new TrainingProgress(title, 0, maxEpochs, double.NaN, initial, clock.Elapsed.TotalSeconds));
            stopping.Observe(0, initial);
        }

        for (var epoch = 1; epoch <= maxEpochs; epoch++)
        {
            var order = SeededRandom.Fork(seed, (ulong)epoch).Permutation(examples.Count);
            double lossSum = 0;
            var batches = 0;
            for (var start = 0; start < order.Length; start += batchSize)
            {
                var length = Math.Min(batchSize, order.Length - start);
                var batch = new int[length];
                for (var i = 0; i < length; i++)
                {
                    batch[i] = examples[order[start + i]];
                }

                lossSum += step(batch);
                batches++;
            }

            var score = validate?.Invoke() ?? double.NaN;
            curve.Add(new EpochRecord(epoch, lossSum / batches, score, clock.Elapsed.TotalSeconds));
            progress?.Report(new TrainingProgress(title, epoch, maxEpochs, lossSum / batches, score, clock.Elapsed.TotalSeconds));
            if (stopping is not null && stopping.Observe(epoch, score))
            {
                curve.StoppedEarly = epoch < maxEpochs;
                break;
            }
        }

        if (stopping is not null)
        {
            stopping.RestoreBest();
            curve.KeptEpoch = stopping.BestEpoch;
        }

        return curve;
    }
}

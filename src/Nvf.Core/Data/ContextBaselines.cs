namespace Nvf.Core.Data;

/// <summary>
/// Non-learned next-chunk predictions, the controls a trained sequence model must beat (DESIGN.md:
/// report each learned stage beside its non-learned control). Each returns unit float32 (N, D).
/// </summary>
public static class ContextBaselines
{
    /// <summary>Predicts each target with the last chunk of its context.</summary>
    public static VectorSet LastChunk(EvalSet samples) => Predict(samples, (context, c, d, output) =>
        context.Slice((c - 1) * d, d).CopyTo(output));

    /// <summary>Predicts each target with the normalised mean of its context chunks.</summary>
    public static VectorSet ContextMean(EvalSet samples) => Predict(samples, (context, c, d, output) =>
    {
        output.Clear();
        for (var k = 0; k < c; k++)
        {
            var chunk = context.Slice(k * d, d);
            for (var j = 0; j < d; j++)
                output[j] += chunk[j];
        }
    });

    private delegate void Predictor(ReadOnlySpan<float> context, int contextLength, int dimension, Span<float> output);

    private static VectorSet Predict(EvalSet samples, Predictor predictor)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var d = samples.Dimension;
        var predictions = new VectorSet(new float[(long)samples.Count * d], samples.Count, d);
        Parallel.For(0, samples.Count, i =>
        {
            var output = predictions.Row(i);
            predictor(samples.Context(i), samples.ContextLength, d, output);
            VectorMath.Normalize(output);
        });
        return predictions;
    }
}

namespace Nvf.Torch.Tests.Support;

/// <summary>
/// Compares autograd's gradient of L = Σ w ⊙ f(x) (w a fixed random weight) with central finite
/// differences, element by element, for every float32 input. Float32 limits the precision: with
/// step h = 1e-2 the rounding noise is ~1e-5 and the truncation error O(h²) ~1e-5, so the
/// tolerance is |analytic - numeric| ≤ 2e-3 + 1e-2 |numeric|.
/// </summary>
internal static class GradCheck
{
    private const double Step = 1e-2;
    private const double AbsoluteTolerance = 2e-3;
    private const double RelativeTolerance = 1e-2;

    /// <summary>Returns a description of every element whose gradients disagree (empty when all agree).</summary>
    public static List<string> Mismatches(Func<Tensor[], Tensor> f, IReadOnlyList<(float[] Data, long[] Shape)> inputs)
    {
        double[] weight;
        var analytic = new float[inputs.Count][];
        using (var scope = new DisposeScope())
        {
            var leaves = inputs.Select(i => Tensor.From(i.Data, i.Shape).RequireGrad()).ToArray();
            var output = f(leaves);
            using var generator = new Generator(99);
            var w = Tensor.Randn(output.Shape, generator);
            weight = w.ToArray<float>().Select(v => (double)v).ToArray();
            (output * w).Sum().Backward();
            for (var i = 0; i < leaves.Length; i++)
            {
                analytic[i] = leaves[i].Grad?.ToArray<float>() ?? new float[inputs[i].Data.Length];
            }
        }

        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            for (var j = 0; j < inputs[i].Data.Length; j++)
            {
                var numeric = (Loss(f, inputs, weight, i, j, +Step) - Loss(f, inputs, weight, i, j, -Step)) / (2 * Step);
                var error = Math.Abs(analytic[i][j] - numeric);
                if (error > AbsoluteTolerance + (RelativeTolerance * Math.Abs(numeric)))
                {
                    mismatches.Add($"input {i} element {j}: autograd {analytic[i][j]:G6}, finite difference {numeric:G6}");
                }
            }
        }

        return mismatches;
    }

    private static double Loss(Func<Tensor[], Tensor> f, IReadOnlyList<(float[] Data, long[] Shape)> inputs, double[] weight, int input, int element, double delta)
    {
        using var noGrad = new NoGradScope();
        using var scope = new DisposeScope();
        var tensors = inputs.Select((x, k) =>
        {
            var data = (float[])x.Data.Clone();
            if (k == input)
            {
                data[element] += (float)delta;
            }

            return Tensor.From(data, x.Shape);
        }).ToArray();
        var values = f(tensors).ToArray<float>();
        return values.Select((v, k) => v * weight[k]).Sum();
    }
}

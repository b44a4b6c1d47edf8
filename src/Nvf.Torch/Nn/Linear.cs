namespace Nvf.Torch.Nn;

/// <summary>
/// y = x Wᵀ + b, W (out, in), b (out); x (..., in) → (..., out). Initialised as torch.nn.Linear
/// (kaiming_uniform with a = √5, i.e. U(±1/√in) for W and b), drawing weight then bias from the
/// given generator or torch's global one, so the same seed gives Python's initial values.
/// </summary>
public sealed class Linear : TensorModule
{
    /// <summary>Creates the layer; <paramref name="bias"/> false drops b.</summary>
    public Linear(long inFeatures, long outFeatures, bool bias = true, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outFeatures, 1);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;

        // PyTorch computes gain = sqrt(2 / (1 + a²)), std = gain / sqrt(fan_in), bound = sqrt(3) * std
        // in double; the same arithmetic here keeps the draws bit-identical.
        var gain = Math.Sqrt(2.0 / (1 + 5.0));
        var weightBound = Math.Sqrt(3.0) * (gain / Math.Sqrt(inFeatures));
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Weight.Uniform(-weightBound, weightBound, generator);
        if (bias)
        {
            var biasBound = 1 / Math.Sqrt(inFeatures);
            Bias = RegisterParameter("bias", Tensor.Zeros(outFeatures));
            Bias.Uniform(-biasBound, biasBound, generator);
        }
    }

    /// <summary>Input width.</summary>
    public long InFeatures { get; }

    /// <summary>Output width.</summary>
    public long OutFeatures { get; }

    /// <summary>W, float32 (out, in).</summary>
    public Tensor Weight { get; }

    /// <summary>b, float32 (out), or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Linear(Weight, Bias);
}

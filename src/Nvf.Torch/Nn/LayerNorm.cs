namespace Nvf.Torch.Nn;

/// <summary>Normalises the last dimension to zero mean and unit variance, then scales by weight (ones) and shifts by bias (zeros).</summary>
public sealed class LayerNorm : TensorModule
{
    /// <summary>Creates the layer over a last dimension of size <paramref name="features"/>.</summary>
    public LayerNorm(long features, double eps = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Features = features;
        Eps = eps;
        Weight = RegisterParameter("weight", Tensor.Ones(features));
        Bias = RegisterParameter("bias", Tensor.Zeros(features));
    }

    /// <summary>Size of the normalised (last) dimension.</summary>
    public long Features { get; }

    /// <summary>Added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>Scale, float32 (features).</summary>
    public Tensor Weight { get; }

    /// <summary>Shift, float32 (features).</summary>
    public Tensor Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.LayerNorm([Features], Weight, Bias, Eps);
}

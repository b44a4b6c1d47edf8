namespace Nvf.Torch.Nn;

/// <summary>GELU (exact erf form, PyTorch's default), element-wise; no parameters.</summary>
public sealed class GELU : TensorModule
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Gelu();
}

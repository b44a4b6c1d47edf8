namespace Nvf.Torch.Nn;

/// <summary>max(x, 0), element-wise; no parameters.</summary>
public sealed class ReLU : TensorModule
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}

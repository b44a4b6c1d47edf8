namespace Nvf.Torch.Nn;

/// <summary>A module mapping one tensor to one tensor, so that it can sit in a <see cref="Sequential"/>.</summary>
public abstract class TensorModule : Module
{
    /// <summary>Computes the module's output for <paramref name="input"/> (recorded by autograd when enabled).</summary>
    public abstract Tensor Forward(Tensor input);
}

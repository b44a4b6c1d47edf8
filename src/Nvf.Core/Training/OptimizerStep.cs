using Nvf.Torch;
using Nvf.Torch.Optim;

namespace Nvf.Core.Training;

/// <summary>
/// One gradient step, the frame every trainer's minibatch shares: inside a dispose scope, clear the
/// gradients, compute the loss, back-propagate, step the optimiser, and hand back the loss value.
/// </summary>
public static class OptimizerStep
{
    /// <summary>
    /// Zeroes <paramref name="optimizer"/>'s gradients, builds the scalar loss with <paramref name="loss"/>
    /// (float32 0-d, attached to the graph), back-propagates it, steps, and returns its value.
    /// Every tensor made meanwhile is freed.
    /// </summary>
    public static double Run(Optimizer optimizer, Func<Tensor> loss)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        using var scope = new DisposeScope();
        optimizer.ZeroGrad();
        var value = loss();
        value.Backward();
        optimizer.Step();
        return value.ToSingle();
    }
}

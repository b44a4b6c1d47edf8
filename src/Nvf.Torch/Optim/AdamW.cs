namespace Nvf.Torch.Optim;

/// <summary>torch.optim.AdamW (decoupled weight decay) with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 1e-2.</summary>
public sealed class AdamW : Optimizer
{
    /// <summary>Creates the optimizer over <paramref name="parameters"/> (e.g. <c>model.Parameters()</c>).</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false)
        : base(CreateAdam(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad, decoupled: true), lr)
    {
    }
}

namespace Nvf.Torch.Nn;

/// <summary>Zeroes elements with probability p and scales the rest by 1/(1-p) in training mode; identity in eval mode.</summary>
public sealed class Dropout : TensorModule
{
    /// <summary>Creates the layer; <paramref name="probability"/> in [0, 1].</summary>
    public Dropout(double probability = 0.5)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "dropout probability must be in [0, 1]");
        }

        Probability = probability;
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double Probability { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Dropout(Probability, IsTraining);
}

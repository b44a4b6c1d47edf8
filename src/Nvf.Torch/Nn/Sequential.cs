namespace Nvf.Torch.Nn;

/// <summary>Applies its layers in order; parameters are named "0.weight", "2.bias", ... as torch.nn.Sequential.</summary>
public sealed class Sequential : TensorModule
{
    private readonly TensorModule[] layers;

    /// <summary>Creates the chain; the Sequential owns (and disposes) the layers.</summary>
    public Sequential(params TensorModule[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
        {
            throw new ArgumentException("a Sequential needs at least one layer", nameof(layers));
        }

        this.layers = layers;
        for (var i = 0; i < layers.Length; i++)
        {
            RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
        }
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<TensorModule> Layers => layers;

    /// <summary>
    /// Runs the layers; intermediate results are disposed as soon as the next layer has consumed them,
    /// so the chain leaves only its output behind.
    /// </summary>
    public override Tensor Forward(Tensor input)
    {
        var x = layers[0].Forward(input);
        for (var i = 1; i < layers.Length; i++)
        {
            var next = layers[i].Forward(x);
            x.Dispose();
            x = next;
        }

        return x;
    }
}

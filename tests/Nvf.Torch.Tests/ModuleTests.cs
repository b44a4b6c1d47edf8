using FluentAssertions;
using Nvf.Torch.Nn;
using Nvf.Torch.Optim;
using Xunit;

namespace Nvf.Torch.Tests;

public sealed class ModuleTests
{
    [Fact]
    public void Parameters_carry_pytorchs_dotted_names()
    {
        using var model = new Sequential(new Linear(4, 8), new GELU(), new LayerNorm(8), new Dropout(0.1), new Linear(8, 2, bias: false));
        model.NamedParameters().Select(p => p.Key).Should().Equal("0.weight", "0.bias", "2.weight", "2.bias", "4.weight");
        model.ParameterCount.Should().Be((4 * 8) + 8 + 8 + 8 + (8 * 2));
        model.Parameters().Should().OnlyContain(p => p.RequiresGrad && p.IsLeaf);

        using var attention = new CausalSelfAttention(embedding: 8, heads: 2);
        attention.NamedParameters().Select(p => p.Key).Should().Equal("c_attn.weight", "c_attn.bias", "c_proj.weight", "c_proj.bias");
    }

    [Fact]
    public void Eval_mode_turns_dropout_off_in_every_descendant()
    {
        using var model = new Sequential(new Linear(16, 16), new Dropout(0.5));
        using var scope = new DisposeScope();
        var x = Tensor.Ones(4, 16);

        model.Eval();
        model.Layers[1].IsTraining.Should().BeFalse();
        model.Forward(x).ToArray<float>().Should().Equal(model.Forward(x).ToArray<float>(), "eval is deterministic");

        model.Train();
        TorchRuntime.ManualSeed(1);
        var dropped = model.Forward(x).ToArray<float>();
        dropped.Count(v => v == 0f).Should().BeInRange(16, 48, "about half of 64 outputs are dropped at p = 0.5");
    }

    [Fact]
    public void Parameters_outlive_the_scope_they_were_created_in()
    {
        Linear layer;
        using (new DisposeScope())
        {
            layer = new Linear(2, 2);
        }

        using (layer)
        {
            layer.Weight.IsDisposed.Should().BeFalse();
        }

        layer.Weight.IsDisposed.Should().BeTrue("disposing the module frees its parameters");
    }

    [Fact]
    public void Causal_attention_ignores_the_future_and_padding()
    {
        using var generator = new Generator(4);
        using var attention = new CausalSelfAttention(embedding: 8, heads: 2, generator: generator);
        using var scope = new DisposeScope();
        var x = Tensor.Randn([2, 5, 8], generator);
        var changedFuture = Tensor.Cat([x.Narrow(1, 0, 3), Tensor.Randn([2, 2, 8], generator)], 1);

        var y = attention.Forward(x);
        var yChanged = attention.Forward(changedFuture);
        y.Shape.Should().Equal(2, 5, 8);
        y.Narrow(1, 0, 3).ToArray<float>().Should().Equal(yChanged.Narrow(1, 0, 3).ToArray<float>(), "positions 0-2 cannot see positions 3-4");
        y.Narrow(1, 3, 2).ToArray<float>().Should().NotEqual(yChanged.Narrow(1, 3, 2).ToArray<float>());

        // With keys 3-4 marked as padding, the query at position 4 sees keys 0-2 only: the same as
        // the sequence (x0, x1, x2, x4) whose position 3 (holding x4) is padding.
        var padding = Tensor.From([false, false, false, true, true, false, false, false, true, true], 2, 5);
        var padded = attention.Forward(x, padding).Narrow(1, 4, 1).ToArray<float>();
        var shortened = Tensor.Cat([x.Narrow(1, 0, 3), x.Narrow(1, 4, 1)], 1);
        var shortPadding = Tensor.From([false, false, false, true, false, false, false, true], 2, 4);
        var expected = attention.Forward(shortened, shortPadding).Narrow(1, 3, 1).ToArray<float>();
        padded.Zip(expected).Should().OnlyContain(p => Math.Abs(p.First - p.Second) < 1e-6, "padded keys receive no attention");
    }

    [Fact]
    public void Adam_learning_rate_can_be_scheduled()
    {
        using var layer = new Linear(2, 1);
        using var adam = new Adam(layer.Parameters(), lr: 0.1);
        using var scope = new DisposeScope();
        var before = layer.Weight.ToArray<float>();
        adam.LearningRate = 0;
        adam.ZeroGrad();
        layer.Forward(Tensor.Ones(3, 2)).Sum().Backward();
        adam.Step();
        layer.Weight.ToArray<float>().Should().Equal(before, "a zero learning rate leaves the weights alone");

        adam.LearningRate = 0.1;
        adam.Step();
        layer.Weight.ToArray<float>().Should().NotEqual(before);
    }
}

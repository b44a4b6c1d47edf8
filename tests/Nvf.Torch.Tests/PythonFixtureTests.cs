using System.Text.Json;
using FluentAssertions;
using Nvf.Bench.SoftAttention;
using Nvf.Torch.Nn;
using Nvf.Torch.Optim;
using Nvf.Torch.Tests.Support;
using Xunit;

namespace Nvf.Torch.Tests;

/// <summary>Values produced by python3-torch (fixtures/torch/make_fixtures.py) reproduced through the binding.</summary>
public sealed class PythonFixtureTests
{
    // Same libtorch kernels on both sides; what remains is float32 summation order, hence 1e-5 relative.
    private const float Relative = 1e-5f;

    private static readonly JsonElement Random = Fixtures.Load("random.json");
    private static readonly JsonElement SoftAttention = Fixtures.Load("soft_attention.json");

    public PythonFixtureTests() => TorchRuntime.NumThreads = 1;

    [Fact]
    public void Seeded_draws_equal_pythons_bit_for_bit()
    {
        using var scope = new DisposeScope();
        TorchRuntime.ManualSeed((ulong)Random.GetProperty("global_seed").GetInt64());
        Tensor.Randn(3, 5).ToArray<float>().Should().Equal(Random.GetProperty("global_randn_3x5").Floats());

        using var generator = new Generator((ulong)Random.GetProperty("generator_seed").GetInt64());
        Tensor.Randn([40], generator).ToArray<float>().Should().Equal(Random.GetProperty("generator_randn_40").Floats());
        Tensor.Rand([6], generator).ToArray<float>().Should().Equal(Random.GetProperty("generator_rand_6").Floats());
        Tensor.Randint(0, 1000, [6], generator).ToArray<long>().Should().Equal(Random.GetProperty("generator_randint_0_1000_6").Longs());
        Tensor.Randperm(10, generator).ToArray<long>().Should().Equal(Random.GetProperty("generator_randperm_10").Longs());
    }

    [Fact]
    public void Linear_initialises_like_torch_nn_Linear_for_the_same_seed()
    {
        TorchRuntime.ManualSeed((ulong)Random.GetProperty("linear_seed").GetInt64());
        using var linear = new Linear(4, 3);
        linear.Weight.ToArray<float>().Should().Equal(Random.GetProperty("linear_4_3_weight").Floats());
        linear.Bias!.ToArray<float>().Should().Equal(Random.GetProperty("linear_4_3_bias").Floats());
    }

    [Fact]
    public void Soft_attention_forward_and_backward_match_python_at_small_size()
    {
        var expected = SoftAttention.GetProperty("small");
        using var data = Data(expected);
        data.Labels.ToArray<long>().Should().Equal(expected.GetProperty("labels").Longs());

        using var model = Model(expected);
        using var scope = new DisposeScope();
        var logits = model.Forward(data.Queries, data.Database);
        var loss = logits.CrossEntropy(data.Labels);
        loss.Backward();

        Close(loss.ToSingle(), (float)expected.GetProperty("loss").GetDouble());
        CloseAll(logits.Narrow(0, 0, 1).ToArray<float>(), expected.GetProperty("logits_first_row").Floats(), 1e-5f);
        foreach (var (name, parameter) in model.NamedParameters())
        {
            CloseAll(parameter.Grad!.ToArray<float>(), expected.GetProperty("grads").GetProperty(name).Floats(), 1e-5f);
        }
    }

    [Fact]
    public void Soft_attention_gradients_match_python_at_the_seeds_size()
    {
        var expected = SoftAttention.GetProperty("seed_size");
        using var data = Data(expected);
        using var model = Model(expected);
        using var scope = new DisposeScope();
        var loss = model.Forward(data.Queries, data.Database).CrossEntropy(data.Labels);
        loss.Backward();

        Close(loss.ToSingle(), (float)expected.GetProperty("loss").GetDouble());
        foreach (var (name, parameter) in model.NamedParameters())
        {
            var grad = parameter.Grad!;
            Close(grad.Square().Sum().Sqrt().ToSingle(), (float)expected.GetProperty("grad_norms").GetProperty(name).GetDouble());
            grad.Sum().ToSingle().Should().BeApproximately(
                (float)expected.GetProperty("grad_sums").GetProperty(name).GetDouble(), 1e-4f, $"sum of the gradient of {name}");
        }
    }

    [Theory]
    [InlineData("small", "adam")]
    [InlineData("small", "adamw")]
    [InlineData("seed_size", "adam")]
    [InlineData("seed_size", "adamw")]
    public void Optimizer_steps_follow_pythons_losses(string size, string optimizerName)
    {
        var expected = SoftAttention.GetProperty(size);
        using var data = Data(expected);
        using var model = Model(expected);
        using Optimizer optimizer = optimizerName == "adam" ? new Adam(model.Parameters()) : new AdamW(model.Parameters());
        var losses = new List<float>();
        for (var step = 0; step < 5; step++)
        {
            using var scope = new DisposeScope();
            optimizer.ZeroGrad();
            var loss = model.Forward(data.Queries, data.Database).CrossEntropy(data.Labels);
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.ToSingle());
        }

        CloseAll(losses.ToArray(), expected.GetProperty(optimizerName + "_losses").Floats(), 1e-5f);
        Close(model.Temperature.ToSingle(), (float)expected.GetProperty(optimizerName + "_temperature_after").GetDouble());
    }

    private static SoftAttentionData Data(JsonElement c) => new(
        c.GetProperty("dim").GetInt64(), c.GetProperty("n_db").GetInt64(), c.GetProperty("batch").GetInt64(), (ulong)c.GetProperty("data_seed").GetInt64());

    private static SoftAttentionModel Model(JsonElement c)
    {
        TorchRuntime.ManualSeed((ulong)c.GetProperty("init_seed").GetInt64());
        return new SoftAttentionModel(c.GetProperty("dim").GetInt64(), c.GetProperty("hidden").GetInt64(), c.GetProperty("temperature").GetDouble());
    }

    private static void Close(float actual, float expected) =>
        actual.Should().BeApproximately(expected, Relative * Math.Max(1f, Math.Abs(expected)));

    private static void CloseAll(float[] actual, float[] expected, float absolute)
    {
        actual.Should().HaveSameCount(expected);
        for (var i = 0; i < actual.Length; i++)
        {
            actual[i].Should().BeApproximately(expected[i], absolute + (Relative * Math.Abs(expected[i])), $"element {i}");
        }
    }
}

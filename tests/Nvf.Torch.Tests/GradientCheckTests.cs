using FluentAssertions;
using Nvf.Torch.Nn;
using Nvf.Torch.Tests.Support;
using Xunit;

namespace Nvf.Torch.Tests;

/// <summary>Every differentiable operation of the binding against finite differences (see <see cref="GradCheck"/>).</summary>
public sealed class GradientCheckTests
{
    // Input kinds keep finite differences away from kinks and domain edges (relu/abs at 0, log of ≤ 0, ties of max).
    private enum Kind
    {
        Any,
        Positive,
        AwayFromZero,
    }

    public static TheoryData<string> Operations => new(Cases.Keys);

    private static Dictionary<string, (Func<Tensor[], Tensor> F, (Kind Kind, long[] Shape)[] Inputs)> Cases => new()
    {
        ["add"] = (x => x[0] + x[1], [(Kind.Any, [2, 3]), (Kind.Any, [3])]),
        ["sub"] = (x => x[0] - x[1], [(Kind.Any, [2, 3]), (Kind.Any, [2, 1])]),
        ["mul"] = (x => x[0] * x[1], [(Kind.Any, [2, 3]), (Kind.Any, [2, 3])]),
        ["div"] = (x => x[0] / x[1], [(Kind.Any, [2, 3]), (Kind.Positive, [2, 3])]),
        ["scalar arithmetic"] = (x => ((x[0] * 2.5) + 1.0 - 0.5) / 4.0, [(Kind.Any, [2, 3])]),
        ["scalar minus and over tensor"] = (x => (2.0 - x[0]) + (3.0 / x[0]), [(Kind.Positive, [2, 3])]),
        ["neg"] = (x => -x[0], [(Kind.Any, [4])]),
        ["exp"] = (x => x[0].Exp(), [(Kind.Any, [2, 3])]),
        ["log"] = (x => x[0].Log(), [(Kind.Positive, [2, 3])]),
        ["sqrt"] = (x => x[0].Sqrt(), [(Kind.Positive, [2, 3])]),
        ["pow scalar"] = (x => x[0].Pow(3.0), [(Kind.Any, [2, 3])]),
        ["pow tensor"] = (x => x[0].Pow(x[1]), [(Kind.Positive, [2, 3]), (Kind.Any, [2, 3])]),
        ["square"] = (x => x[0].Square(), [(Kind.Any, [2, 3])]),
        ["abs"] = (x => x[0].Abs(), [(Kind.AwayFromZero, [2, 3])]),
        ["relu"] = (x => x[0].Relu(), [(Kind.AwayFromZero, [2, 3])]),
        ["gelu"] = (x => x[0].Gelu(), [(Kind.Any, [2, 3])]),
        ["tanh"] = (x => x[0].Tanh(), [(Kind.Any, [2, 3])]),
        ["sigmoid"] = (x => x[0].Sigmoid(), [(Kind.Any, [2, 3])]),
        ["clamp"] = (x => x[0].ClampMin(-0.05).ClampMax(0.05), [(Kind.AwayFromZero, [2, 3])]),
        ["maximum and minimum"] = (x => x[0].Maximum(x[1] * 0.05) + x[0].Minimum(x[1] * 0.05), [(Kind.AwayFromZero, [2, 3]), (Kind.Any, [2, 3])]),
        ["softmax"] = (x => x[0].Softmax(1), [(Kind.Any, [3, 4])]),
        ["log_softmax"] = (x => x[0].LogSoftmax(-1), [(Kind.Any, [3, 4])]),
        ["cross_entropy"] = (x => x[0].CrossEntropy(Tensor.From([2L, 0L, 3L])), [(Kind.Any, [3, 4])]),
        ["cross_entropy sum"] = (x => x[0].CrossEntropy(Tensor.From([1L, 1L, 0L]), Reduction.Sum), [(Kind.Any, [3, 4])]),
        ["normalize"] = (x => x[0].Normalize(-1), [(Kind.Any, [3, 4])]),
        ["layer_norm"] = (x => x[0].LayerNorm([4], x[1], x[2]), [(Kind.Any, [3, 4]), (Kind.Any, [4]), (Kind.Any, [4])]),
        ["linear"] = (x => x[0].Linear(x[1], x[2]), [(Kind.Any, [3, 4]), (Kind.Any, [2, 4]), (Kind.Any, [2])]),
        ["mm"] = (x => x[0].Mm(x[1]), [(Kind.Any, [2, 3]), (Kind.Any, [3, 4])]),
        ["matmul batched"] = (x => x[0].MatMul(x[1]), [(Kind.Any, [2, 2, 3]), (Kind.Any, [3, 2])]),
        ["bmm"] = (x => x[0].Bmm(x[1]), [(Kind.Any, [2, 2, 3]), (Kind.Any, [2, 3, 2])]),
        ["sum"] = (x => x[0].Sum(1) + x[0].Sum(), [(Kind.Any, [2, 3])]),
        ["mean"] = (x => x[0].Mean([0], keepDim: true) * x[0].Mean(), [(Kind.Any, [2, 3])]),
        ["max over dim"] = (x => x[0].Max(1), [(Kind.Any, [3, 4])]),
        ["min"] = (x => x[0].Min(), [(Kind.Any, [3, 4])]),
        ["topk values"] = (x => x[0].TopK(2).Values, [(Kind.Any, [3, 5])]),
        ["gather"] = (x => x[0].Gather(1, Tensor.From([0L, 2L, 1L, 1L], 2, 2)), [(Kind.Any, [2, 3])]),
        ["index_select"] = (x => x[0].IndexSelect(0, Tensor.From([2L, 0L, 2L])), [(Kind.Any, [3, 2])]),
        ["cat"] = (x => Tensor.Cat([x[0], x[1]], 1), [(Kind.Any, [2, 2]), (Kind.Any, [2, 3])]),
        ["stack"] = (x => Tensor.Stack([x[0], x[1]], 0), [(Kind.Any, [2, 3]), (Kind.Any, [2, 3])]),
        ["reshape transpose permute"] = (x => x[0].Reshape(3, 2, 2).Transpose(0, 2).Permute(2, 0, 1).Contiguous(), [(Kind.Any, [2, 6])]),
        ["unsqueeze expand squeeze"] = (x => x[0].Unsqueeze(1).Expand(3, 4, 2).Sum(1).Unsqueeze(2).Squeeze(2), [(Kind.Any, [3, 2])]),
        ["narrow"] = (x => x[0].Narrow(1, 1, 2), [(Kind.Any, [2, 4])]),
        ["masked_fill"] = (x => x[0].MaskedFill(Tensor.From([true, false, false, true, false, true], 2, 3), 0.5), [(Kind.Any, [2, 3])]),
        ["where"] = (x => Tensor.Where(Tensor.From([true, false, true], 3), x[0], x[1]), [(Kind.Any, [2, 3]), (Kind.Any, [2, 3])]),
        ["clone"] = (x => x[0].Clone() * x[0], [(Kind.Any, [2, 3])]),
        ["dropout"] = (x => SeededDropout(x[0]), [(Kind.Any, [3, 4])]),
        ["causal self-attention"] = (x => Attention.Forward(x[0]), [(Kind.Any, [1, 3, 4])]),
    };

    private static CausalSelfAttention Attention { get; } = CreateAttention();

    [Theory]
    [MemberData(nameof(Operations))]
    public void Autograd_matches_finite_differences(string operation)
    {
        TorchRuntime.NumThreads = 1;
        var (f, shapes) = Cases[operation];
        using var generator = new Generator((ulong)operation.Length * 7919);
        var inputs = shapes.Select(s => (Draw(s.Kind, s.Shape, generator), s.Shape)).ToList();

        GradCheck.Mismatches(f, inputs).Should().BeEmpty($"autograd of '{operation}' must match finite differences");
    }

    private static Tensor SeededDropout(Tensor x)
    {
        // Same mask for every evaluation: reseed the global generator that dropout draws from.
        TorchRuntime.ManualSeed(5);
        return x.Dropout(0.3, training: true);
    }

    private static CausalSelfAttention CreateAttention()
    {
        using var generator = new Generator(3);
        return new CausalSelfAttention(embedding: 4, heads: 2, generator: generator);
    }

    private static float[] Draw(Kind kind, long[] shape, Generator generator)
    {
        using var scope = new DisposeScope();
        var x = Tensor.Randn(shape, generator);
        var shaped = kind switch
        {
            Kind.Positive => x.Abs() + 0.5,
            Kind.AwayFromZero => (x.Gt(0.0).To(DType.Float32) * 2.0 - 1.0) * (x.Abs() + 0.2),
            _ => x,
        };
        return shaped.ToArray<float>();
    }
}

using FluentAssertions;
using Xunit;

namespace Nvf.Torch.Tests;

public sealed class TensorDataTests
{
    [Fact]
    public void Data_round_trips_through_libtorch_with_shape_and_dtype()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        x.Shape.Should().Equal(2, 3);
        x.DType.Should().Be(DType.Float32);
        x.ToArray<float>().Should().Equal(1f, 2f, 3f, 4f, 5f, 6f);
        x.T().ToArray<float>().Should().Equal(1f, 4f, 2f, 5f, 3f, 6f);

        var labels = Tensor.From([3L, 0L, 7L]);
        labels.Shape.Should().Equal(3);
        labels.DType.Should().Be(DType.Int64);
        (labels + 1).ToArray<long>().Should().Equal(4L, 1L, 8L);

        var mask = x.Gt(3.5);
        mask.DType.Should().Be(DType.Bool);
        mask.ToArray<bool>().Should().Equal(false, false, false, true, true, true);
    }

    [Fact]
    public void Arithmetic_broadcasts_like_pytorch()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([1f, 2f, 3f, 4f], 2, 2);
        var row = Tensor.From([10f, 20f], 1, 2);
        ((x + row) * 2 - 1.5).ToArray<float>().Should().Equal(20.5f, 42.5f, 24.5f, 46.5f);
        (1.0 / x).ToArray<float>().Should().Equal(1f, 0.5f, 1f / 3f, 0.25f);
        (10.0 - x).ToArray<float>().Should().Equal(9f, 8f, 7f, 6f);
        x.Mm(x).ToArray<float>().Should().Equal(7f, 10f, 15f, 22f);
        x.Sum().ToSingle().Should().Be(10f);
        x.Sum(1).ToArray<float>().Should().Equal(3f, 7f);
        x.Mean(0, keepDim: true).Shape.Should().Equal(1, 2);
        x.ArgMax(1).ToArray<long>().Should().Equal(1L, 1L);
    }

    [Fact]
    public void TopK_returns_sorted_values_and_indices()
    {
        using var scope = new DisposeScope();
        var x = Tensor.From([0.1f, 0.9f, 0.5f, 0.7f, 0.2f, 0.3f, 0.8f, 0.0f], 2, 4);
        var (values, indices) = x.TopK(2);
        values.ToArray<float>().Should().Equal(0.9f, 0.7f, 0.8f, 0.3f);
        indices.ToArray<long>().Should().Equal(1L, 3L, 2L, 1L);
    }

    [Fact]
    public void Scope_frees_every_temporary_and_keeps_what_is_moved_out()
    {
        var before = Tensor.LiveCount;
        Tensor kept;
        using (var outer = new DisposeScope())
        {
            using (var inner = new DisposeScope())
            {
                var a = Tensor.Ones(3, 3);
                var b = a * 2.0 + a;
                kept = inner.MoveOut(b.Sum());
                inner.OwnedCount.Should().Be(3);
            }

            Tensor.LiveCount.Should().Be(before + 1);
            kept.ToSingle().Should().Be(27f);
        }

        kept.IsDisposed.Should().BeTrue();
        Tensor.LiveCount.Should().Be(before);
    }

    [Fact]
    public void Shape_mismatched_input_is_rejected_by_the_guard_before_reaching_libtorch()
    {
        var act = () => Tensor.From([1f, 2f, 3f], 2, 2);
        act.Should().Throw<ArgumentException>().WithMessage("*holds 4 elements but 3 were given*");
    }
}

using FluentAssertions;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Nvf.Torch;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

[Collection(TorchCollection.Name)]
public class InfoNceLossTests
{
    [Fact]
    public void Matches_the_formula_on_a_hand_computed_case()
    {
        using var scope = new DisposeScope();
        // q = k = two orthogonal unit vectors, tau 0.5: logits diag 2, off-diagonal 0 -> loss log(1 + e^-2) per row.
        var q = Tensor.From([1f, 0f, 0f, 1f], 2, 2);
        var loss = InfoNceLoss.Compute(q, q, 0.5).ToSingle();
        loss.Should().BeApproximately((float)Math.Log(1 + Math.Exp(-2)), 1e-6f);
    }

    [Fact]
    public void Uses_every_other_row_as_a_negative()
    {
        using var scope = new DisposeScope();
        // Rows 0 and 1 identical: the positive ties with one negative, so the loss is log 2 + log(1 + ...) > log 2 at any temperature.
        var q = Tensor.From([1f, 0f, 1f, 0f, 0f, 1f], 3, 2);
        var loss = InfoNceLoss.Compute(q, q, InfoNceLoss.SeedTemperature).ToSingle();
        var expected = (2 * Math.Log(2 + Math.Exp(-1 / 0.07)) + Math.Log(1 + 2 * Math.Exp(-1 / 0.07))) / 3;
        loss.Should().BeApproximately((float)expected, 1e-5f);
    }

    [Fact]
    public void Cosine_distance_is_zero_for_equal_rows_and_two_for_opposite_rows()
    {
        using var scope = new DisposeScope();
        var a = Tensor.From([1f, 0f, 0f, 1f], 2, 2);
        var b = Tensor.From([1f, 0f, 0f, -1f], 2, 2);
        InfoNceLoss.CosineDistance(a, a).ToSingle().Should().BeApproximately(0, 1e-7f);
        InfoNceLoss.CosineDistance(a, b).ToSingle().Should().BeApproximately(1, 1e-7f, "mean of 0 and 2");
    }

    [Fact]
    public void Refuses_a_non_positive_temperature()
    {
        using var scope = new DisposeScope();
        var q = Tensor.From([1f, 0f], 1, 2);
        FluentActions.Invoking(() => InfoNceLoss.Compute(q, q, 0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*0.07*");
    }
}

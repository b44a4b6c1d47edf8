using FluentAssertions;
using Nvf.Torch.Interop;
using Xunit;

namespace Nvf.Torch.Tests;

/// <summary>Bad input surfaces as a managed exception with libtorch's message; the process carries on.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Shape_mismatch_reports_libtorchs_message()
    {
        using var scope = new DisposeScope();
        var a = Tensor.Zeros(2, 3);
        var act = () => a.Mm(Tensor.Zeros(2, 3));
        act.Should().Throw<TorchException>().WithMessage("*mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)*");
        (a + 1.0).Sum().ToSingle().Should().Be(6f, "the process and the binding keep working");
    }

    [Fact]
    public void Wrong_dtype_reports_libtorchs_message()
    {
        using var scope = new DisposeScope();
        var logits = Tensor.Zeros(2, 3);
        var floatTargets = Tensor.Zeros(2);
        var act = () => logits.CrossEntropy(floatTargets);
        act.Should().Throw<TorchException>().WithMessage("*expected scalar type Long but found Float*");

        var copy = () => logits.ToArray<long>();
        copy.Should().Throw<TorchException>().WithMessage("*cannot copy a Float tensor into a Long array*");
    }

    [Fact]
    public void Out_of_range_index_reports_libtorchs_message()
    {
        using var scope = new DisposeScope();
        var x = Tensor.Zeros(3, 2);
        var act = () => x.IndexSelect(0, Tensor.From([0L, 5L]));
        act.Should().Throw<TorchException>().WithMessage("*out of range*");

        var targets = () => x.CrossEntropy(Tensor.From([0L, 1L, 7L]));
        targets.Should().Throw<TorchException>().WithMessage("*out of bounds*");
    }

    [Fact]
    public void A_disposed_tensor_cannot_be_used_again()
    {
        var x = Tensor.Ones(2);
        x.Dispose();
        x.Dispose();
        var act = () => x.Sum();
        act.Should().Throw<ObjectDisposedException>().WithMessage("*disposed*");
        x.ToString().Should().Be("Tensor(disposed)");
    }

    [Fact]
    public void Backward_without_a_graph_reports_libtorchs_message()
    {
        using var scope = new DisposeScope();
        var act = () => Tensor.Ones(2).Sum().Backward();
        act.Should().Throw<TorchException>().WithMessage("*does not require grad*");
    }

    [Fact]
    public void Missing_shim_names_the_path_and_the_install_command()
    {
        var empty = Directory.CreateTempSubdirectory("nvf-torch-missing-").FullName;
        try
        {
            var act = () => NativeLibraryLoader.Load(empty);
            act.Should().Throw<TorchUnavailableException>()
                .WithMessage($"*{Path.Combine(empty, "libnvftorch.so")}*apt-get install libtorch-dev libopenblas0-pthread*");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void Unloadable_shim_names_the_path_the_loader_error_and_the_install_command()
    {
        var directory = Directory.CreateTempSubdirectory("nvf-torch-broken-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "libnvftorch.so"), "not an ELF file");
            var act = () => NativeLibraryLoader.Load(directory);
            act.Should().Throw<TorchUnavailableException>()
                .WithMessage($"*{Path.Combine(directory, "libnvftorch.so")}*could not be loaded*apt-get install libtorch-dev*");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }
}

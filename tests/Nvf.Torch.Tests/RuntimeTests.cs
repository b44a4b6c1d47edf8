using FluentAssertions;
using Nvf.Torch.Diagnostics;
using Xunit;

namespace Nvf.Torch.Tests;

public sealed class RuntimeTests
{
    [Fact]
    public void Thread_count_applies_to_threads_that_call_libtorch_later()
    {
        TorchRuntime.NumThreads = 1;
        TorchRuntime.NumThreads.Should().Be(1);
        var seenElsewhere = 0;
        var thread = new Thread(() =>
        {
            using var scope = new DisposeScope();
            Tensor.Ones(2).Sum().Dispose();
            seenElsewhere = TorchRuntime.NumThreads;
        });
        thread.Start();
        thread.Join();
        seenElsewhere.Should().Be(1);

        TorchRuntime.NumThreads = 2;
        TorchRuntime.NumThreads.Should().Be(2);
    }

    [Fact]
    public void Every_thread_count_set_is_remembered_for_the_runs_provenance()
    {
        TorchRuntime.NumThreads = 1;
        TorchRuntime.NumThreads = 2;
        TorchRuntime.NumThreads = 1;

        TorchRuntime.ThreadCountsUsed.Should().Contain([1, 2]).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        TorchRuntime.NumThreads = 2;
    }

    [Fact]
    public void No_grad_scope_stops_recording_and_restores_the_previous_state()
    {
        using var scope = new DisposeScope();
        var w = Tensor.Ones(2).RequireGrad();
        using (new NoGradScope())
        {
            TorchRuntime.IsGradEnabled.Should().BeFalse();
            (w * 2.0).RequiresGrad.Should().BeFalse();
            using (new NoGradScope())
            {
                TorchRuntime.IsGradEnabled.Should().BeFalse();
            }

            TorchRuntime.IsGradEnabled.Should().BeFalse("the inner scope restores the outer's state");
        }

        TorchRuntime.IsGradEnabled.Should().BeTrue();
        (w * 2.0).RequiresGrad.Should().BeTrue();
    }

    [Fact]
    public void Gradients_accumulate_until_cleared()
    {
        using var scope = new DisposeScope();
        var w = Tensor.From([1f, 2f]).RequireGrad();
        (w * 3.0).Sum().Backward();
        (w * 3.0).Sum().Backward();
        w.Grad!.ToArray<float>().Should().Equal(6f, 6f);
        w.ZeroGrad();
        w.Grad.Should().BeNull();
    }

    [Fact]
    public void Doctor_measurement_finds_libtorch_openblas_and_a_positive_sgemm_rate()
    {
        var report = TorchDiagnostics.Measure(repetitions: 2);
        report.TorchVersion.Should().StartWith("1.13");
        report.Blas.Kind.Should().Be(BlasKind.OpenBlas, "setup.sh installs libopenblas0-pthread, which libtorch must pick up");
        report.SgemmGflops.Should().BePositive();
        report.Threads.Should().BePositive();
    }

    [Fact]
    public void Reference_blas_is_recognised_from_the_process_maps()
    {
        var maps = new[]
        {
            "7f1 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libtorch_cpu.so.1.13",
            "7f2 r-xp 00000000 08:01 124 /usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0",
        };
        TorchDiagnostics.FindBlas(maps).IsReference.Should().BeTrue();
        TorchDiagnostics.FindBlas(["7f3 r-xp 0 08:01 125 /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"]).Kind.Should().Be(BlasKind.OpenBlas);
        TorchDiagnostics.FindBlas([]).Kind.Should().Be(BlasKind.Unknown);
    }
}

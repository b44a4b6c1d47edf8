using FluentAssertions;
using Nvf.Torch.Diagnostics;
using Xunit;

namespace Nvf.Torch.Tests;

public class BlasIdentityTests
{
    static readonly CpuFeatures Avx512 = new("AMD EPYC", HasAvx2: true, HasAvx512: true);
    static readonly CpuFeatures Avx2 = new("Intel Xeon E5-2680 v4", HasAvx2: true, HasAvx512: false);
    static readonly CpuFeatures Old = new("Intel Core 2", HasAvx2: false, HasAvx512: false);

    [Fact]
    public void The_shims_lines_parse_into_library_kernel_and_config()
    {
        var blas = BlasIdentity.Parse("path=/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3\nprovider=/x/libopenblas.so.0\nimplementation=openblas\ncore=Prescott\nconfig=OpenBLAS 0.3.21 DYNAMIC_ARCH Prescott\nthreads=2\n");

        blas.Should().Be(new BlasIdentity("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3", "openblas", "Prescott", "OpenBLAS 0.3.21 DYNAMIC_ARCH Prescott", 2));
        blas.IsGenericOpenBlas.Should().BeTrue();
        blas.Describe().Should().Be("OpenBLAS, core Prescott (OpenBLAS 0.3.21 DYNAMIC_ARCH Prescott)");
        BlasIdentity.Parse("path=/b/libblas.so.3\nimplementation=blis\nversion=0.9.0\ncore=zen3\n").Describe().Should().Be("BLIS 0.9.0, core zen3");
    }

    [Theory]
    [InlineData("Prescott", "AVX-512", "SkylakeX")]
    [InlineData("Nehalem", "AVX2", "Haswell")]
    public void Generic_kernels_on_an_avx_cpu_warn_with_the_measured_figure_and_the_users_remedy(string core, string level, string suggested)
    {
        var cpu = level == "AVX-512" ? Avx512 : Avx2;
        var warning = BlasAdvice.GenericKernelWarning(new BlasIdentity("/l", "openblas", core, "", 1), cpu, 31.4);

        warning.Should().Contain($"generic '{core}' kernels on this {level} CPU").And.Contain("sgemm measured 31 GFLOPS")
            .And.Contain($"OPENBLAS_CORETYPE to {suggested}").And.Contain("never sets it");
    }

    [Fact]
    public void No_warning_for_a_matching_kernel_another_blas_or_a_cpu_without_avx2()
    {
        BlasAdvice.GenericKernelWarning(new BlasIdentity("/l", "openblas", "Cooperlake", "", 1), Avx512, 190).Should().BeNull();
        BlasAdvice.GenericKernelWarning(new BlasIdentity("/l", "blis", "zen3", "", null), Avx512, 100).Should().BeNull();
        BlasAdvice.GenericKernelWarning(new BlasIdentity("/l", "openblas", "Prescott", "", 1), Old, 10).Should().BeNull();
    }

    [Fact]
    public void Cpu_features_come_from_the_first_processors_flags()
    {
        var cpu = CpuFeatures.Parse(["processor\t: 0", "model name\t: AMD EPYC", "flags\t\t: fpu sse2 avx2 avx512f avx512bw"]);

        cpu.Should().Be(new CpuFeatures("AMD EPYC", true, true));
        cpu.VectorLevel.Should().Be("AVX-512");
        CpuFeatures.Parse(["flags : sse2"]).Should().Be(new CpuFeatures("unknown", false, false));
    }

    [Fact]
    public void This_process_reports_the_blas_that_serves_its_matrix_products()
    {
        var report = TorchDiagnostics.Measure(repetitions: 2);

        report.Identity.Implementation.Should().BeOneOf("openblas", "blis");
        report.Identity.Core.Should().NotBeEmpty("OpenBLAS names its core and BLIS its sub-configuration");
        report.Identity.Path.Should().Contain("libblas.so.3");
    }
}

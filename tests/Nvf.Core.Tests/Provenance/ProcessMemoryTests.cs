using FluentAssertions;
using Nvf.Core.Provenance;
using Xunit;

namespace Nvf.Core.Tests.Provenance;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void The_peak_window_resets_and_then_sees_a_large_allocation()
    {
        ProcessMemory.ResetPeak().Should().BeTrue("Linux lets a process reset its own peak through /proc/self/clear_refs");
        var before = ProcessMemory.PeakBytes!.Value;

        var block = new byte[256 << 20];
        Array.Fill(block, (byte)1); // touch every page so it is resident
        var peak = ProcessMemory.PeakBytes!.Value;

        peak.Should().BeGreaterThanOrEqualTo(before + (200L << 20));
        ProcessMemory.CurrentBytes.Should().BeGreaterThan(0);
        GC.KeepAlive(block);
        ProcessMemory.Describe(7_464_576_000).Should().Be("7.46 GB");
    }

    [Fact]
    public void Fingerprints_name_what_differs()
    {
        var here = new MachineFingerprint("AMD EPYC (AVX-512)", "OpenBLAS Cooperlake", 2);

        here.Difference(here with { }).Should().BeNull();
        here.Difference(here with { Blas = "OpenBLAS Prescott" }).Should().Be("another machine: BLAS OpenBLAS Cooperlake vs OpenBLAS Prescott");
        here.Difference(null).Should().Contain("no machine fingerprint");
    }
}

using Nvf.Cli.CommandLine;
using System.CommandLine;
using System.Globalization;
using Nvf.Torch;
using Nvf.Torch.Diagnostics;
using Spectre.Console;

namespace Nvf.Cli.Commands;

/// <summary>`nvf doctor`: prints what <see cref="TorchDiagnostics"/> measures about libtorch and its BLAS.</summary>
public static class DoctorCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var threads = new Option<int?>("--threads") { Description = "Intra-op threads for libtorch (default: libtorch's own choice)." };
        var command = new Command("doctor", "Report libtorch's version, its BLAS, measured sgemm GFLOPS and thread count.") { threads };
        command.SetAction(parse => Run(parse.GetValue(threads)));
        return command;
    }

    private static int Run(int? threads)
    {
        TorchReport report;
        try
        {
            if (threads is { } count)
            {
                TorchRuntime.NumThreads = count;
            }

            report = TorchDiagnostics.Measure();
        }
        catch (TorchUnavailableException e)
        {
            Terminal.Console.MarkupLine($"[red bold]libtorch is not usable:[/] {Markup.Escape(e.Message)}");
            return ExitCodes.Failed;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("check").AddColumn("value");
        table.AddRow("libtorch version", Markup.Escape(report.TorchVersion));
        table.AddRow("BLAS library", Markup.Escape(report.Blas.Path));
        table.AddRow("BLAS kernel", Markup.Escape(report.Identity.Describe()));
        table.AddRow("CPU", Markup.Escape($"{report.Cpu.Model} ({report.Cpu.VectorLevel})"));
        table.AddRow("CPU capability", Markup.Escape(report.CpuCapability));
        table.AddRow("threads (libtorch / CPUs)", string.Create(CultureInfo.InvariantCulture, $"{report.Threads} / {report.ProcessorCount}"));
        table.AddRow(
            $"sgemm {TorchDiagnostics.M}x{TorchDiagnostics.K} by {TorchDiagnostics.K}x{TorchDiagnostics.N}",
            string.Create(CultureInfo.InvariantCulture, $"{report.SgemmGflops:F1} GFLOPS ({report.SgemmMilliseconds:F2} ms, best of 10)"));
        Terminal.Console.Write(table);

        if (report.Blas.IsReference)
        {
            Terminal.Console.Write(new Panel(
                    "[red bold]libtorch is using the REFERENCE BLAS.[/] Matrix products run ~30x slower and training will crawl.\n" +
                    "Install OpenBLAS: [bold]sudo apt-get install libopenblas0-pthread[/] (it takes over libblas.so.3).")
                .Header("[red bold] WARNING [/]")
                .BorderColor(Color.Red));
        }

        if (report.GenericKernelWarning is { } warning)
        {
            Terminal.Console.Write(new Panel(Markup.Escape(warning)).Header("[yellow bold] GENERIC BLAS KERNELS [/]").BorderColor(Color.Yellow));
        }

        return ExitCodes.Passed;
    }
}

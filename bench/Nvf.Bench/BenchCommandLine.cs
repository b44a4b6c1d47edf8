using System.Globalization;
using Nvf.Bench.SoftAttention;

namespace Nvf.Bench;

/// <summary>Parses the benchmark's few options and runs the chosen benchmark.</summary>
public static class BenchCommandLine
{
    /// <summary>Runs; returns 0, or 2 on a usage error.</summary>
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, int> { ["--threads"] = 2, ["--steps"] = 200, ["--repetitions"] = 5 };
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (options.ContainsKey(args[i]) && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                options[args[i++]] = value;
            }
            else if (!args[i].StartsWith('-'))
            {
                names.Add(args[i]);
            }
            else
            {
                Console.Error.WriteLine($"unknown or invalid option {args[i]}; expected --threads N, --steps N, --repetitions N (positive integers)");
                return 2;
            }
        }

        if (names.Count == 0 || names.Contains("soft-attention"))
        {
            SoftAttentionBenchmark.Run(options["--threads"], options["--steps"], options["--repetitions"], Console.Out);
        }

        return 0;
    }
}

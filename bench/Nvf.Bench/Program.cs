using Nvf.Bench;

// Benchmarks print figures; they never fail a build. Usage: Nvf.Bench [soft-attention] [--threads N] [--steps N] [--repetitions N]
return BenchCommandLine.Run(args);

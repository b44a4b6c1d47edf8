Console.WriteLine("no benchmarks yet");

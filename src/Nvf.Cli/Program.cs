namespace Nvf.Cli;

/// <summary>The `nvf` command line: the same services as the steps, plus argument parsing and progress.</summary>
public static class Program
{
    /// <summary>Entry point; exit codes: 0 pass, 1 gate failed, 2 usage or input error.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("nvf: no commands yet");
        return 2;
    }
}

namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A per-scenario context object: the sample steps share it through their constructors.</summary>
public sealed class Calculator : IDisposable
{
    public List<double> Numbers { get; } = [];

    public double Total => Numbers.Sum();

    public bool Disposed { get; private set; }

    public void Dispose()
    {
        Disposed = true;
        HookLog.Add($"dispose Calculator({Total})");
    }
}

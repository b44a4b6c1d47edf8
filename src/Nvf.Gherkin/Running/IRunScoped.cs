namespace Nvf.Gherkin.Running;

/// <summary>
/// A cache or resource that lives for one run, not for the process: the runner makes one of each public class implementing
/// this in the bindings' assembly (through its parameterless constructor) when the run starts, hands it to every scenario
/// (steps ask for it by constructor, as for any context object), and disposes it when the run finishes, so what it holds is
/// released at the run's end whatever the features and their order.
/// </summary>
public interface IRunScoped : IDisposable
{
}

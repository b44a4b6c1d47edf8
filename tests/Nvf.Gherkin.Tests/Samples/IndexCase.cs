namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A sample record built from a table row: header cells name its constructor parameters.</summary>
public sealed record IndexCase(string Name, IndexKind Kind, double Recall, TimeSpan Budget);

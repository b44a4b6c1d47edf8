namespace Nvf.Gherkin.Tests.Samples;

/// <summary>A sample enum that table cells and step text convert to ("ivf flat" → IvfFlat).</summary>
public enum IndexKind
{
    Flat,
    IvfFlat,
}

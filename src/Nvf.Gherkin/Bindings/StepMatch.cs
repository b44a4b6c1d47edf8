namespace Nvf.Gherkin.Bindings;

/// <summary>What the registry found for one step: exactly one binding (with its captures), none, or several.</summary>
/// <param name="Candidates">Every binding whose expression matched, with its captured texts.</param>
public sealed record StepMatch(IReadOnlyList<(StepBinding Binding, IReadOnlyList<string> Captures)> Candidates)
{
    /// <summary>No binding matched.</summary>
    public bool IsUndefined => Candidates.Count == 0;

    /// <summary>More than one binding matched.</summary>
    public bool IsAmbiguous => Candidates.Count > 1;

    /// <summary>The failure text for an ambiguous step: every matching binding with its expression.</summary>
    public string AmbiguityMessage =>
        "ambiguous step: it matches " + Candidates.Count + " bindings:" + Environment.NewLine +
        string.Join(Environment.NewLine, Candidates.Select(c => $"  {c.Binding.Location}  \"{c.Binding.Expression}\""));
}

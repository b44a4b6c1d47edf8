namespace Nvf.Gherkin.Tests.Steps;

/// <summary>One row of the "I tally these amounts" table.</summary>
public sealed record TallyLine(string Label, int Amount, double Share);

namespace Nvf.Gherkin.Parsing;

/// <summary>A .feature file could not be compiled: syntax errors or duplicate scenario names.</summary>
public sealed class FeatureParseException : Exception
{
    /// <summary>Creates the exception from the errors found (at least one).</summary>
    /// <param name="errors">Each error with its file:line:column.</param>
    public FeatureParseException(IReadOnlyList<FeatureParseError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A parse exception needs at least one error; got none.", nameof(errors));
        }

        Errors = errors;
    }

    /// <summary>The errors, in file order.</summary>
    public IReadOnlyList<FeatureParseError> Errors { get; }
}

namespace Nvf.Core.Index;

/// <summary>Why a payload vector used as its own query was not ranked first.</summary>
public enum OracleMissKind
{
    /// <summary>An exact duplicate of the query, with the same score, ranked first: a tie, not an index fault.</summary>
    DuplicateTie,

    /// <summary>Anything else: a different vector outscored the query's own, or the query was not found. A real fault.</summary>
    Fault,
}

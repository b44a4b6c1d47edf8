namespace Nvf.Core.Index;

/// <summary>Why a payload vector used as its own query was not ranked first.</summary>
public enum OracleMissKind
{
    /// <summary>An identical copy of the query (bit for bit, so the same score) ranked first: a tie, not an index fault.</summary>
    DuplicateTie,

    /// <summary>Neither the vector nor any identical copy ranked first: a different vector outscored it, or it was not found. A real fault.</summary>
    Fault,
}

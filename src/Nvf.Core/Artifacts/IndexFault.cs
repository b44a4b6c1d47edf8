namespace Nvf.Core.Artifacts;

/// <summary>A fault deliberately put into the payload index, so the decision gate's "check the flat index" branch is reached for real.</summary>
public enum IndexFault
{
    /// <summary>The index as built: ids are payload rows.</summary>
    None,

    /// <summary>
    /// A stale index file: built from an earlier export of the same payload whose rows were in another
    /// (seeded random) order, so every id it returns names the row that vector had then, not now. The
    /// vectors are right and the model may be fine, yet IVF retrieval finds nothing; an exact (flat)
    /// index rebuilt from the current payload finds what the IVF index "missed".
    /// </summary>
    StaleRowOrder,
}

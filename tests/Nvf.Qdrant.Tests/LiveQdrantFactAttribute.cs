using Nvf.Qdrant.Servers;
using Xunit;

namespace Nvf.Qdrant.Tests;

/// <summary>
/// A fact that needs a real Qdrant. At discovery it asks <see cref="QdrantServerLocator.QuickSkipReasonAsync"/>
/// (no container or process is started) and, when no source could give a server, is reported
/// SKIPPED with the locator's exact reasons, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiveQdrantFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Reason = new(() => new QdrantServerLocator().QuickSkipReasonAsync().GetAwaiter().GetResult());

    /// <summary>Sets Skip when no Qdrant source is usable on this machine.</summary>
    public LiveQdrantFactAttribute()
    {
        if (Reason.Value is string reason)
            Skip = reason;
    }
}

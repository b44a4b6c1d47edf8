using Xunit;

namespace Nvf.Core.Tests;

/// <summary>
/// Tests that train or run libtorch: its thread count, grad mode and global generator are process-wide, so they run one
/// at a time, in one collection (there were two, the NVF and the InfoNCE tests', which xunit ran side by side).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch";
}

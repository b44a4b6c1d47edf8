using Xunit;

namespace Nvf.Core.Tests.Nvf;

/// <summary>NVF tests share torch's process-wide thread count and global generator: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "nvf-torch";
}

using Xunit;

namespace Nvf.Core.Tests.InfoNce;

/// <summary>Tests that train with libtorch: its thread count and grad mode are process-wide, so they run one at a time.</summary>
[CollectionDefinition(nameof(TorchCollection), DisableParallelization = true)]
public sealed class TorchCollection;

using Xunit;

// The live-tensor counter, grad mode and the thread count are process-wide; tests that measure
// them must not overlap with others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

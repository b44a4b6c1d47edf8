using Nvf.Faiss;

namespace Nvf.Core.Index;

/// <summary>An IVF-Flat index built by <see cref="IvfFlatBuilder"/>, with how long each phase took. The caller owns (disposes) <see cref="Index"/>.</summary>
/// <param name="Index">The trained index holding every vector, ids = row numbers.</param>
/// <param name="Sizing">nlist and training sample size used.</param>
/// <param name="TrainTime">Wall time of k-means training.</param>
/// <param name="AddTime">Wall time of adding all vectors.</param>
public sealed record IvfBuild(FaissIndex Index, IvfSizing Sizing, TimeSpan TrainTime, TimeSpan AddTime);

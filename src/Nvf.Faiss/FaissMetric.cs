namespace Nvf.Faiss;

/// <summary>How an index compares vectors (the values are FAISS's own <c>MetricType</c>).</summary>
public enum FaissMetric
{
    /// <summary>Inner product; higher scores are closer. On unit vectors this is the cosine.</summary>
    InnerProduct = 0,

    /// <summary>Squared Euclidean distance; lower scores are closer.</summary>
    L2 = 1,
}

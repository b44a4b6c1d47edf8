using System.Globalization;
using Nvf.Core.Configs;
using Nvf.Core.Pipeline;
using Nvf.Core.Stores;
using Reqnroll;

namespace Nvf.Specs.Steps.Support;

/// <summary>
/// The features' own parameter types and names, as Reqnroll step argument transformations: {percent} and
/// {real} (a number that may have an exponent), and the enums the features spell the way the seeds do
/// ("rich-features", "inner-product", "straight-through"): case, spaces and '-' do not matter.
/// </summary>
[Binding]
public sealed class ParameterTypes
{
    /// <summary>{percent}: "90%" or "92.5 %" as the fraction 0.9 or 0.925 (the seeds state rates in percent).</summary>
    /// <param name="text">The matched text, a number followed by '%'.</param>
    [StepArgumentTransformation(@"(-?\d+(?:\.\d+)?\s?%)", Name = "percent")]
    public static double Percent(string text) =>
        (double)(decimal.Parse(text.TrimEnd('%').TrimEnd(), NumberStyles.Float, CultureInfo.InvariantCulture) / 100m);

    /// <summary>{real}: "0.001", "1e-5" or "-2.5E3" (Cucumber's {float} has no exponent).</summary>
    /// <param name="text">The matched number.</param>
    [StepArgumentTransformation(@"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)", Name = "real")]
    public static double Real(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A reranker design as the features name it ("rich-features", "improved").</summary>
    /// <param name="text">The name.</param>
    [StepArgumentTransformation]
    public static RerankerDesign Design(string text) => Named<RerankerDesign>(text);

    /// <summary>A differentiable Top-k ("straight-through", "gumbel-softmax").</summary>
    /// <param name="text">The name.</param>
    [StepArgumentTransformation]
    public static TopKRelaxation Relaxation(string text) => Named<TopKRelaxation>(text);

    /// <summary>A vector store ("faiss", "exact", "qdrant").</summary>
    /// <param name="text">The name.</param>
    [StepArgumentTransformation]
    public static VectorStoreKind Store(string text) => Named<VectorStoreKind>(text);

    /// <summary>A similarity metric ("cosine", "inner-product", "squared-l2").</summary>
    /// <param name="text">The name.</param>
    [StepArgumentTransformation]
    public static VectorMetric Metric(string text) => Named<VectorMetric>(text);

    // An enum member by its name, ignoring case, spaces and '-'; an unknown name lists the known ones.
    static T Named<T>(string text)
        where T : struct, Enum
    {
        return KebabName.TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name}; expected one of {KebabName.Expected<T>()} (case, spaces, '-' and '_' ignored).");
    }
}

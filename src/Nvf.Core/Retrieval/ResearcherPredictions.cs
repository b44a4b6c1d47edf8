using Nvf.Core.Artifacts;
using Nvf.Core.Data;
using Nvf.Core.Data.NumPy;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;

namespace Nvf.Core.Retrieval;

/// <summary>
/// A researcher's model output for the eval set: a float32, float64 or float16 .npy (M, D) whose row i is the prediction
/// for eval row i (pure-infonce-sanity-report.md: the epoch-1 checkpoint's predictions, what its auto-evaluation
/// measures). Named by NVF_PREDICTIONS, or by `nvf evaluate --predictions`.
/// </summary>
public static class ResearcherPredictions
{
    /// <summary>The environment variable naming the predictions file.</summary>
    public const string Variable = "NVF_PREDICTIONS";

    /// <summary>The file NVF_PREDICTIONS names (full path), or null when unset; throws <see cref="ArtifactException"/> when it does not exist.</summary>
    /// <param name="variable">Reads a variable (the process environment by default).</param>
    public static string? PathFromEnvironment(Func<string, string?>? variable = null)
    {
        var value = (variable ?? Environment.GetEnvironmentVariable)(Variable);
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var path = Path.GetFullPath(value);
        return File.Exists(path) ? path : throw new ArtifactException($"{Variable}: {path} does not exist; expected the predictions .npy (M, D), row i = the model's output for eval row i");
    }

    /// <summary>
    /// Reads <paramref name="path"/> as float32 (M, D) (float64 narrowed, float16 widened), checking it has one finite row per eval
    /// sample of the eval's width; every error names the file, what it holds and what was expected.
    /// </summary>
    /// <param name="path">The .npy file.</param>
    /// <param name="eval">The eval set the predictions answer.</param>
    /// <param name="evalFile">The eval file, checked against the predictions' record (<see cref="PredictionsRecord"/>) when there is one.</param>
    public static VectorSet Load(string path, EvalSet eval, string? evalFile = null) => LoadWithRecord(path, eval, evalFile).Predictions;

    /// <summary>As <see cref="Load"/>, with the record python/nvf_predictions.py wrote beside the file (null when none), checked.</summary>
    public static (VectorSet Predictions, PredictionsRecord? Record) LoadWithRecord(string path, EvalSet eval, string? evalFile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(eval);
        VectorSet predictions;
        try
        {
            predictions = NpyReader.ReadVectorSet(path, eval.Dimension);
        }
        catch (NpyFormatException e)
        {
            throw new ArtifactException($"{e.Message} (predictions: one row of {eval.Dimension} per eval sample)", e);
        }

        var record = PredictionsRecord.Read(path, eval.Count, eval.Dimension, evalFile);
        if (predictions.Count != eval.Count)
            throw new ArtifactException($"{path}: {predictions.Count} prediction rows; expected {eval.Count}, one per eval sample (row i = the model's output for eval row i)");
        if (predictions.FirstNonFinite() is { } bad)
            throw new ArtifactException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}: row {bad.Row}, column {bad.Column} is {bad.Value}; expected finite predictions"));

        // A zero row has no direction: its cosine with every target is 0, and a search with it returns a tie of every
        // vector in the index's order, whose first five would count as chance hits (all-zero predictions of the Python
        // docs scored R@5 0.5% and read as "train 1-2 more epochs").
        var zero = Enumerable.Range(0, predictions.Count).Where(r => IsZero(predictions.Row(r))).ToList();
        if (zero.Count > 0)
        {
            const string why = "a zero vector has no cosine with any target and retrieves only ties (a model whose output collapsed to zero has nothing to evaluate)";
            throw new ArtifactException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{path}: {zero.Count:N0} of {predictions.Count:N0} rows are zero vectors (the first: row {zero[0]}); expected a direction per row: {why}"));
        }

        return (predictions, record);
    }

    // Every element 0 (or -0).
    static bool IsZero(ReadOnlySpan<float> row)
    {
        foreach (var value in row)
        {
            if (value != 0f)
                return false;
        }

        return true;
    }
}

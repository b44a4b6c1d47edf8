using System.Globalization;
using System.Text.Json;
using Nvf.Core.Artifacts;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Provenance;

namespace Nvf.Core.Retrieval;

/// <summary>
/// What python/nvf_predictions.py writes beside a predictions file (P.npy.json): which eval file the predictions
/// answer (its SHA-256 and row count), which model, epoch and checkpoint made them, and the predictions' own SHA-256.
/// Optional: a predictions file without a record is judged as it is.
/// </summary>
/// <param name="Format">"nvf-predictions v1".</param>
/// <param name="EvalFile">The eval file's name.</param>
/// <param name="EvalSha256">The eval file's SHA-256.</param>
/// <param name="Rows">Eval rows, one prediction each.</param>
/// <param name="Dimension">Prediction width D.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Epoch">The training epoch.</param>
/// <param name="Checkpoint">The checkpoint file's name, or null.</param>
/// <param name="CheckpointSha256">The checkpoint's SHA-256, or null.</param>
/// <param name="PredictionsSha256">The predictions file's SHA-256 when written.</param>
public sealed record PredictionsRecord(
    string Format, string EvalFile, string EvalSha256, int Rows, int Dimension, string Model, int Epoch, string? Checkpoint, string? CheckpointSha256, string PredictionsSha256)
{
    /// <summary>The only format read.</summary>
    public const string CurrentFormat = "nvf-predictions v1";

    /// <summary>"mamba-s, epoch 1, checkpoint best.pt (SHA-256 3f2a…)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Model}, epoch {Epoch}{(Checkpoint is null ? "" : $", checkpoint {Checkpoint} (SHA-256 {CheckpointSha256?[..12]}…)")}");

    /// <summary>
    /// The record beside <paramref name="predictions"/> (its path + ".json"), checked against the predictions file,
    /// the eval set's row count and width and, when given, the eval file; null when there is none. Throws
    /// <see cref="ArtifactException"/> naming the record and the field that disagrees.
    /// </summary>
    public static PredictionsRecord? Read(string predictions, int evalRows, int dimension, string? evalFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(predictions);
        var path = predictions + ".json";
        if (!File.Exists(path))
            return null;
        PredictionsRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<PredictionsRecord>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            throw new ArtifactException($"{path}: not a predictions record ({e.Message}); expected the JSON python/nvf_predictions.py writes, or no file");
        }

        if (record is null || record.Format != CurrentFormat)
            throw new ArtifactException($"{path}: field 'format' is {(record is null ? "missing" : $"'{record.Format}'")}; expected '{CurrentFormat}'");
        if (record.Rows != evalRows)
            throw new ArtifactException($"{path}: field 'rows' is {record.Rows}; the eval set has {evalRows} rows: these predictions answer another eval set");
        if (record.Dimension != dimension)
            throw new ArtifactException($"{path}: field 'dimension' is {record.Dimension}; the eval set's vectors have {dimension}");
        if (FileDigest.Sha256Of(predictions) != record.PredictionsSha256)
            throw new ArtifactException($"{path}: field 'predictionsSha256' does not match {Path.GetFileName(predictions)}: the predictions changed after they were written (write them again)");
        if (evalFile is not null && FileDigest.Sha256Of(evalFile) is { } evalSha && evalSha != record.EvalSha256)
            throw new ArtifactException($"{path}: field 'evalSha256' names eval file {record.EvalFile} ({record.EvalSha256[..12]}…); the gate's eval file {evalFile} has SHA-256 {evalSha[..12]}…: these predictions answer another eval file");
        return record;
    }
}

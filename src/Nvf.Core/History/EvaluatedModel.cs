namespace Nvf.Core.History;

/// <summary>A researcher's model a run evaluated: what the predictions' record names, and where its per-query results are kept.</summary>
/// <param name="Predictions">The predictions file.</param>
/// <param name="PredictionsSha256">Its SHA-256.</param>
/// <param name="Model">The model's name from the predictions record, or null when the file came without one.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="Checkpoint">The checkpoint, or null.</param>
/// <param name="CheckpointSha256">Its SHA-256, or null.</param>
/// <param name="PerQuery">The per-query results file's name in the run folder.</param>
public sealed record EvaluatedModel(string Predictions, string PredictionsSha256, string? Model, int Epoch, string? Checkpoint, string? CheckpointSha256, string PerQuery);

namespace Nvf.Core.Artifacts;

/// <summary>
/// How the plumbing checks and retrieval run (pure-infonce-sanity-report.md): IVF nprobe 64, top 50,
/// 1,000 oracle queries, 100 eval samples for alignment.
/// </summary>
/// <param name="Nprobe">IVF lists probed per query.</param>
/// <param name="TopK">Results per query.</param>
/// <param name="OracleQueries">Payload vectors used as their own queries.</param>
/// <param name="AlignmentSamples">Eval samples whose target is compared with payload[truth_key].</param>
/// <param name="ControlRows">Payload rows of the negative controls that need an index of their own (a slice keeps them cheap).</param>
/// <param name="Seed">Seed of the IVF training sample and the sampled queries.</param>
/// <param name="Fault">A fault put into the payload index for retrieval of model predictions (the plumbing checks always see the index as built).</param>
public sealed record RetrievalSettings(int Nprobe, int TopK, int OracleQueries, int AlignmentSamples, int ControlRows, ulong Seed, IndexFault Fault = IndexFault.None);

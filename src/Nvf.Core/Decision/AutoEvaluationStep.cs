using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
namespace Nvf.Core.Decision;

/// <summary>One step of the path the auto-evaluation took.</summary>
/// <param name="Step">What was done ("train", "separation", "IVF retrieval", "decision", "flat ablation", "two-tower", ...).</param>
/// <param name="Detail">What came out, with numbers.</param>
public sealed record AutoEvaluationStep(string Step, string Detail);

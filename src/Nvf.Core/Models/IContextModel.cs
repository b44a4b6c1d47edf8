using Nvf.Core.Data;

namespace Nvf.Core.Models;

/// <summary>
/// A researcher's trained context encoder, loaded from a file: maps contexts float32 (B, C, D) to predictions
/// float32 (B, D), the model the sanity report's auto-evaluation judges after each epoch.
/// </summary>
public interface IContextModel : IDisposable
{
    /// <summary>What was loaded, e.g. "attn.onnx (ONNX, input 'contexts' (batch, 5, 768))".</summary>
    string Description { get; }

    /// <summary>The model's predictions for every context of <paramref name="eval"/>, float32 (N, D), in batches.</summary>
    /// <param name="eval">The eval set (contexts (N, C, D)).</param>
    /// <param name="progress">Hears each batch, or null.</param>
    VectorSet Predict(EvalSet eval, IProgress<string>? progress = null);
}

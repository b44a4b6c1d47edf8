using Nvf.Core.Decision;
using Nvf.Core.Retrieval;
namespace Nvf.Core.InfoNce;

/// <summary>Which context encoder a sequence model uses.</summary>
public enum EncoderKind
{
    /// <summary><see cref="AttentionContextEncoder"/>: one causal transformer block plus a newest-chunk read-out.</summary>
    Attention,

    /// <summary><see cref="MlpContextEncoder"/>: the flattened context through one hidden layer (the baseline).</summary>
    Mlp,
}

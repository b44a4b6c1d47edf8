namespace Nvf.Core.Text;

/// <summary>Texts encoded by a <see cref="SentenceEncoder"/>.</summary>
/// <param name="Vectors">Unit vectors, float32 (Count, Dimension) row-major, row i for text i.</param>
/// <param name="Count">Texts encoded.</param>
/// <param name="Dimension">Vector length D.</param>
/// <param name="Distinct">Distinct texts (identical texts are encoded once and share their vector).</param>
/// <param name="Truncated">Distinct texts cut at the model's token limit.</param>
/// <param name="Tokens">Tokens run through the model, [CLS] and [SEP] included (padding excluded).</param>
/// <param name="Elapsed">Wall time, tokenizing included.</param>
public sealed record EncodedTexts(float[] Vectors, int Count, int Dimension, int Distinct, int Truncated, long Tokens, TimeSpan Elapsed);

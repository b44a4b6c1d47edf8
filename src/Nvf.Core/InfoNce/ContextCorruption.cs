using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.Retrieval;

namespace Nvf.Core.InfoNce;

/// <summary>
/// The seed's two regularisers on a micro-batch of contexts, in place (float32 (B, C, D), C order).
/// The seed names them without defining them; this harness reads them as follows.
/// Article dropout p: each context chunk except the newest is zeroed with probability p, so the
/// model cannot lean on any one older chunk of the article.
/// Span corruption q: with probability q a sample gets two consecutive context chunks (random start,
/// newest included as a possible position) replaced by the same positions of another sample of the
/// micro-batch, i.e. by chunks of another article.
/// </summary>
public static class ContextCorruption
{
    /// <summary>Length of a corrupted span, in chunks.</summary>
    public const int SpanLength = 2;

    /// <summary>Applies both corruptions to <paramref name="contexts"/> (count x contextLength x dimension floats), drawing from <paramref name="random"/>.</summary>
    public static void Apply(Span<float> contexts, int count, int contextLength, int dimension, double articleDropout, double spanCorruption, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if ((long)count * contextLength * dimension != contexts.Length)
            throw new ArgumentException($"{contexts.Length} floats; expected ({count}, {contextLength}, {dimension})", nameof(contexts));
        if (articleDropout is < 0 or >= 1 || spanCorruption is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(articleDropout), $"expected article dropout in [0, 1) and span corruption in [0, 1]; got {articleDropout} and {spanCorruption}");
        var size = contextLength * dimension;
        // Spans are copied from the uncorrupted batch, so corruption never chains through a donor.
        var source = spanCorruption > 0 && count > 1 ? contexts.ToArray() : null;
        for (var i = 0; i < count; i++)
        {
            var sample = contexts.Slice(i * size, size);
            if (source is not null && contextLength >= SpanLength && random.NextDouble() < spanCorruption)
            {
                var donor = (i + 1 + random.NextInt(count - 1)) % count;
                var start = random.NextInt(contextLength - SpanLength + 1);
                source.AsSpan(donor * size + start * dimension, SpanLength * dimension).CopyTo(sample.Slice(start * dimension));
            }

            for (var c = 0; c < contextLength - 1; c++)
            {
                if (random.NextDouble() < articleDropout)
                    sample.Slice(c * dimension, dimension).Clear();
            }
        }
    }
}

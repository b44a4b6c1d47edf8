using FluentAssertions;
using Nvf.Core.Data;
using Nvf.Core.Decision;
using Nvf.Core.InfoNce;
using Nvf.Core.Retrieval;
using Xunit;

namespace Nvf.Core.Tests.InfoNce;

public class ContextCorruptionTests
{
    private const int Count = 2000, Length = 5, Dimension = 4;

    [Fact]
    public void Article_dropout_zeroes_about_its_share_of_older_chunks_and_never_the_newest()
    {
        var contexts = Filled();
        ContextCorruption.Apply(contexts, Count, Length, Dimension, articleDropout: 0.2, spanCorruption: 0, new SeededRandom(1));
        var zeroed = new int[Length];
        for (var i = 0; i < Count; i++)
        {
            for (var c = 0; c < Length; c++)
            {
                if (contexts.AsSpan((i * Length + c) * Dimension, Dimension).IndexOfAnyExcept(0f) < 0)
                    zeroed[c]++;
            }
        }

        zeroed[^1].Should().Be(0, "the newest chunk is kept");
        // 8,000 older chunks at p = 0.2: 1,600 expected, standard deviation ~36.
        zeroed[..^1].Sum().Should().BeInRange(1450, 1750);
    }

    [Fact]
    public void Span_corruption_replaces_two_chunks_with_another_samples_chunks_at_the_same_positions()
    {
        var contexts = Filled();
        ContextCorruption.Apply(contexts, Count, Length, Dimension, articleDropout: 0, spanCorruption: 0.1, new SeededRandom(2));
        var corrupted = 0;
        for (var i = 0; i < Count; i++)
        {
            var foreign = Enumerable.Range(0, Length).Where(c => Sample(contexts, i, c) != i).ToArray();
            if (foreign.Length == 0)
                continue;
            corrupted++;
            foreign.Should().HaveCount(ContextCorruption.SpanLength);
            (foreign[1] - foreign[0]).Should().Be(1, "a span is consecutive");
            Sample(contexts, i, foreign[0]).Should().Be(Sample(contexts, i, foreign[1]), "both chunks come from one donor sample");
        }

        corrupted.Should().BeInRange(140, 260, "p = 0.1 of 2,000 samples: 200 expected");
    }

    [Fact]
    public void Nothing_changes_when_both_probabilities_are_zero()
    {
        var contexts = Filled();
        ContextCorruption.Apply(contexts, Count, Length, Dimension, 0, 0, new SeededRandom(3));
        contexts.Should().Equal(Filled());
    }

    // Every float of sample i, chunk c holds i + 1 (never 0, so dropout is visible).
    private static float[] Filled()
    {
        var data = new float[Count * Length * Dimension];
        for (var i = 0; i < data.Length; i++)
            data[i] = i / (Length * Dimension) + 1;
        return data;
    }

    private static int Sample(float[] contexts, int i, int c) => (int)contexts[(i * Length + c) * Dimension] - 1;
}

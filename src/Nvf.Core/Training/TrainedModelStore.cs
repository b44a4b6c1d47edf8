using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nvf.Core.Provenance;
using Nvf.Files;
using Nvf.Torch;
using Nvf.Torch.Nn;

namespace Nvf.Core.Training;

/// <summary>
/// Trained models on disk, one folder per entry: each module's state dict, its training curves and a record of the key
/// and every file's SHA-256. A key is a SHA-256 over what training is a function of (the caller's description and data)
/// and <see cref="CodeIdentity"/> (the build of the training code, libtorch's version and the BLAS kernel), so an entry
/// is served only to the build and machine kind that would train the same weights; training is deterministic for a
/// fixed thread count (configs fix it), so a hit equals a fresh training. A file that does not match its record is
/// never served: the caller trains again and is told why.
/// </summary>
public sealed class TrainedModelStore
{
    /// <summary>The layout of an entry; bump when it changes.</summary>
    public const string FormatVersion = "nvf-trained-models v2";

    const string RecordFile = "record.json";

    // A curve without validation holds NaN scores.
    static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, WriteIndented = true };

    static readonly Lazy<string> Identity = new(() => string.Join(
        "\n",
        FormatVersion,
        typeof(TrainedModelStore).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(Module).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        $"libtorch {TorchRuntime.Version}",
        $"blas {TorchRuntime.Blas}"));

    /// <summary>Stores entries under <paramref name="folder"/> (made when the first entry is written).</summary>
    public TrainedModelStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The folder entries live in.</summary>
    public string Folder { get; }

    /// <summary>What a key holds besides the caller's inputs: the entry format, the build of Nvf.Core and Nvf.Torch, libtorch's version and the BLAS library and kernel.</summary>
    public static string CodeIdentity => Identity.Value;

    /// <summary>The key of <paramref name="description"/> and <paramref name="data"/>: SHA-256 (hex) over them and <see cref="CodeIdentity"/>.</summary>
    /// <param name="description">Every input of training that is text: configs, the data's generator and seed, the design.</param>
    /// <param name="data">Every input of training that is numbers (database rows, labelled queries), in a fixed order.</param>
    public static string KeyOf(string description, params IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(description);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(CodeIdentity + "\n" + description + "\n"));
        foreach (var part in data)
        {
            hash.AppendData(BitConverter.GetBytes((long)part.Length));
            hash.AppendData(part.Span);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The bytes of <paramref name="values"/>, for <see cref="KeyOf"/>.</summary>
    public static ReadOnlyMemory<byte> Bytes<T>(T[] values)
        where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    /// <summary>
    /// The entry <paramref name="name"/> of <paramref name="key"/> when it is on disk and every file matches its record;
    /// otherwise null, with the reason in <paramref name="why"/>.
    /// </summary>
    public StoredModels? Find(string name, string key, out string why)
    {
        var folder = EntryFolder(name, key);
        var record = Path.Combine(folder, RecordFile);
        if (!File.Exists(record))
        {
            why = "no trained model stored for this data, config and build yet";
            return null;
        }

        Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(record), Json);
        }
        catch (JsonException e)
        {
            why = $"the stored record {record} is not valid JSON ({e.Message})";
            return null;
        }
        catch (IOException e)
        {
            why = $"the stored record {record} cannot be read ({e.Message})";
            return null;
        }

        if (entry is null || entry.Key != key || entry.Files is null || entry.Curves is null)
        {
            why = $"the stored record {record} is of another key";
            return null;
        }

        foreach (var (module, sha256) in entry.Files)
        {
            var file = Path.Combine(folder, module + ".pt");
            if (FileDigest.Sha256Of(file) != sha256)
            {
                why = $"{file} does not match the SHA-256 its record gives";
                return null;
            }
        }

        why = "";
        return new StoredModels(folder, entry);
    }

    /// <summary>
    /// Writes <paramref name="modules"/> (state dicts), <paramref name="curves"/> and <paramref name="counts"/> as the entry
    /// <paramref name="name"/> of <paramref name="key"/>, the record last, each file whole or not at all; returns the folder.
    /// </summary>
    public string Put(string name, string key, string description, IReadOnlyDictionary<string, Module> modules, IReadOnlyDictionary<string, TrainingCurve> curves, IReadOnlyDictionary<string, int>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(curves);
        var folder = EntryFolder(name, key);
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (module, model) in modules)
        {
            var file = Path.Combine(folder, module + ".pt");
            model.Save(file);
            files[module] = FileDigest.Compute(file).Sha256;
        }

        var entry = new Entry(key, description, files, curves.ToDictionary(c => c.Key, c => StoredCurve.Of(c.Value), StringComparer.Ordinal),
            new Dictionary<string, int>(counts ?? new Dictionary<string, int>(), StringComparer.Ordinal), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        AtomicFile.Write(Path.Combine(folder, RecordFile), stream => JsonSerializer.Serialize(stream, entry, Json));
        return folder;
    }

    string EntryFolder(string name, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (key is not { Length: 64 } || !key.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"expected a 64-digit lower-case hex key, got '{key}'", nameof(key));
        return Path.Combine(Folder, $"{name}-{key[..16]}");
    }

    internal sealed record Entry(string Key, string Description, Dictionary<string, string> Files, Dictionary<string, StoredCurve> Curves, Dictionary<string, int> Counts, string WrittenUtc);

    internal sealed record StoredCurve(string Title, EpochRecord[] Epochs, int KeptEpoch, bool StoppedEarly)
    {
        public static StoredCurve Of(TrainingCurve c) => new(c.Title, [.. c.Epochs], c.KeptEpoch, c.StoppedEarly);

        public TrainingCurve ToCurve()
        {
            var curve = new TrainingCurve(Title + " (from the model cache)");
            foreach (var e in Epochs)
                curve.Add(e);
            curve.KeptEpoch = KeptEpoch;
            curve.StoppedEarly = StoppedEarly;
            return curve;
        }
    }
}

/// <summary>An entry of <see cref="TrainedModelStore"/> whose files matched their record when it was found.</summary>
public sealed class StoredModels
{
    readonly TrainedModelStore.Entry entry;

    internal StoredModels(string folder, TrainedModelStore.Entry entry) => (Folder, this.entry) = (folder, entry);

    /// <summary>The entry's folder.</summary>
    public string Folder { get; }

    /// <summary>When the entry was written (UTC, ISO 8601).</summary>
    public string WrittenUtc => entry.WrittenUtc;

    /// <summary>Loads the stored state dict <paramref name="name"/> into <paramref name="module"/> (same architecture) and returns it in eval mode.</summary>
    public T Load<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!entry.Files.ContainsKey(name))
            throw new InvalidDataException($"{Folder} holds no module '{name}'; it holds {string.Join(", ", entry.Files.Keys)}");
        module.Load(Path.Combine(Folder, name + ".pt"));
        module.Eval();
        return module;
    }

    /// <summary>The stored training curve <paramref name="name"/>, its title marked as read from the cache.</summary>
    public TrainingCurve Curve(string name) =>
        entry.Curves.TryGetValue(name, out var curve) ? curve.ToCurve() : throw new InvalidDataException($"{Folder} holds no training curve '{name}'");

    /// <summary>The stored count <paramref name="name"/>.</summary>
    public int Count(string name) =>
        entry.Counts.TryGetValue(name, out var count) ? count : throw new InvalidDataException($"{Folder} holds no count '{name}'");
}

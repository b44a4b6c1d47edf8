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
/// and <see cref="CodeIdentity"/> (the training code's IL, libtorch's version and the BLAS kernel), so an entry
/// is served only to code and a machine kind that would train the same weights; training is deterministic for a
/// fixed thread count (configs fix it), so a hit equals a fresh training. A file that does not match its record is
/// never served: the caller trains again and is told why.
/// </summary>
public sealed class TrainedModelStore
{
    /// <summary>The layout of an entry; bump when it changes.</summary>
    public const string FormatVersion = "nvf-trained-models v3";

    const string RecordFile = "record.json";

    // A curve without validation holds NaN scores.
    static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, WriteIndented = true };

    /// <summary>
    /// Where the code that trains, stores and loads models starts: <see cref="CodeIdentity"/> covers every method reachable
    /// from these (the trainers, the model classes and Nvf.Torch's wrappers they call), so a change elsewhere (reports,
    /// checks, the CLI) keeps the trained models. Every Core method that uses the store must be reachable from here
    /// (a test checks it).
    /// </summary>
    public static IReadOnlyList<Type> TrainingCode { get; } =
    [
        typeof(TrainedModelStore), typeof(StoredModels), typeof(Pipeline.TrainedModels), typeof(Pipeline.SoftAttentionTrainer), typeof(Pipeline.RerankerTrainer),
        typeof(Pipeline.JointFineTuner), typeof(InfoNce.InfoNceWorkspace), typeof(RealData.TrainedPipelineCache), typeof(RealData.WordNetTask),
    ];

    static readonly Lazy<string> Identity = new(() => string.Join(
        "\n",
        FormatVersion,
        $"code {CodeFingerprint.Of([.. TrainingCode])}",
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

    /// <summary>What a key holds besides the caller's inputs: the entry format, the training code (<see cref="TrainingCode"/>), libtorch's version and the BLAS library and kernel.</summary>
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
            why = "no trained model stored for this data, config and training code yet";
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

        foreach (var (fileName, sha256) in entry.Files)
        {
            var file = Path.Combine(folder, fileName);
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
    /// The entry <paramref name="name"/> of <paramref name="description"/> and <paramref name="data"/> read by
    /// <paramref name="load"/> when the store holds it (its files verified first), else trained by <paramref name="train"/>
    /// and stored with the <paramref name="parts"/> it is made of; the note says which, and why an entry was not used.
    /// An entry whose files cannot be loaded is trained again.
    /// </summary>
    public (T Value, string Note) GetOrTrain<T>(
        string name, string description, IReadOnlyList<ReadOnlyMemory<byte>> data, Func<T> train, Func<StoredModels, T> load,
        Func<T, (Dictionary<string, Module> Modules, Dictionary<string, TrainingCurve> Curves, Dictionary<string, int>? Counts)> parts)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(parts);
        var key = KeyOf(description, data);
        var stored = Find(name, key, out var why);
        if (stored is not null)
        {
            try
            {
                return (load(stored), $"{name} read from the model cache {stored.Folder} (trained {stored.WrittenUtc}; {description})");
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or TorchException)
            {
                why = $"{stored.Folder} could not be loaded ({e.Message})";
            }
        }

        var trained = train();
        var (modules, curves, counts) = parts(trained);
        return (trained, $"{name} trained ({why}); stored in {Put(name, key, description, modules, curves, counts)}");
    }

    /// <summary>
    /// Writes <paramref name="modules"/> (state dicts), <paramref name="curves"/>, <paramref name="counts"/>,
    /// <paramref name="series"/> (short lists of numbers, kept in the record), <paramref name="arrays"/> (float32 arrays,
    /// each a file) and <paramref name="names"/> (lists of names, kept in the record) as the entry <paramref name="name"/> of <paramref name="key"/>, the record last, each file whole or not
    /// at all; returns the folder.
    /// </summary>
    public string Put(
        string name, string key, string description, IReadOnlyDictionary<string, Module> modules, IReadOnlyDictionary<string, TrainingCurve> curves,
        IReadOnlyDictionary<string, int>? counts = null, IReadOnlyDictionary<string, double[]>? series = null, IReadOnlyDictionary<string, (float[] Values, long[] Shape)>? arrays = null,
        IReadOnlyDictionary<string, string[]>? names = null)
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
            files[module + ".pt"] = FileDigest.Compute(file).Sha256;
        }

        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (array, (values, shape)) in arrays ?? new Dictionary<string, (float[], long[])>())
        {
            if (shape.Aggregate(1L, (a, b) => a * b) != values.Length)
                throw new ArgumentException($"array '{array}' holds {values.Length} values; its shape ({string.Join(", ", shape)}) says otherwise", nameof(arrays));
            var file = Path.Combine(folder, array + ".f32");
            AtomicFile.Write(file, stream => stream.Write(MemoryMarshal.AsBytes(values.AsSpan())));
            files[array + ".f32"] = FileDigest.Compute(file).Sha256;
            shapes[array] = shape;
        }

        var entry = new Entry(key, description, files, curves.ToDictionary(c => c.Key, c => StoredCurve.Of(c.Value), StringComparer.Ordinal),
            new Dictionary<string, int>(counts ?? new Dictionary<string, int>(), StringComparer.Ordinal), DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture))
        {
            Series = new Dictionary<string, double[]>(series ?? new Dictionary<string, double[]>(), StringComparer.Ordinal),
            Shapes = shapes,
            Names = new Dictionary<string, string[]>(names ?? new Dictionary<string, string[]>(), StringComparer.Ordinal),
            Code = CodeIdentity,
        };
        AtomicFile.Write(Path.Combine(folder, RecordFile), stream => JsonSerializer.Serialize(stream, entry, Json));
        RemoveSuperseded(name, folder, description);
        return folder;
    }

    // Entries this code can never read again are removed, so the store holds one entry per model rather than one per
    // version of the training code: an entry of the same name and description under another key (trained by earlier code
    // or on another machine kind), and any entry of the same name recorded under another code identity (the description of
    // a run on generated data changes with the generator's code too, through the data's content key).
    void RemoveSuperseded(string name, string kept, string description)
    {
        foreach (var other in Directory.EnumerateDirectories(Folder, name + "-*"))
        {
            if (string.Equals(Path.GetFullPath(other), kept, StringComparison.Ordinal))
                continue;
            try
            {
                var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(Path.Combine(other, RecordFile)), Json);
                if (entry is not null && (entry.Description == description || entry.Code != CodeIdentity))
                    Directory.Delete(other, recursive: true);
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                // Unreadable or being written by another process: left for a later run.
            }
        }
    }

    string EntryFolder(string name, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (key is not { Length: 64 } || !key.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"expected a 64-digit lower-case hex key, got '{key}'", nameof(key));
        return Path.Combine(Folder, $"{name}-{key[..16]}");
    }

    internal sealed record Entry(string Key, string Description, Dictionary<string, string> Files, Dictionary<string, StoredCurve> Curves, Dictionary<string, int> Counts, string WrittenUtc)
    {
        public Dictionary<string, double[]> Series { get; init; } = [];

        public Dictionary<string, long[]> Shapes { get; init; } = [];

        public Dictionary<string, string[]> Names { get; init; } = [];

        /// <summary>The <see cref="CodeIdentity"/> of the build that stored the entry ("" in entries from before it was recorded).</summary>
        public string Code { get; init; } = "";
    }

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
        if (!entry.Files.ContainsKey(name + ".pt"))
            throw new InvalidDataException($"{Folder} holds no module '{name}'; it holds {string.Join(", ", entry.Files.Keys)}");
        module.Load(Path.Combine(Folder, name + ".pt"));
        module.Eval();
        return module;
    }

    /// <summary>The stored training curve <paramref name="name"/>, its title marked as read from the cache.</summary>
    public TrainingCurve Curve(string name) =>
        entry.Curves.TryGetValue(name, out var curve) ? curve.ToCurve() : throw new InvalidDataException($"{Folder} holds no training curve '{name}'");

    /// <summary>The stored series <paramref name="name"/>.</summary>
    public double[] Series(string name) =>
        entry.Series.TryGetValue(name, out var values) ? values : throw new InvalidDataException($"{Folder} holds no series '{name}'");

    /// <summary>The stored list of names <paramref name="name"/>.</summary>
    public string[] Names(string name) =>
        entry.Names.TryGetValue(name, out var values) ? values : throw new InvalidDataException($"{Folder} holds no name list '{name}'");

    /// <summary>Whether the entry holds the array <paramref name="name"/>.</summary>
    public bool HasArray(string name) => entry.Shapes.ContainsKey(name);

    /// <summary>The stored float32 array <paramref name="name"/> and its shape.</summary>
    public (float[] Values, long[] Shape) Array(string name)
    {
        if (!entry.Shapes.TryGetValue(name, out var shape))
            throw new InvalidDataException($"{Folder} holds no array '{name}'");
        var file = Path.Combine(Folder, name + ".f32");
        var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
        using var stream = File.OpenRead(file);
        if (stream.Length != (long)values.Length * sizeof(float))
            throw new InvalidDataException($"{file} holds {stream.Length} bytes; its shape ({string.Join(", ", shape)}) needs {(long)values.Length * sizeof(float)}");
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return (values, shape);
    }

    /// <summary>The stored count <paramref name="name"/>.</summary>
    public int Count(string name) =>
        entry.Counts.TryGetValue(name, out var count) ? count : throw new InvalidDataException($"{Folder} holds no count '{name}'");
}

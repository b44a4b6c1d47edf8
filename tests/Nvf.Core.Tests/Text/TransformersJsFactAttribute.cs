using Nvf.Core.Tests.Data;
using Xunit;

namespace Nvf.Core.Tests.Text;

/// <summary>
/// A fact that needs node on PATH and transformers.js installed in tests/interop/transformersjs (scripts/setup.sh runs
/// npm ci there): otherwise reported SKIPPED with what is missing, never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TransformersJsFactAttribute : FactAttribute
{
    /// <summary>The interop folder.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "interop", "transformersjs");

    /// <summary>node's path, or null.</summary>
    public static string? Node { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "node")).FirstOrDefault(File.Exists);

    /// <summary>Sets Skip when node or the package is missing.</summary>
    public TransformersJsFactAttribute()
    {
        if (Node is null)
            Skip = "node is not on PATH: the independent implementation (transformers.js on onnxruntime-node) cannot run";
        else if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@huggingface", "transformers")))
            Skip = $"{Folder}/node_modules has no @huggingface/transformers: run scripts/setup.sh (npm ci --ignore-scripts there)";
    }
}

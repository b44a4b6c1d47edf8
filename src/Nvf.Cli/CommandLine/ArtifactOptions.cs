using System.CommandLine;

namespace Nvf.Cli.CommandLine;

/// <summary>
/// The options naming a researcher's files (payload, eval set, key map, index, training set), shared by the commands
/// that judge a model on them, and the NVF_* variables the features read them from.
/// </summary>
public sealed class ArtifactOptions
{
    private readonly Option<string> payload = new("--payload") { Description = "Payload vectors, .npy float (N, D).", Required = true };
    private readonly Option<string> eval = new("--eval") { Description = "Eval set, .npz with contexts (M, 5, D), targets (M, D), truth_keys (M, 2).", Required = true };
    private readonly Option<string?> keys = new("--payload-keys") { Description = "Key map .npy int (N, 2): the (article, chunk) of each payload row." };
    private readonly Option<string?> index = new("--index") { Description = "A .faiss index over the payload (ids = rows); default: build IVF-Flat here." };
    private readonly Option<string?> train = new("--train") { Description = "The training set .npz, to measure the eval set's leakage." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { payload, eval, keys, index, train })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>NVF_PAYLOAD, NVF_EVAL and those of the optional files given, each an existing file's full path.</summary>
    /// <param name="parse">The parsed command line.</param>
    public Dictionary<string, string> Environment(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var environment = new Dictionary<string, string>
        {
            ["NVF_PAYLOAD"] = Repository.ExistingFile(parse.GetValue(payload)!, "--payload"),
            ["NVF_EVAL"] = Repository.ExistingFile(parse.GetValue(eval)!, "--eval"),
        };
        foreach (var (variable, option) in new[] { ("NVF_PAYLOAD_KEYS", keys), ("NVF_INDEX", index), ("NVF_TRAIN", train) })
        {
            if (parse.GetValue(option) is { } path)
            {
                environment[variable] = Repository.ExistingFile(path, option.Name);
            }
        }

        return environment;
    }
}

namespace Nvf.Torch.Serialization;

/// <summary>A Python dict or OrderedDict read from a pickle, in insertion order.</summary>
internal sealed class PickleDict : List<KeyValuePair<object?, object?>>
{
}

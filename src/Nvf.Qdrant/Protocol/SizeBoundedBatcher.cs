using System.Buffers;

namespace Nvf.Qdrant.Protocol;

/// <summary>
/// Packs already-serialized JSON items into request bodies of the form prefix item,item,... suffix,
/// never letting a body exceed a byte limit or an item count. Because every item's exact UTF-8
/// length is known before it is added, the size check is exact, not an estimate.
/// </summary>
internal sealed class SizeBoundedBatcher
{
    private readonly byte[] _prefix;
    private readonly byte[] _suffix;
    private readonly int _maxBytes;
    private readonly int _maxItems;
    private readonly ArrayBufferWriter<byte> _body = new();

    public SizeBoundedBatcher(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix, int maxBytes, int maxItems)
    {
        if (maxBytes <= prefix.Length + suffix.Length)
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, $"expected a limit above the {prefix.Length + suffix.Length}-byte envelope");
        if (maxItems < 1)
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "expected at least 1 item per batch");
        _prefix = prefix.ToArray();
        _suffix = suffix.ToArray();
        _maxBytes = maxBytes;
        _maxItems = maxItems;
        _body.Write(_prefix);
    }

    /// <summary>Items in the open batch.</summary>
    public int Count { get; private set; }

    /// <summary>Largest single item that fits in an empty batch, bytes.</summary>
    public int MaxItemBytes => _maxBytes - _prefix.Length - _suffix.Length;

    /// <summary>True when an item of <paramref name="itemBytes"/> can join the open batch.</summary>
    public bool Fits(int itemBytes)
    {
        if (Count >= _maxItems)
            return false;
        int separator = Count > 0 ? 1 : 0;
        return (long)_body.WrittenCount + separator + itemBytes + _suffix.Length <= _maxBytes;
    }

    /// <summary>Appends one item; the caller checked <see cref="Fits"/>.</summary>
    public void Add(ReadOnlySpan<byte> item)
    {
        if (!Fits(item.Length))
            throw new InvalidOperationException($"an item of {item.Length} bytes does not fit the open batch ({_body.WrittenCount} of {_maxBytes} bytes, {Count} items)");
        if (Count > 0)
            _body.Write(","u8);
        _body.Write(item);
        Count++;
    }

    /// <summary>Closes the open batch and returns its body (a copy), then starts an empty one.</summary>
    public byte[] TakeBody()
    {
        if (Count == 0)
            throw new InvalidOperationException("expected at least one item before taking a batch body");
        _body.Write(_suffix);
        byte[] body = _body.WrittenSpan.ToArray();
        _body.ResetWrittenCount();
        _body.Write(_prefix);
        Count = 0;
        return body;
    }
}

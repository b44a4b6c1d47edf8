using System.Buffers.Binary;
using System.Text;

namespace Nvf.Torch.Serialization;

/// <summary>
/// The subset of Python's pickle virtual machine that torch.save uses for a dict of tensors
/// (protocols 2-4). libtorch 1.13's own unpickler turns every collections.OrderedDict into None,
/// so Python's torch.save(model.state_dict()) cannot be read through it; this reader maps
/// OrderedDict to a dict, tensors to <see cref="PickledTensor"/>, and rejects anything else.
/// </summary>
internal sealed class PickleMachine
{
    private static readonly object MarkObject = new();

    private readonly byte[] data;
    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];
    private int position;

    private PickleMachine(byte[] data) => this.data = data;

    /// <summary>Runs the pickle program <paramref name="pickle"/> and returns the object it builds.</summary>
    public static object? Run(byte[] pickle) => new PickleMachine(pickle).Execute();

    private object? Execute()
    {
        while (true)
        {
            var opcode = ReadByte();
            switch (opcode)
            {
                case 0x80: ReadByte(); break;                                   // PROTO
                case 0x95: Read(8); break;                                      // FRAME
                case (byte)'.': return Pop();                                   // STOP
                case (byte)'(': marks.Push(stack.Count); break;                 // MARK
                case (byte)'N': Push(null); break;                              // NONE
                case 0x88: Push(true); break;                                   // NEWTRUE
                case 0x89: Push(false); break;                                  // NEWFALSE
                case (byte)'K': Push((long)ReadByte()); break;                  // BININT1
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Read(2))); break;
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Read(4))); break;
                case 0x8a: Push(ReadLong1()); break;                            // LONG1
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Read(8))); break;
                case (byte)'X': Push(ReadText(BinaryPrimitives.ReadInt32LittleEndian(Read(4)))); break;
                case 0x8c: Push(ReadText(ReadByte())); break;                   // SHORT_BINUNICODE
                case (byte)'c': Push(new PickleGlobal(ReadLine(), ReadLine())); break;
                case 0x93: StackGlobal(); break;
                case (byte)')': Push(Array.Empty<object?>()); break;            // EMPTY_TUPLE
                case 0x85: Push(PopTuple(1)); break;                            // TUPLE1
                case 0x86: Push(PopTuple(2)); break;
                case 0x87: Push(PopTuple(3)); break;
                case (byte)'t': Push(PopToMark().ToArray()); break;             // TUPLE
                case (byte)'}': Push(new PickleDict()); break;                  // EMPTY_DICT
                case (byte)']': Push(new List<object?>()); break;               // EMPTY_LIST
                case (byte)'s': SetItems(2); break;                             // SETITEM
                case (byte)'u': SetItems(-1); break;                            // SETITEMS
                case (byte)'a': Append(); break;                                // APPEND
                case (byte)'e': Appends(); break;                               // APPENDS
                case (byte)'q': memo[ReadByte()] = Peek(); break;               // BINPUT
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(Read(4))] = Peek(); break;
                case 0x94: memo[memo.Count] = Peek(); break;                    // MEMOIZE
                case (byte)'h': Push(Recall(ReadByte())); break;                // BINGET
                case (byte)'j': Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Read(4)))); break;
                case (byte)'Q': Push(PersistentLoad(Pop())); break;             // BINPERSID
                case (byte)'R': Reduce(); break;
                case (byte)'b': Build(); break;
                default: throw Unsupported($"pickle opcode 0x{opcode:x2} at byte {position - 1}");
            }
        }
    }

    private void Reduce()
    {
        var args = Pop() as object?[] ?? throw Unsupported("REDUCE without an argument tuple");
        var callable = Pop() as PickleGlobal ?? throw Unsupported("REDUCE of a non-global callable");
        Push(callable.Qualified switch
        {
            "collections.OrderedDict" => new PickleDict(),
            "torch._utils._rebuild_tensor_v2" => RebuildTensor(args),
            "torch._utils._rebuild_parameter" => args[0] as PickledTensor ?? throw Unsupported("a parameter without a tensor"),
            "torch.jit._pickle.restore_type_tag" => args[0],
            _ => throw Unsupported($"the Python callable {callable.Qualified}"),
        });
    }

    private void Build()
    {
        // BUILD sets an object's state; on a state_dict that is its _metadata attribute (module
        // versions), which loading does not need.
        Pop();
        if (Peek() is not PickleDict)
        {
            throw Unsupported($"BUILD on {Peek()?.GetType().Name ?? "None"}");
        }
    }

    private static PickledTensor RebuildTensor(object?[] args)
    {
        if (args.Length < 4 || args[0] is not PickledStorage storage)
        {
            throw Unsupported("a _rebuild_tensor_v2 call without (storage, offset, size, stride)");
        }

        return new PickledTensor(storage, Convert.ToInt64(args[1]), Longs(args[2]), Longs(args[3]));
    }

    private static PickledStorage PersistentLoad(object? id)
    {
        if (id is not object?[] { Length: >= 5 } pid || pid[0] as string != "storage" || pid[1] is not PickleGlobal type || pid[2] is not string key)
        {
            throw Unsupported("a persistent id that is not a tensor storage");
        }

        var dtype = type.Name switch
        {
            "FloatStorage" => DType.Float32,
            "LongStorage" => DType.Int64,
            "BoolStorage" => DType.Bool,
            _ => throw Unsupported($"tensors stored as {type.Name} (Nvf.Torch reads float32, int64 and bool)"),
        };
        return new PickledStorage(key, dtype);
    }

    private void StackGlobal()
    {
        var name = Pop() as string;
        var module = Pop() as string;
        Push(new PickleGlobal(module ?? throw Unsupported("STACK_GLOBAL without a module"), name ?? throw Unsupported("STACK_GLOBAL without a name")));
    }

    private void SetItems(int count)
    {
        var items = count < 0 ? PopToMark() : [Pop(), Pop()];
        if (count > 0)
        {
            items.Reverse();
        }

        var dict = Peek() as PickleDict ?? throw Unsupported("SETITEM on something that is not a dict");
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            dict.Add(new(items[i], items[i + 1]));
        }
    }

    private void Append()
    {
        var item = Pop();
        (Peek() as List<object?> ?? throw Unsupported("APPEND on something that is not a list")).Add(item);
    }

    private void Appends()
    {
        var items = PopToMark();
        (Peek() as List<object?> ?? throw Unsupported("APPENDS on something that is not a list")).AddRange(items);
    }

    private object? Recall(long key) => memo.TryGetValue(key, out var value) ? value : throw Unsupported($"memo key {key} read before it was written");

    private List<object?> PopToMark()
    {
        if (marks.Count == 0)
        {
            throw Unsupported("a mark-terminated opcode without MARK");
        }

        var start = marks.Pop();
        var items = stack.GetRange(start, stack.Count - start);
        stack.RemoveRange(start, stack.Count - start);
        return items;
    }

    private object?[] PopTuple(int count)
    {
        var items = stack.GetRange(stack.Count - count, count).ToArray();
        stack.RemoveRange(stack.Count - count, count);
        return items;
    }

    private void Push(object? value) => stack.Add(value);

    private object? Peek() => stack.Count > 0 ? stack[^1] : throw Unsupported("a pickle that reads from an empty stack");

    private object? Pop()
    {
        var value = Peek();
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private byte ReadByte() => Read(1)[0];

    private ReadOnlySpan<byte> Read(int count)
    {
        if (count < 0 || position + count > data.Length)
        {
            throw Unsupported("a truncated pickle");
        }

        var span = data.AsSpan(position, count);
        position += count;
        return span;
    }

    private string ReadText(int length) => Encoding.UTF8.GetString(Read(length));

    private string ReadLine()
    {
        var end = Array.IndexOf(data, (byte)'\n', position);
        if (end < 0)
        {
            throw Unsupported("a truncated GLOBAL");
        }

        var text = Encoding.UTF8.GetString(data, position, end - position);
        position = end + 1;
        return text;
    }

    private long ReadLong1()
    {
        var bytes = Read(ReadByte());
        if (bytes.Length > 8)
        {
            throw Unsupported("an integer wider than 64 bits");
        }

        long value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        // Two's complement sign extension from the top byte.
        return bytes.Length is > 0 and < 8 && (bytes[^1] & 0x80) != 0 ? value - (1L << (8 * bytes.Length)) : value;
    }

    private static long[] Longs(object? tuple) =>
        tuple is object?[] items ? items.Select(Convert.ToInt64).ToArray() : throw Unsupported("a tensor size or stride that is not a tuple");

    private static NotSupportedException Unsupported(string what) => new($"cannot read this checkpoint: it contains {what}");
}

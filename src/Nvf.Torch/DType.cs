namespace Nvf.Torch;

/// <summary>Element types a <see cref="Tensor"/> can hold. Codes match native/shim.h.</summary>
public enum DType
{
    /// <summary>32-bit float (torch.float32); C# <see cref="float"/>.</summary>
    Float32 = 0,

    /// <summary>64-bit integer (torch.int64), used for class indices and index tensors; C# <see cref="long"/>.</summary>
    Int64 = 1,

    /// <summary>Boolean (torch.bool), produced by comparisons and used as masks; C# <see cref="bool"/>.</summary>
    Bool = 2,
}

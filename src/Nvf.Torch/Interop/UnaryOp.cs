namespace Nvf.Torch.Interop;

/// <summary>Op codes of nvft_unary (native/tensor_ops.cpp); append only.</summary>
internal enum UnaryOp
{
    Neg = 0,
    Exp = 1,
    Log = 2,
    Sqrt = 3,
    Relu = 4,
    Gelu = 5,
    Tanh = 6,
    Sigmoid = 7,
    Abs = 8,
    Clone = 9,
    Detach = 10,
    Contiguous = 11,
    LogicalNot = 12,
    Square = 13,
}

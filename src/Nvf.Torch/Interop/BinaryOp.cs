namespace Nvf.Torch.Interop;

/// <summary>Op codes of nvft_binary (native/tensor_ops.cpp); append only.</summary>
internal enum BinaryOp
{
    Add = 0,
    Sub = 1,
    Mul = 2,
    Div = 3,
    Pow = 4,
    Mm = 5,
    Matmul = 6,
    Bmm = 7,
    Eq = 8,
    Ne = 9,
    Lt = 10,
    Le = 11,
    Gt = 12,
    Ge = 13,
    Maximum = 14,
    Minimum = 15,
    LogicalAnd = 16,
    LogicalOr = 17,
}

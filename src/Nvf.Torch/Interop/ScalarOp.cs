namespace Nvf.Torch.Interop;

/// <summary>Op codes of nvft_scalar (native/tensor_ops.cpp), tensor op scalar; append only.</summary>
internal enum ScalarOp
{
    Add = 0,
    Sub = 1,
    Mul = 2,
    Div = 3,
    Pow = 4,
    Eq = 5,
    Ne = 6,
    Lt = 7,
    Le = 8,
    Gt = 9,
    Ge = 10,
    ReverseSub = 11,
    ReverseDiv = 12,
    ClampMin = 13,
    ClampMax = 14,
}

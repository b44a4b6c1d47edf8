namespace Nvf.Torch.Interop;

/// <summary>Op codes of nvft_reduce (native/tensor_ops.cpp); append only.</summary>
internal enum ReduceOp
{
    Sum = 0,
    Mean = 1,
    Amax = 2,
    Amin = 3,
}

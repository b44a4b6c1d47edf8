using System.Runtime.InteropServices;

namespace Nvf.Torch.Interop;

/// <summary>
/// Every P/Invoke into the libtorch shim (native/*.cpp). Tensor handles are <c>at::Tensor*</c> owned
/// by one managed <see cref="Tensor"/>. Functions returning a handle return 0 on failure, functions
/// returning int return a negative value on failure; the message is then in <see cref="nvft_last_error"/>.
/// Call them through <see cref="NativeResult"/>, which turns failures into <see cref="TorchException"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "nvftorch";

    static NativeMethods() => NativeLibraryLoader.Register(typeof(NativeMethods).Assembly);

    // runtime.cpp
    [LibraryImport(Library)] internal static partial nint nvft_last_error();
    [LibraryImport(Library)] internal static partial nint nvft_torch_version();
    [LibraryImport(Library)] internal static partial nint nvft_show_config();
    [LibraryImport(Library)] internal static partial nint nvft_blas_info();
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint nvft_jit_load(string path);
    [LibraryImport(Library)] internal static partial nint nvft_jit_forward(nint module, nint input);
    [LibraryImport(Library)] internal static partial nint nvft_jit_forward_many(nint module, nint* inputs, int count);
    [LibraryImport(Library)] internal static partial int nvft_jit_forward_arity(nint module);
    [LibraryImport(Library)] internal static partial void nvft_jit_free(nint module);
    [LibraryImport(Library)] internal static partial int nvft_set_num_threads(int count);
    [LibraryImport(Library)] internal static partial int nvft_get_num_threads();
    [LibraryImport(Library)] internal static partial int nvft_set_grad_enabled(int enabled);
    [LibraryImport(Library)] internal static partial int nvft_is_grad_enabled();
    [LibraryImport(Library)] internal static partial int nvft_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial nint nvft_generator_new(ulong seed);
    [LibraryImport(Library)] internal static partial void nvft_generator_free(nint generator);

    // tensor_data.cpp
    [LibraryImport(Library)] internal static partial void nvft_tensor_free(nint t);
    [LibraryImport(Library)] internal static partial nint nvft_from_data(void* data, int dtype, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial int nvft_to_data(nint t, int dtype, void* dst, long count);
    [LibraryImport(Library)] internal static partial int nvft_ndim(nint t);
    [LibraryImport(Library)] internal static partial int nvft_shape(nint t, long* shape, int capacity);
    [LibraryImport(Library)] internal static partial int nvft_dtype(nint t);
    [LibraryImport(Library)] internal static partial int nvft_item(nint t, double* asDouble, long* asLong);
    [LibraryImport(Library)] internal static partial nint nvft_to_dtype(nint t, int dtype);
    [LibraryImport(Library)] internal static partial nint nvft_full(long* shape, int ndim, double value, int dtype);
    [LibraryImport(Library)] internal static partial nint nvft_arange(double start, double end, double step, int dtype);
    [LibraryImport(Library)] internal static partial nint nvft_eye(long n, int dtype);
    [LibraryImport(Library)] internal static partial nint nvft_randn(long* shape, int ndim, nint generator);
    [LibraryImport(Library)] internal static partial nint nvft_rand(long* shape, int ndim, nint generator);
    [LibraryImport(Library)] internal static partial nint nvft_randint(long low, long high, long* shape, int ndim, nint generator);
    [LibraryImport(Library)] internal static partial nint nvft_randperm(long n, nint generator);
    [LibraryImport(Library)] internal static partial int nvft_uniform_(nint t, double low, double high, nint generator);
    [LibraryImport(Library)] internal static partial int nvft_normal_(nint t, double mean, double std, nint generator);
    [LibraryImport(Library)] internal static partial int nvft_fill_(nint t, double value);
    [LibraryImport(Library)] internal static partial int nvft_copy_(nint t, nint source);

    // tensor_ops.cpp
    [LibraryImport(Library)] internal static partial nint nvft_unary(UnaryOp op, nint x);
    [LibraryImport(Library)] internal static partial nint nvft_binary(BinaryOp op, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint nvft_scalar(ScalarOp op, nint a, double value, int isInteger);
    [LibraryImport(Library)] internal static partial nint nvft_reduce(ReduceOp op, nint x, long* dims, int ndims, int keepdim);
    [LibraryImport(Library)] internal static partial nint nvft_argmax(nint x, long dim, int keepdim);
    [LibraryImport(Library)] internal static partial int nvft_topk(nint x, long k, long dim, int largest, nint* values, nint* indices);
    [LibraryImport(Library)] internal static partial nint nvft_reshape(nint x, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial nint nvft_expand(nint x, long* shape, int ndim);
    [LibraryImport(Library)] internal static partial nint nvft_permute(nint x, long* dims, int ndim);
    [LibraryImport(Library)] internal static partial nint nvft_unsqueeze(nint x, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_squeeze(nint x, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_transpose(nint x, long dim0, long dim1);
    [LibraryImport(Library)] internal static partial nint nvft_narrow(nint x, long dim, long start, long length);
    [LibraryImport(Library)] internal static partial nint nvft_index_select(nint x, long dim, nint index);
    [LibraryImport(Library)] internal static partial nint nvft_gather(nint x, long dim, nint index);
    [LibraryImport(Library)] internal static partial nint nvft_masked_fill(nint x, nint mask, double value);
    [LibraryImport(Library)] internal static partial nint nvft_where(nint condition, nint a, nint b);
    [LibraryImport(Library)] internal static partial nint nvft_cat(nint* list, int count, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_stack(nint* list, int count, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_strided_copy(nint x, long* size, long* stride, int ndim, long offset);

    // nn_ops.cpp
    [LibraryImport(Library)] internal static partial nint nvft_softmax(nint x, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_log_softmax(nint x, long dim);
    [LibraryImport(Library)] internal static partial nint nvft_cross_entropy(nint logits, nint target, int reduction, double labelSmoothing);
    [LibraryImport(Library)] internal static partial nint nvft_normalize(nint x, double p, long dim, double eps);
    [LibraryImport(Library)] internal static partial nint nvft_layer_norm(nint x, long* shape, int ndim, nint weight, nint bias, double eps);
    [LibraryImport(Library)] internal static partial nint nvft_dropout(nint x, double p, int train);
    [LibraryImport(Library)] internal static partial nint nvft_linear(nint x, nint weight, nint bias);

    // autograd.cpp
    [LibraryImport(Library)] internal static partial int nvft_requires_grad(nint t);
    [LibraryImport(Library)] internal static partial int nvft_set_requires_grad(nint t, int value);
    [LibraryImport(Library)] internal static partial int nvft_is_leaf(nint t);
    [LibraryImport(Library)] internal static partial int nvft_backward(nint t, nint gradient, int retainGraph);
    [LibraryImport(Library)] internal static partial int nvft_grad(nint t, nint* grad);
    [LibraryImport(Library)] internal static partial int nvft_clear_grad(nint t);

    // optim.cpp
    [LibraryImport(Library)]
    internal static partial nint nvft_adam_new(nint* parameters, int count, double lr, double beta1, double beta2, double eps, double weightDecay, int amsgrad, int decoupled);
    [LibraryImport(Library)] internal static partial void nvft_optimizer_free(nint optimizer);
    [LibraryImport(Library)] internal static partial int nvft_optimizer_step(nint optimizer);
    [LibraryImport(Library)] internal static partial int nvft_optimizer_zero_grad(nint optimizer);
    [LibraryImport(Library)] internal static partial int nvft_optimizer_set_lr(nint optimizer, double lr);

    // libc: environment seen by native code (Environment.SetEnvironmentVariable only changes .NET's copy).
    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);

    // serialize.cpp
    [LibraryImport(Library)] internal static partial int nvft_state_save(byte* path, byte* names, nint* values, int count);
}

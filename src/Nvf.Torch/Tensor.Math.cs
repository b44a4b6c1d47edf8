using Nvf.Torch.Interop;

namespace Nvf.Torch;

/// <summary>Element-wise arithmetic, comparisons, activations and matrix products (broadcasting as in PyTorch).</summary>
public sealed partial class Tensor
{
    /// <summary>Element-wise sum (broadcasting).</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Binary(BinaryOp.Add, a, b);

    /// <summary>Element-wise difference (broadcasting).</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Binary(BinaryOp.Sub, a, b);

    /// <summary>Element-wise product (broadcasting); use <see cref="MatMul"/> for matrix products.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Binary(BinaryOp.Mul, a, b);

    /// <summary>Element-wise true division (broadcasting).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Binary(BinaryOp.Div, a, b);

    /// <summary>Adds a float scalar.</summary>
    public static Tensor operator +(Tensor a, double s) => WithScalar(ScalarOp.Add, a, s, false);

    /// <summary>Adds an integer scalar (keeps int64 tensors int64).</summary>
    public static Tensor operator +(Tensor a, long s) => WithScalar(ScalarOp.Add, a, s, true);

    /// <summary>Adds a float scalar.</summary>
    public static Tensor operator +(double s, Tensor a) => WithScalar(ScalarOp.Add, a, s, false);

    /// <summary>Subtracts a float scalar.</summary>
    public static Tensor operator -(Tensor a, double s) => WithScalar(ScalarOp.Sub, a, s, false);

    /// <summary>Subtracts an integer scalar (keeps int64 tensors int64).</summary>
    public static Tensor operator -(Tensor a, long s) => WithScalar(ScalarOp.Sub, a, s, true);

    /// <summary>Scalar minus tensor.</summary>
    public static Tensor operator -(double s, Tensor a) => WithScalar(ScalarOp.ReverseSub, a, s, false);

    /// <summary>Multiplies by a float scalar.</summary>
    public static Tensor operator *(Tensor a, double s) => WithScalar(ScalarOp.Mul, a, s, false);

    /// <summary>Multiplies by an integer scalar (keeps int64 tensors int64).</summary>
    public static Tensor operator *(Tensor a, long s) => WithScalar(ScalarOp.Mul, a, s, true);

    /// <summary>Multiplies by a float scalar.</summary>
    public static Tensor operator *(double s, Tensor a) => WithScalar(ScalarOp.Mul, a, s, false);

    /// <summary>Divides by a float scalar.</summary>
    public static Tensor operator /(Tensor a, double s) => WithScalar(ScalarOp.Div, a, s, false);

    /// <summary>Scalar divided by tensor.</summary>
    public static Tensor operator /(double s, Tensor a) => WithScalar(ScalarOp.ReverseDiv, a, s, false);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Unary(UnaryOp.Neg, a);

    /// <summary>Matrix product (N, K) x (K, M) → (N, M).</summary>
    public Tensor Mm(Tensor other) => Binary(BinaryOp.Mm, this, other);

    /// <summary>torch.matmul: matrix product with batching and broadcasting over leading dims.</summary>
    public Tensor MatMul(Tensor other) => Binary(BinaryOp.Matmul, this, other);

    /// <summary>Batched matrix product (B, N, K) x (B, K, M) → (B, N, M).</summary>
    public Tensor Bmm(Tensor other) => Binary(BinaryOp.Bmm, this, other);

    /// <summary>Element-wise power with tensor exponents.</summary>
    public Tensor Pow(Tensor exponent) => Binary(BinaryOp.Pow, this, exponent);

    /// <summary>Element-wise power.</summary>
    public Tensor Pow(double exponent) => WithScalar(ScalarOp.Pow, this, exponent, false);

    /// <summary>Element-wise maximum of two tensors (broadcasting).</summary>
    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, this, other);

    /// <summary>Element-wise minimum of two tensors (broadcasting).</summary>
    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, this, other);

    /// <summary>max(x, <paramref name="min"/>) element-wise.</summary>
    public Tensor ClampMin(double min) => WithScalar(ScalarOp.ClampMin, this, min, false);

    /// <summary>min(x, <paramref name="max"/>) element-wise.</summary>
    public Tensor ClampMax(double max) => WithScalar(ScalarOp.ClampMax, this, max, false);

    /// <summary>e^x.</summary>
    public Tensor Exp() => Unary(UnaryOp.Exp, this);

    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Unary(UnaryOp.Log, this);

    /// <summary>Square root.</summary>
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt, this);

    /// <summary>x².</summary>
    public Tensor Square() => Unary(UnaryOp.Square, this);

    /// <summary>|x|.</summary>
    public Tensor Abs() => Unary(UnaryOp.Abs, this);

    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => Unary(UnaryOp.Relu, this);

    /// <summary>GELU with the exact erf form (PyTorch's default, approximate='none').</summary>
    public Tensor Gelu() => Unary(UnaryOp.Gelu, this);

    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Unary(UnaryOp.Tanh, this);

    /// <summary>Logistic sigmoid.</summary>
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid, this);

    /// <summary>Element-wise equality; returns a bool tensor.</summary>
    public Tensor Eq(Tensor other) => Binary(BinaryOp.Eq, this, other);

    /// <summary>Element-wise equality with a scalar; returns a bool tensor.</summary>
    public Tensor Eq(double value) => WithScalar(ScalarOp.Eq, this, value, false);

    /// <summary>Element-wise inequality; returns a bool tensor.</summary>
    public Tensor Ne(Tensor other) => Binary(BinaryOp.Ne, this, other);

    /// <summary>Element-wise inequality with a scalar; returns a bool tensor.</summary>
    public Tensor Ne(double value) => WithScalar(ScalarOp.Ne, this, value, false);

    /// <summary>Element-wise x &lt; other; returns a bool tensor.</summary>
    public Tensor Lt(Tensor other) => Binary(BinaryOp.Lt, this, other);

    /// <summary>Element-wise x &lt; value; returns a bool tensor.</summary>
    public Tensor Lt(double value) => WithScalar(ScalarOp.Lt, this, value, false);

    /// <summary>Element-wise x &lt;= other; returns a bool tensor.</summary>
    public Tensor Le(Tensor other) => Binary(BinaryOp.Le, this, other);

    /// <summary>Element-wise x &lt;= value; returns a bool tensor.</summary>
    public Tensor Le(double value) => WithScalar(ScalarOp.Le, this, value, false);

    /// <summary>Element-wise x &gt; other; returns a bool tensor.</summary>
    public Tensor Gt(Tensor other) => Binary(BinaryOp.Gt, this, other);

    /// <summary>Element-wise x &gt; value; returns a bool tensor.</summary>
    public Tensor Gt(double value) => WithScalar(ScalarOp.Gt, this, value, false);

    /// <summary>Element-wise x &gt;= other; returns a bool tensor.</summary>
    public Tensor Ge(Tensor other) => Binary(BinaryOp.Ge, this, other);

    /// <summary>Element-wise x &gt;= value; returns a bool tensor.</summary>
    public Tensor Ge(double value) => WithScalar(ScalarOp.Ge, this, value, false);

    /// <summary>Logical not of a bool tensor.</summary>
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot, this);

    /// <summary>Logical and of bool tensors.</summary>
    public Tensor LogicalAnd(Tensor other) => Binary(BinaryOp.LogicalAnd, this, other);

    /// <summary>Logical or of bool tensors.</summary>
    public Tensor LogicalOr(Tensor other) => Binary(BinaryOp.LogicalOr, this, other);

    /// <summary>A copy with its own storage; gradients flow through it.</summary>
    public Tensor Clone() => Unary(UnaryOp.Clone, this);

    /// <summary>A view of the same data cut out of the autograd graph.</summary>
    public Tensor Detach() => Unary(UnaryOp.Detach, this);

    /// <summary>This tensor's data laid out row-major (a copy only when it is not already).</summary>
    public Tensor Contiguous() => Unary(UnaryOp.Contiguous, this);

    private static Tensor Unary(UnaryOp op, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return NativeResult.Tensor(NativeMethods.nvft_unary(op, x.Handle));
    }

    private static Tensor Binary(BinaryOp op, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return NativeResult.Tensor(NativeMethods.nvft_binary(op, a.Handle, b.Handle));
    }

    private static Tensor WithScalar(ScalarOp op, Tensor a, double value, bool isInteger)
    {
        ArgumentNullException.ThrowIfNull(a);
        return NativeResult.Tensor(NativeMethods.nvft_scalar(op, a.Handle, value, isInteger ? 1 : 0));
    }
}

// Element-wise, matrix, reduction, shape and indexing operations. Op codes are shared with C#
// (Interop/UnaryOp.cs, BinaryOp.cs, ScalarOp.cs, ReduceOp.cs): append only, never renumber.
#include "shim.h"

namespace {
at::Tensor unary(int32_t op, const at::Tensor& x) {
  switch (op) {
    case 0: return at::neg(x);
    case 1: return at::exp(x);
    case 2: return at::log(x);
    case 3: return at::sqrt(x);
    case 4: return at::relu(x);
    case 5: return at::gelu(x);
    case 6: return at::tanh(x);
    case 7: return at::sigmoid(x);
    case 8: return at::abs(x);
    case 9: return x.clone();
    case 10: return x.detach();
    case 11: return x.contiguous();
    case 12: return at::logical_not(x);
    case 13: return at::square(x);
    default: throw std::invalid_argument("unknown unary op code " + std::to_string(op));
  }
}

at::Tensor binary(int32_t op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case 0: return at::add(a, b);
    case 1: return at::sub(a, b);
    case 2: return at::mul(a, b);
    case 3: return at::div(a, b);
    case 4: return at::pow(a, b);
    case 5: return at::mm(a, b);
    case 6: return at::matmul(a, b);
    case 7: return at::bmm(a, b);
    case 8: return at::eq(a, b);
    case 9: return at::ne(a, b);
    case 10: return at::lt(a, b);
    case 11: return at::le(a, b);
    case 12: return at::gt(a, b);
    case 13: return at::ge(a, b);
    case 14: return at::maximum(a, b);
    case 15: return at::minimum(a, b);
    case 16: return at::logical_and(a, b);
    case 17: return at::logical_or(a, b);
    default: throw std::invalid_argument("unknown binary op code " + std::to_string(op));
  }
}

at::Tensor with_scalar(int32_t op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case 0: return at::add(a, s);
    case 1: return at::sub(a, s);
    case 2: return at::mul(a, s);
    case 3: return at::div(a, s);
    case 4: return at::pow(a, s);
    case 5: return at::eq(a, s);
    case 6: return at::ne(a, s);
    case 7: return at::lt(a, s);
    case 8: return at::le(a, s);
    case 9: return at::gt(a, s);
    case 10: return at::ge(a, s);
    case 11: return at::rsub(a, s);                              // s - a
    case 12: return at::mul(at::reciprocal(a), s);               // s / a
    case 13: return at::clamp_min(a, s);
    case 14: return at::clamp_max(a, s);
    default: throw std::invalid_argument("unknown scalar op code " + std::to_string(op));
  }
}
}  // namespace

NVFT_EXPORT nvft::Handle nvft_unary(int32_t op, nvft::Handle x) {
  return nvft::guarded_tensor([&] { return unary(op, nvft::ref(x)); });
}

NVFT_EXPORT nvft::Handle nvft_binary(int32_t op, nvft::Handle a, nvft::Handle b) {
  return nvft::guarded_tensor([&] { return binary(op, nvft::ref(a), nvft::ref(b)); });
}

NVFT_EXPORT nvft::Handle nvft_scalar(int32_t op, nvft::Handle a, double value, int32_t is_integer) {
  return nvft::guarded_tensor([&] { return with_scalar(op, nvft::ref(a), nvft::scalar(value, is_integer)); });
}

// op 0 sum, 1 mean, 2 amax, 3 amin over dims (all dims when ndims == 0).
NVFT_EXPORT nvft::Handle nvft_reduce(int32_t op, nvft::Handle x, const int64_t* dims, int32_t ndims, int32_t keepdim) {
  return nvft::guarded_tensor([&] {
    const auto& t = nvft::ref(x);
    const auto over = nvft::dims(dims, ndims);
    const bool keep = keepdim != 0;
    switch (op) {
      case 0: return ndims == 0 ? at::sum(t) : at::sum(t, over, keep);
      case 1: return ndims == 0 ? at::mean(t) : at::mean(t, over, keep);
      case 2: return at::amax(t, over, keep);
      case 3: return at::amin(t, over, keep);
      default: throw std::invalid_argument("unknown reduce op code " + std::to_string(op));
    }
  });
}

NVFT_EXPORT nvft::Handle nvft_argmax(nvft::Handle x, int64_t dim, int32_t keepdim) {
  return nvft::guarded_tensor([&] { return at::argmax(nvft::ref(x), dim, keepdim != 0); });
}

// Largest (or smallest) k along dim: values into *values, int64 indices into *indices.
NVFT_EXPORT int32_t nvft_topk(nvft::Handle x, int64_t k, int64_t dim, int32_t largest, nvft::Handle* values, nvft::Handle* indices) {
  return nvft::guarded_status([&] {
    auto [v, i] = at::topk(nvft::ref(x), k, dim, largest != 0, true);
    *values = new at::Tensor(std::move(v));
    *indices = new at::Tensor(std::move(i));
  });
}

NVFT_EXPORT nvft::Handle nvft_reshape(nvft::Handle x, const int64_t* shape, int32_t ndim) {
  return nvft::guarded_tensor([&] { return at::reshape(nvft::ref(x), nvft::dims(shape, ndim)); });
}

NVFT_EXPORT nvft::Handle nvft_expand(nvft::Handle x, const int64_t* shape, int32_t ndim) {
  return nvft::guarded_tensor([&] { return nvft::ref(x).expand(nvft::dims(shape, ndim)); });
}

NVFT_EXPORT nvft::Handle nvft_permute(nvft::Handle x, const int64_t* dims, int32_t ndim) {
  return nvft::guarded_tensor([&] { return nvft::ref(x).permute(nvft::dims(dims, ndim)); });
}

NVFT_EXPORT nvft::Handle nvft_unsqueeze(nvft::Handle x, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::unsqueeze(nvft::ref(x), dim); });
}

NVFT_EXPORT nvft::Handle nvft_squeeze(nvft::Handle x, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::squeeze(nvft::ref(x), dim); });
}

NVFT_EXPORT nvft::Handle nvft_transpose(nvft::Handle x, int64_t dim0, int64_t dim1) {
  return nvft::guarded_tensor([&] { return at::transpose(nvft::ref(x), dim0, dim1); });
}

NVFT_EXPORT nvft::Handle nvft_narrow(nvft::Handle x, int64_t dim, int64_t start, int64_t length) {
  return nvft::guarded_tensor([&] { return at::narrow(nvft::ref(x), dim, start, length); });
}

NVFT_EXPORT nvft::Handle nvft_index_select(nvft::Handle x, int64_t dim, nvft::Handle index) {
  return nvft::guarded_tensor([&] { return at::index_select(nvft::ref(x), dim, nvft::ref(index)); });
}

NVFT_EXPORT nvft::Handle nvft_gather(nvft::Handle x, int64_t dim, nvft::Handle index) {
  return nvft::guarded_tensor([&] { return at::gather(nvft::ref(x), dim, nvft::ref(index)); });
}

NVFT_EXPORT nvft::Handle nvft_masked_fill(nvft::Handle x, nvft::Handle mask, double value) {
  return nvft::guarded_tensor([&] { return at::masked_fill(nvft::ref(x), nvft::ref(mask), value); });
}

NVFT_EXPORT nvft::Handle nvft_where(nvft::Handle condition, nvft::Handle a, nvft::Handle b) {
  return nvft::guarded_tensor([&] { return at::where(nvft::ref(condition), nvft::ref(a), nvft::ref(b)); });
}

NVFT_EXPORT nvft::Handle nvft_cat(const nvft::Handle* list, int32_t count, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::cat(nvft::tensors(list, count), dim); });
}

NVFT_EXPORT nvft::Handle nvft_stack(const nvft::Handle* list, int32_t count, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::stack(nvft::tensors(list, count), dim); });
}

// A contiguous copy of the view (size, stride, offset in elements) into x's storage: rebuilding
// a tensor that torch.save stored as a view.
NVFT_EXPORT nvft::Handle nvft_strided_copy(nvft::Handle x, const int64_t* size, const int64_t* stride, int32_t ndim, int64_t offset) {
  return nvft::guarded_tensor([&] {
    const auto& t = nvft::ref(x);
    const auto sizes = nvft::dims(size, ndim);
    const auto strides = nvft::dims(stride, ndim);
    int64_t last = offset;
    for (int32_t i = 0; i < ndim; ++i) {
      TORCH_CHECK(sizes[i] >= 0 && strides[i] >= 0, "negative size or stride in a stored tensor");
      if (sizes[i] > 0) last += (sizes[i] - 1) * strides[i];
    }
    TORCH_CHECK(offset >= 0 && (t.numel() == 0 || last < t.numel()), "stored tensor view reaches past its storage of ", t.numel(), " elements");
    return at::as_strided(t, sizes, strides, offset).clone(at::MemoryFormat::Contiguous);
  });
}

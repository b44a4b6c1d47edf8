// Tensor lifetime, data in and out, metadata, factories and seeded random numbers.
#include "shim.h"

#include <cstring>

namespace {
at::TensorOptions options(int32_t dtype) { return at::TensorOptions().dtype(nvft::to_scalar_type(dtype)); }

c10::optional<at::Generator> generator(at::Generator* g) {
  return g == nullptr ? c10::nullopt : c10::optional<at::Generator>(*g);
}
}  // namespace

NVFT_EXPORT void nvft_tensor_free(nvft::Handle t) { delete t; }

// Copies count elements of dtype from data (row-major) into a new tensor of the given shape.
NVFT_EXPORT nvft::Handle nvft_from_data(const void* data, int32_t dtype, const int64_t* shape, int32_t ndim) {
  return nvft::guarded_tensor([&] {
    auto size = nvft::dims(shape, ndim);
    auto result = at::empty(size, options(dtype));
    const auto bytes = static_cast<size_t>(result.numel()) * result.element_size();
    if (bytes > 0) {
      if (data == nullptr) throw std::invalid_argument("null data pointer for a non-empty tensor");
      std::memcpy(result.data_ptr(), data, bytes);
    }
    return result;
  });
}

// Copies the tensor's elements (row-major) into dst, which holds count elements of dtype.
NVFT_EXPORT int32_t nvft_to_data(nvft::Handle t, int32_t dtype, void* dst, int64_t count) {
  return nvft::guarded_status([&] {
    const auto& x = nvft::ref(t);
    const auto wanted = nvft::to_scalar_type(dtype);
    TORCH_CHECK(x.scalar_type() == wanted, "cannot copy a ", x.scalar_type(), " tensor into a ", wanted, " array");
    TORCH_CHECK(x.numel() == count, "tensor has ", x.numel(), " elements but the destination holds ", count);
    if (count == 0) return;
    const auto dense = x.detach().contiguous();
    std::memcpy(dst, dense.data_ptr(), static_cast<size_t>(count) * dense.element_size());
  });
}

NVFT_EXPORT int32_t nvft_ndim(nvft::Handle t) {
  return nvft::guarded<int32_t>(-1, [&] { return static_cast<int32_t>(nvft::ref(t).dim()); });
}

NVFT_EXPORT int32_t nvft_shape(nvft::Handle t, int64_t* out, int32_t capacity) {
  return nvft::guarded_status([&] {
    const auto sizes = nvft::ref(t).sizes();
    TORCH_CHECK(static_cast<int32_t>(sizes.size()) <= capacity, "shape buffer too small");
    for (size_t i = 0; i < sizes.size(); ++i) out[i] = sizes[i];
  });
}

NVFT_EXPORT int32_t nvft_dtype(nvft::Handle t) {
  return nvft::guarded<int32_t>(-1, [&] {
    const auto type = nvft::ref(t).scalar_type();
    const auto code = nvft::from_scalar_type(type);
    TORCH_CHECK(code >= 0, "tensor has dtype ", type, ", which Nvf.Torch does not expose");
    return code;
  });
}

// The value of a one-element tensor as double (float32 and bool) or as int64 in *as_long.
NVFT_EXPORT int32_t nvft_item(nvft::Handle t, double* as_double, int64_t* as_long) {
  return nvft::guarded_status([&] {
    const auto value = nvft::ref(t).item();
    *as_double = value.toDouble();
    *as_long = value.isFloatingPoint() ? static_cast<int64_t>(value.toDouble()) : value.toLong();
  });
}

NVFT_EXPORT nvft::Handle nvft_to_dtype(nvft::Handle t, int32_t dtype) {
  return nvft::guarded_tensor([&] { return nvft::ref(t).to(nvft::to_scalar_type(dtype)); });
}

NVFT_EXPORT nvft::Handle nvft_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype) {
  return nvft::guarded_tensor([&] { return at::full(nvft::dims(shape, ndim), value, options(dtype)); });
}

NVFT_EXPORT nvft::Handle nvft_arange(double start, double end, double step, int32_t dtype) {
  return nvft::guarded_tensor([&] { return at::arange(start, end, step, options(dtype)); });
}

NVFT_EXPORT nvft::Handle nvft_eye(int64_t n, int32_t dtype) {
  return nvft::guarded_tensor([&] { return at::eye(n, options(dtype)); });
}

NVFT_EXPORT nvft::Handle nvft_randn(const int64_t* shape, int32_t ndim, at::Generator* g) {
  return nvft::guarded_tensor([&] { return at::randn(nvft::dims(shape, ndim), generator(g), options(0)); });
}

NVFT_EXPORT nvft::Handle nvft_rand(const int64_t* shape, int32_t ndim, at::Generator* g) {
  return nvft::guarded_tensor([&] { return at::rand(nvft::dims(shape, ndim), generator(g), options(0)); });
}

NVFT_EXPORT nvft::Handle nvft_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, at::Generator* g) {
  return nvft::guarded_tensor([&] { return at::randint(low, high, nvft::dims(shape, ndim), generator(g), options(1)); });
}

NVFT_EXPORT nvft::Handle nvft_randperm(int64_t n, at::Generator* g) {
  return nvft::guarded_tensor([&] { return at::randperm(n, generator(g), options(1)); });
}

// In place, without recording autograd history (used to initialise parameters).
NVFT_EXPORT int32_t nvft_uniform_(nvft::Handle t, double low, double high, at::Generator* g) {
  return nvft::guarded_status([&] {
    at::NoGradGuard no_grad;
    nvft::ref(t).uniform_(low, high, generator(g));
  });
}

NVFT_EXPORT int32_t nvft_normal_(nvft::Handle t, double mean, double std, at::Generator* g) {
  return nvft::guarded_status([&] {
    at::NoGradGuard no_grad;
    nvft::ref(t).normal_(mean, std, generator(g));
  });
}

NVFT_EXPORT int32_t nvft_fill_(nvft::Handle t, double value) {
  return nvft::guarded_status([&] {
    at::NoGradGuard no_grad;
    nvft::ref(t).fill_(value);
  });
}

// Copies source's values into t (same shape), without autograd history: loading a state dict.
NVFT_EXPORT int32_t nvft_copy_(nvft::Handle t, nvft::Handle source) {
  return nvft::guarded_status([&] {
    at::NoGradGuard no_grad;
    auto& dst = nvft::ref(t);
    const auto& src = nvft::ref(source);
    TORCH_CHECK(dst.sizes() == src.sizes(), "copy_: shape ", src.sizes(), " does not match destination shape ", dst.sizes());
    dst.copy_(src);
  });
}

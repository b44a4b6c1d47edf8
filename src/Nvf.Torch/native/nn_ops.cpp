// Neural-network functions: activations with a dim, losses, normalisations, dropout, linear.
#include "shim.h"

NVFT_EXPORT nvft::Handle nvft_softmax(nvft::Handle x, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::softmax(nvft::ref(x), dim); });
}

NVFT_EXPORT nvft::Handle nvft_log_softmax(nvft::Handle x, int64_t dim) {
  return nvft::guarded_tensor([&] { return at::log_softmax(nvft::ref(x), dim); });
}

// F.cross_entropy(logits (N, C), target (N) int64 class indices); reduction 0 none, 1 mean, 2 sum.
NVFT_EXPORT nvft::Handle nvft_cross_entropy(nvft::Handle logits, nvft::Handle target, int32_t reduction, double label_smoothing) {
  return nvft::guarded_tensor([&] {
    TORCH_CHECK(reduction >= 0 && reduction <= 2, "unknown reduction code ", reduction);
    return at::cross_entropy_loss(nvft::ref(logits), nvft::ref(target), {}, reduction, -100, label_smoothing);
  });
}

// F.normalize: x / max(||x||_p along dim, eps).
NVFT_EXPORT nvft::Handle nvft_normalize(nvft::Handle x, double p, int64_t dim, double eps) {
  return nvft::guarded_tensor([&] {
    const auto& t = nvft::ref(x);
    auto norm = t.norm(p, dim, true).clamp_min(eps).expand_as(t);
    return t / norm;
  });
}

// F.layer_norm over the last ndim dims; weight and bias may be null.
NVFT_EXPORT nvft::Handle nvft_layer_norm(nvft::Handle x, const int64_t* shape, int32_t ndim, nvft::Handle weight, nvft::Handle bias, double eps) {
  return nvft::guarded_tensor([&] {
    c10::optional<at::Tensor> w = weight == nullptr ? c10::nullopt : c10::optional<at::Tensor>(*weight);
    c10::optional<at::Tensor> b = bias == nullptr ? c10::nullopt : c10::optional<at::Tensor>(*bias);
    return at::layer_norm(nvft::ref(x), nvft::dims(shape, ndim), w, b, eps);
  });
}

// Uses torch's default generator, as F.dropout does.
NVFT_EXPORT nvft::Handle nvft_dropout(nvft::Handle x, double p, int32_t train) {
  return nvft::guarded_tensor([&] {
    TORCH_CHECK(p >= 0.0 && p <= 1.0, "dropout probability has to be between 0 and 1, but got ", p);
    return at::dropout(nvft::ref(x), p, train != 0);
  });
}

// F.linear: x W^T + b with W (out, in); bias may be null.
NVFT_EXPORT nvft::Handle nvft_linear(nvft::Handle x, nvft::Handle weight, nvft::Handle bias) {
  return nvft::guarded_tensor([&] {
    c10::optional<at::Tensor> b = bias == nullptr ? c10::nullopt : c10::optional<at::Tensor>(*bias);
    return at::linear(nvft::ref(x), nvft::ref(weight), b);
  });
}

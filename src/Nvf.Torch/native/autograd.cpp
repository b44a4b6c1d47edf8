// Autograd: requires_grad, backward, grad access.
#include "shim.h"

#include <torch/csrc/autograd/autograd.h>

NVFT_EXPORT int32_t nvft_requires_grad(nvft::Handle t) {
  return nvft::guarded<int32_t>(-1, [&] { return nvft::ref(t).requires_grad() ? 1 : 0; });
}

NVFT_EXPORT int32_t nvft_set_requires_grad(nvft::Handle t, int32_t value) {
  return nvft::guarded_status([&] { nvft::ref(t).set_requires_grad(value != 0); });
}

NVFT_EXPORT int32_t nvft_is_leaf(nvft::Handle t) {
  return nvft::guarded<int32_t>(-1, [&] { return nvft::ref(t).is_leaf() ? 1 : 0; });
}

// Accumulates d(t)/d(leaf) into every leaf's grad; gradient may be null when t has one element.
NVFT_EXPORT int32_t nvft_backward(nvft::Handle t, nvft::Handle gradient, int32_t retain_graph) {
  return nvft::guarded_status([&] {
    const auto& root = nvft::ref(t);
    at::Tensor seed = gradient == nullptr ? at::Tensor() : *gradient;
    torch::autograd::backward({root}, {seed}, c10::optional<bool>(retain_graph != 0), false);
  });
}

// *grad receives a new handle sharing the gradient's storage, or nullptr when there is none yet.
NVFT_EXPORT int32_t nvft_grad(nvft::Handle t, nvft::Handle* grad) {
  return nvft::guarded_status([&] {
    const auto& g = nvft::ref(t).grad();
    *grad = g.defined() ? new at::Tensor(g) : nullptr;
  });
}

// Resets the gradient to undefined (PyTorch's zero_grad(set_to_none=True)).
NVFT_EXPORT int32_t nvft_clear_grad(nvft::Handle t) {
  return nvft::guarded_status([&] { nvft::ref(t).mutable_grad().reset(); });
}

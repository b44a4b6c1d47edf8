// Adam and AdamW from libtorch's torch::optim, which follow PyTorch's update rules and defaults.
#include "shim.h"

#include <torch/optim/adam.h>
#include <torch/optim/adamw.h>

#include <memory>

NVFT_EXPORT torch::optim::Optimizer* nvft_adam_new(const nvft::Handle* params, int32_t count, double lr, double beta1, double beta2,
                                                   double eps, double weight_decay, int32_t amsgrad, int32_t decoupled) {
  return nvft::guarded<torch::optim::Optimizer*>(nullptr, [&]() -> torch::optim::Optimizer* {
    auto list = nvft::tensors(params, count);
    TORCH_CHECK(!list.empty(), "optimizer got an empty parameter list");
    if (decoupled != 0) {
      auto o = torch::optim::AdamWOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0);
      return new torch::optim::AdamW(list, o);
    }
    auto o = torch::optim::AdamOptions(lr).betas({beta1, beta2}).eps(eps).weight_decay(weight_decay).amsgrad(amsgrad != 0);
    return new torch::optim::Adam(list, o);
  });
}

NVFT_EXPORT void nvft_optimizer_free(torch::optim::Optimizer* o) { delete o; }

NVFT_EXPORT int32_t nvft_optimizer_step(torch::optim::Optimizer* o) {
  return nvft::guarded_status([&] {
    TORCH_CHECK(o != nullptr, "null optimizer handle");
    o->step();
  });
}

// Zeroes every parameter's gradient in place (PyTorch 1.13's zero_grad(set_to_none=False)).
NVFT_EXPORT int32_t nvft_optimizer_zero_grad(torch::optim::Optimizer* o) {
  return nvft::guarded_status([&] {
    TORCH_CHECK(o != nullptr, "null optimizer handle");
    o->zero_grad();
  });
}

NVFT_EXPORT int32_t nvft_optimizer_set_lr(torch::optim::Optimizer* o, double lr) {
  return nvft::guarded_status([&] {
    TORCH_CHECK(o != nullptr, "null optimizer handle");
    for (auto& group : o->param_groups()) group.options().set_lr(lr);
  });
}

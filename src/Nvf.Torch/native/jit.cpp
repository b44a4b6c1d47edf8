// TorchScript modules written by torch.jit.save: load, count forward's inputs, forward tensors, free. libtorch 1.13 reads files written
// by PyTorch up to its own version; a newer file fails to load, and the message says so.
#include "shim.h"

#include <torch/script.h>

namespace {
torch::jit::script::Module& module_ref(void* module) {
  if (module == nullptr) throw std::invalid_argument("null TorchScript module handle passed to the libtorch shim");
  return *static_cast<torch::jit::script::Module*>(module);
}
}  // namespace

NVFT_EXPORT void* nvft_jit_load(const char* path) {
  return nvft::guarded<void*>(nullptr, [&]() -> void* {
    if (path == nullptr) throw std::invalid_argument("null path");
    auto* module = new torch::jit::script::Module(torch::jit::load(path, at::kCPU));
    module->eval();
    return module;
  });
}

// forward(input) of a module whose forward takes one tensor and returns one tensor; no autograd.
NVFT_EXPORT nvft::Handle nvft_jit_forward(void* module, nvft::Handle input) {
  return nvft::guarded_tensor([&] {
    at::NoGradGuard no_grad;
    auto result = module_ref(module).forward({nvft::ref(input)});
    if (!result.isTensor()) throw std::invalid_argument("forward returned " + result.tagKind() + "; expected one tensor");
    return result.toTensor().contiguous();
  });
}

// forward(inputs...) of a module whose forward takes `count` tensors and returns one tensor; no autograd.
NVFT_EXPORT nvft::Handle nvft_jit_forward_many(void* module, const nvft::Handle* inputs, int32_t count) {
  return nvft::guarded_tensor([&] {
    at::NoGradGuard no_grad;
    std::vector<c10::IValue> values;
    for (auto& t : nvft::tensors(inputs, count)) values.emplace_back(t);
    auto result = module_ref(module).forward(values);
    if (!result.isTensor()) throw std::invalid_argument("forward returned " + result.tagKind() + "; expected one tensor");
    return result.toTensor().contiguous();
  });
}

// How many arguments forward takes besides self, or -1 (message in nvft_last_error).
NVFT_EXPORT int32_t nvft_jit_forward_arity(void* module) {
  return nvft::guarded<int32_t>(-1, [&]() -> int32_t {
    auto method = module_ref(module).get_method("forward");
    return static_cast<int32_t>(method.function().getSchema().arguments().size()) - 1;
  });
}

NVFT_EXPORT void nvft_jit_free(void* module) { delete static_cast<torch::jit::script::Module*>(module); }

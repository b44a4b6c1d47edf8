// State dicts (name -> tensor) in PyTorch's zip/pickle format, readable by Python's torch.load and
// reading what Python's torch.save writes.
#include "shim.h"

#include <ATen/core/Dict.h>
#include <torch/serialize.h>

#include <fstream>
#include <iterator>

namespace {
struct StateDict {
  std::vector<std::string> names;
  std::vector<at::Tensor> values;
};
}  // namespace

// names: count NUL-terminated UTF-8 strings laid end to end.
NVFT_EXPORT int32_t nvft_state_save(const char* path, const char* names, const nvft::Handle* values, int32_t count) {
  return nvft::guarded_status([&] {
    auto list = nvft::tensors(values, count);
    c10::Dict<std::string, at::Tensor> dict;
    const char* name = names;
    for (int32_t i = 0; i < count; ++i) {
      std::string key(name);
      name += key.size() + 1;
      TORCH_CHECK(!dict.contains(key), "duplicate state dict key '", key, "'");
      dict.insert(key, list[static_cast<size_t>(i)].detach());
    }
    const auto bytes = torch::pickle_save(c10::IValue(dict));
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    TORCH_CHECK(out.good(), "cannot open '", path, "' for writing");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    TORCH_CHECK(out.good(), "failed writing '", path, "'");
  });
}

NVFT_EXPORT StateDict* nvft_state_load(const char* path) {
  return nvft::guarded<StateDict*>(nullptr, [&] {
    std::ifstream in(path, std::ios::binary);
    TORCH_CHECK(in.good(), "cannot open '", path, "' for reading");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto value = torch::pickle_load(bytes);
    TORCH_CHECK(value.isGenericDict(), "'", path, "' holds a ", value.tagKind(), ", not a dict of tensors");
    auto state = std::make_unique<StateDict>();
    for (const auto& entry : value.toGenericDict()) {
      TORCH_CHECK(entry.key().isString(), "'", path, "' has a non-string key");
      TORCH_CHECK(entry.value().isTensor(), "'", path, "' entry '", entry.key().toStringRef(), "' is not a tensor");
      state->names.push_back(entry.key().toStringRef());
      state->values.push_back(entry.value().toTensor());
    }
    return state.release();
  });
}

NVFT_EXPORT int32_t nvft_state_count(StateDict* s) { return s == nullptr ? -1 : static_cast<int32_t>(s->names.size()); }

NVFT_EXPORT const char* nvft_state_name(StateDict* s, int32_t i) {
  return nvft::guarded<const char*>(nullptr, [&] {
    TORCH_CHECK(s != nullptr && i >= 0 && i < static_cast<int32_t>(s->names.size()), "state dict index out of range");
    return s->names[static_cast<size_t>(i)].c_str();
  });
}

NVFT_EXPORT nvft::Handle nvft_state_tensor(StateDict* s, int32_t i) {
  return nvft::guarded_tensor([&] {
    TORCH_CHECK(s != nullptr && i >= 0 && i < static_cast<int32_t>(s->values.size()), "state dict index out of range");
    return s->values[static_cast<size_t>(i)];
  });
}

NVFT_EXPORT void nvft_state_free(StateDict* s) { delete s; }

// Writes state dicts (name -> tensor) in PyTorch's zip/pickle format, readable by Python's torch.load.
// Reading is done in C# (Serialization/CheckpointReader.cs): libtorch 1.13's unpickler turns the
// OrderedDict of Python's model.state_dict() into None.
#include "shim.h"

#include <ATen/core/Dict.h>
#include <torch/serialize.h>

#include <fstream>

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

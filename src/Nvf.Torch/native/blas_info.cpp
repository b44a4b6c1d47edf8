// Which BLAS libtorch's matrix products run on, read from the library itself: the path of the
// libblas.so.3 (or libopenblas/libblis) mapped into the process, and, when it is OpenBLAS, the core
// its dynamic dispatch chose (openblas_get_corename: "Prescott" is the generic fallback for a CPU the
// build does not know) and its build configuration; when it is BLIS, its version and the
// sub-configuration it selected. Nothing here changes the BLAS: it only reports it.
#include "shim.h"

#include <dlfcn.h>
#include <link.h>

#include <string>

namespace {
thread_local std::string blas_text;

struct Found {
  std::string libblas;
  std::string openblas;
  std::string blis;
};

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

int collect(struct dl_phdr_info* info, size_t, void* data) {
  auto* found = static_cast<Found*>(data);
  const std::string path = info->dlpi_name == nullptr ? "" : info->dlpi_name;
  const auto slash = path.rfind('/');
  const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  if (contains(file, "libblas.so") && found->libblas.empty()) found->libblas = path;
  if (contains(file, "libopenblas") && found->openblas.empty()) found->openblas = path;
  if (contains(file, "libblis") && found->blis.empty()) found->blis = path;
  return 0;
}

// A symbol of an already loaded library, or null; RTLD_NOLOAD never loads anything new.
void* symbol(const std::string& path, const char* name) {
  if (path.empty()) return nullptr;
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_NOLOAD);
  if (handle == nullptr) return nullptr;
  void* address = dlsym(handle, name);
  dlclose(handle);  // balances the NOLOAD reference; the library stays loaded
  return address;
}

// Looks a symbol up in the libblas.so.3 first (Debian's OpenBLAS libblas.so.3 forwards to
// libopenblas.so.0, BLIS's exports its own), then in the implementation's own library.
void* lookup(const Found& found, const std::string& own, const char* name) {
  void* address = symbol(found.libblas, name);
  return address != nullptr ? address : symbol(own, name);
}
}  // namespace

// "key=value" lines: path, implementation (openblas | blis | other), and for OpenBLAS core, config
// and threads; for BLIS version and arch. Valid until the next call on this thread.
NVFT_EXPORT const char* nvft_blas_info() {
  return nvft::guarded<const char*>(nullptr, [] {
    Found found;
    dl_iterate_phdr(collect, &found);
    std::string text;
    const std::string& path = !found.libblas.empty() ? found.libblas : !found.openblas.empty() ? found.openblas : found.blis;
    text += "path=" + path + "\n";
    using text_fn = char* (*)();
    using int_fn = int (*)();
    if (auto corename = reinterpret_cast<text_fn>(lookup(found, found.openblas, "openblas_get_corename"))) {
      text += "implementation=openblas\n";
      text += std::string("core=") + corename() + "\n";
      if (auto config = reinterpret_cast<text_fn>(lookup(found, found.openblas, "openblas_get_config"))) text += std::string("config=") + config() + "\n";
      if (auto threads = reinterpret_cast<int_fn>(lookup(found, found.openblas, "openblas_get_num_threads"))) text += "threads=" + std::to_string(threads()) + "\n";
    } else if (auto version = reinterpret_cast<const char* (*)()>(lookup(found, found.blis, "bli_info_get_version_str"))) {
      text += "implementation=blis\n";
      text += std::string("version=") + version() + "\n";
      auto arch_id = reinterpret_cast<int (*)()>(lookup(found, found.blis, "bli_arch_query_id"));
      auto arch_name = reinterpret_cast<const char* (*)(int)>(lookup(found, found.blis, "bli_arch_string"));
      if (arch_id != nullptr && arch_name != nullptr) text += std::string("core=") + arch_name(arch_id()) + "\n";
    } else {
      text += "implementation=other\n";
    }
    blas_text = text;
    return blas_text.c_str();
  });
}

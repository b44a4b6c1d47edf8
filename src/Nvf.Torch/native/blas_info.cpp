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

// The library that defines sgemm_ as libblas.so.3 resolves it (the library itself, then its dependencies:
// Debian's OpenBLAS libblas.so.3 forwards to libopenblas.so.0, BLIS's to libblis.so.4). LAPACK may map another
// BLAS implementation into the process too (OpenBLAS's liblapack.so.3 beside BLIS's libblas.so.3): the
// provider of sgemm_ is the one matrix products run on.
std::string sgemm_provider(const Found& found) {
  void* address = symbol(found.libblas, "sgemm_");
  Dl_info info{};
  if (address == nullptr || dladdr(address, &info) == 0 || info.dli_fname == nullptr) return "";
  return info.dli_fname;
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
    const std::string provider = sgemm_provider(found);
    text += "provider=" + provider + "\n";
    auto corename = reinterpret_cast<text_fn>(symbol(provider, "openblas_get_corename"));
    // Debian's BLIS libblas.so.3 exports only the BLAS symbols; its libblis.so.4 beside it (the same build, so the
    // same CPU detection) answers version and sub-configuration.
    std::string blis = contains(provider, "blis") ? provider.substr(0, provider.rfind('/') + 1) + "libblis.so.4" : "";
    void* blis_handle = blis.empty() ? nullptr : dlopen(blis.c_str(), RTLD_LAZY | RTLD_LOCAL);
    auto version = blis_handle == nullptr ? nullptr : reinterpret_cast<const char* (*)()>(dlsym(blis_handle, "bli_info_get_version_str"));
    if (corename != nullptr) {
      text += "implementation=openblas\n";
      text += std::string("core=") + corename() + "\n";
      if (auto config = reinterpret_cast<text_fn>(symbol(provider, "openblas_get_config"))) text += std::string("config=") + config() + "\n";
      if (auto threads = reinterpret_cast<int_fn>(symbol(provider, "openblas_get_num_threads"))) text += "threads=" + std::to_string(threads()) + "\n";
    } else if (version != nullptr) {
      text += "implementation=blis\n";
      text += std::string("version=") + version() + "\n";
      auto arch_id = reinterpret_cast<int (*)()>(dlsym(blis_handle, "bli_arch_query_id"));
      auto arch_name = reinterpret_cast<const char* (*)(int)>(dlsym(blis_handle, "bli_arch_string"));
      if (arch_id != nullptr && arch_name != nullptr) text += std::string("core=") + arch_name(arch_id()) + "\n";
    } else if (!blis.empty()) {
      text += "implementation=blis\n";
    } else {
      text += "implementation=other\n";
    }
    if (blis_handle != nullptr) dlclose(blis_handle);
    blas_text = text;
    return blas_text.c_str();
  });
}

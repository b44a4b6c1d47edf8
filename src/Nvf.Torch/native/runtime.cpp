// Process-level services: errors, version, threads, grad mode, seeding, generators, configuration.
#include "shim.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/Version.h>
#include <torch/version.h>

#include <atomic>
#include <malloc.h>

namespace {
// glibc gives a freed block at the top of the heap back to the kernel once more than M_TRIM_THRESHOLD is free there
// (dynamically twice the largest block freed so far, 2 MB for a training step's 1 MB logits). A training step frees its
// activations and allocates them again a moment later, so every step paid ~200 page faults to get the same memory back:
// on the seed's soft attention 2.0 million faults and a third of the CPU time in the kernel (measured with perf stat).
// Keeping up to 256 MB of free heap and serving blocks below 32 MB from the heap (glibc's own ceiling for the dynamic
// threshold) removes them; the gate still hands large frees back explicitly (FaissRuntime.ReturnFreedMemory, malloc_trim) where memory matters.
const bool heap_tuned = [] {
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
  return true;
}();

thread_local std::string last_error;
thread_local std::string last_text;
std::atomic<int32_t> requested_threads{0};
thread_local int32_t applied_threads = 0;
}  // namespace

namespace nvft {

void set_error(const std::string& message) { last_error = message; }

void apply_thread_count() {
  const int32_t wanted = requested_threads.load(std::memory_order_relaxed);
  if (wanted > 0 && wanted != applied_threads) {
    at::set_num_threads(wanted);
    applied_threads = wanted;
  }
}

}  // namespace nvft

NVFT_EXPORT int32_t nvft_abi_version() { return NVFT_ABI_VERSION; }

NVFT_EXPORT const char* nvft_last_error() { return last_error.c_str(); }

NVFT_EXPORT const char* nvft_torch_version() { return TORCH_VERSION; }

// Text of at::show_config(); valid until the next call on this thread.
NVFT_EXPORT const char* nvft_show_config() {
  return nvft::guarded<const char*>(nullptr, [] {
    last_text = at::show_config();
    return last_text.c_str();
  });
}

NVFT_EXPORT int32_t nvft_set_num_threads(int32_t count) {
  return nvft::guarded_status([&] {
    if (count <= 0) throw std::invalid_argument("thread count must be positive, got " + std::to_string(count));
    requested_threads.store(count, std::memory_order_relaxed);
    nvft::apply_thread_count();
  });
}

NVFT_EXPORT int32_t nvft_get_num_threads() {
  return nvft::guarded<int32_t>(-1, [] { return static_cast<int32_t>(at::get_num_threads()); });
}

// Grad mode is thread-local in libtorch; returns the previous state (1 enabled, 0 disabled).
NVFT_EXPORT int32_t nvft_set_grad_enabled(int32_t enabled) {
  return nvft::guarded<int32_t>(-1, [&] {
    const bool previous = at::GradMode::is_enabled();
    at::GradMode::set_enabled(enabled != 0);
    return previous ? 1 : 0;
  });
}

NVFT_EXPORT int32_t nvft_is_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

// Seeds torch's default CPU generator, as torch.manual_seed does in Python.
NVFT_EXPORT int32_t nvft_manual_seed(uint64_t seed) {
  return nvft::guarded_status([&] { at::manual_seed(seed); });
}

// A private generator, as torch.Generator().manual_seed(seed) in Python.
NVFT_EXPORT at::Generator* nvft_generator_new(uint64_t seed) {
  return nvft::guarded<at::Generator*>(nullptr, [&] {
    return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
  });
}

NVFT_EXPORT void nvft_generator_free(at::Generator* generator) { delete generator; }

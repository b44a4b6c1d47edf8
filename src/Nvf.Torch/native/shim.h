// Shared by every translation unit of the libtorch shim.
// Contract with C# (NativeMethods.cs): exports return nullptr or a negative status on failure and
// leave libtorch's message in a thread-local buffer read by nvft_last_error. No C++ exception ever
// crosses the boundary: it would kill the .NET process.
#pragma once

#include <ATen/ATen.h>
#include <c10/util/Exception.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#define NVFT_EXPORT extern "C" __attribute__((visibility("default")))

// Bumped whenever an export changes; the managed loader refuses a stale library.
#define NVFT_ABI_VERSION 5

namespace nvft {

using Handle = at::Tensor*;

void set_error(const std::string& message);

// Applies the process-wide thread count (nvft_set_num_threads) to the calling thread. OpenMP keeps
// the count per thread, and .NET may call from any thread pool thread.
void apply_thread_count();

// Runs body and returns its value; on any C++ exception stores the message and returns fallback.
template <class R, class F>
R guarded(R fallback, F&& body) {
  try {
    apply_thread_count();
    return body();
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception inside the libtorch shim");
  }
  return fallback;
}

// Status-returning variant: 0 on success, -1 on failure.
template <class F>
int32_t guarded_status(F&& body) {
  return guarded<int32_t>(-1, [&]() -> int32_t {
    body();
    return 0;
  });
}

// Handle-returning variant: a new heap tensor owned by the managed side, nullptr on failure.
template <class F>
Handle guarded_tensor(F&& body) {
  return guarded<Handle>(nullptr, [&]() -> Handle { return new at::Tensor(body()); });
}

inline at::Tensor& ref(Handle h) {
  if (h == nullptr) throw std::invalid_argument("null tensor handle passed to the libtorch shim");
  return *h;
}

// Dtype codes shared with C# (ScalarType.cs).
inline at::ScalarType to_scalar_type(int32_t code) {
  switch (code) {
    case 0: return at::kFloat;
    case 1: return at::kLong;
    case 2: return at::kBool;
    default: throw std::invalid_argument("unknown dtype code " + std::to_string(code) + " (expected 0 float32, 1 int64, 2 bool)");
  }
}

inline int32_t from_scalar_type(at::ScalarType t) {
  switch (t) {
    case at::kFloat: return 0;
    case at::kLong: return 1;
    case at::kBool: return 2;
    default: return -1;
  }
}

inline at::IntArrayRef dims(const int64_t* values, int32_t count) {
  if (count < 0 || (count > 0 && values == nullptr)) throw std::invalid_argument("invalid shape or dims array");
  return at::IntArrayRef(values, static_cast<size_t>(count));
}

inline std::vector<at::Tensor> tensors(const Handle* handles, int32_t count) {
  if (count < 0 || (count > 0 && handles == nullptr)) throw std::invalid_argument("invalid tensor list");
  std::vector<at::Tensor> list;
  list.reserve(static_cast<size_t>(count));
  for (int32_t i = 0; i < count; ++i) list.push_back(ref(handles[i]));
  return list;
}

inline at::Scalar scalar(double value, int32_t is_integer) {
  return is_integer != 0 ? at::Scalar(static_cast<int64_t>(value)) : at::Scalar(value);
}

}  // namespace nvft

/* C exports of the Nvf.Faiss shim. Every function returns 0 on success or an NVF_FAISS_ERR_* code;
 * nvf_faiss_last_error() then holds the message (thread-local, valid until the next failing call
 * on the same thread). No C++ exception ever leaves these functions. Index handles are opaque
 * faiss::Index pointers owned by the caller and released with nvf_faiss_free. */
#ifndef NVF_FAISS_H
#define NVF_FAISS_H

#include <stdint.h>

#define NVF_FAISS_EXPORT __attribute__((visibility("default")))
#define NVF_FAISS_ABI_VERSION 3

#define NVF_FAISS_OK 0
#define NVF_FAISS_ERR_FAISS 1     /* faiss::FaissException */
#define NVF_FAISS_ERR_STD 2       /* any other std::exception */
#define NVF_FAISS_ERR_NOMEM 3     /* std::bad_alloc */
#define NVF_FAISS_ERR_UNKNOWN 4   /* anything else */
#define NVF_FAISS_ERR_ARGUMENT 5  /* rejected by the shim before reaching FAISS */

#ifdef __cplusplus
extern "C" {
#endif

NVF_FAISS_EXPORT int32_t nvf_faiss_abi_version(void);
NVF_FAISS_EXPORT const char* nvf_faiss_last_error(void);
NVF_FAISS_EXPORT int32_t nvf_faiss_version(int32_t* major, int32_t* minor, int32_t* patch);
NVF_FAISS_EXPORT int32_t nvf_faiss_live_indexes(int64_t* count);
NVF_FAISS_EXPORT int32_t nvf_faiss_set_threads(int32_t threads);
NVF_FAISS_EXPORT int32_t nvf_faiss_get_threads(int32_t* threads);

/* metric: 0 = inner product, 1 = L2 (faiss::MetricType values). */
NVF_FAISS_EXPORT int32_t nvf_faiss_flat_new(int32_t d, int32_t metric, void** out);
NVF_FAISS_EXPORT int32_t nvf_faiss_ivf_flat_new(int32_t d, int64_t nlist, int32_t metric, void** out);
NVF_FAISS_EXPORT int32_t nvf_faiss_index_factory(int32_t d, const char* description, int32_t metric, void** out);
/* Wraps inner in an IndexIDMap that owns it: on success the caller must no longer free inner. */
NVF_FAISS_EXPORT int32_t nvf_faiss_idmap_new(void* inner, void** out);
NVF_FAISS_EXPORT int32_t nvf_faiss_free(void* index);

NVF_FAISS_EXPORT int32_t nvf_faiss_info(void* index, int32_t* d, int64_t* ntotal, int32_t* is_trained, int32_t* metric);
NVF_FAISS_EXPORT int32_t nvf_faiss_train(void* index, int64_t n, const float* x);
NVF_FAISS_EXPORT int32_t nvf_faiss_add(void* index, int64_t n, const float* x);
NVF_FAISS_EXPORT int32_t nvf_faiss_add_with_ids(void* index, int64_t n, const float* x, const int64_t* ids);
/* distances and labels hold n * k values, row-major; missing results have label -1. */
NVF_FAISS_EXPORT int32_t nvf_faiss_search(void* index, int64_t n, const float* x, int64_t k, float* distances, int64_t* labels);
/* IndexIVFFlat::search of an inner-product IVF-Flat index with its loops turned round: FAISS's coarse assignment, then
 * each inverted list read once and scored against every query probing it with one matrix product (BLAS sgemm), each
 * query keeping its k best in FAISS's heap under FAISS's admission rule. The same search, bound by arithmetic instead
 * of memory bandwidth; scores agree with FAISS's to float rounding. Refused for any other index type. */
NVF_FAISS_EXPORT int32_t nvf_faiss_search_list_major(void* index, int64_t n, const float* x, int64_t k, float* distances, int64_t* labels);
/* supported = 1 when nvf_faiss_search_list_major applies to the index (an IVF-Flat inner-product index), else 0. */
NVF_FAISS_EXPORT int32_t nvf_faiss_supports_list_major(void* index, int32_t* supported);

/* Exact inner-product top-k of nx queries over ny database vectors held by the caller (no copy, no index):
 * the same routine IndexFlatIP::search runs, so the results equal a flat index over y. */
NVF_FAISS_EXPORT int32_t nvf_faiss_knn_inner_product(const float* x, int64_t nx, const float* y, int64_t ny, int64_t d, int64_t k, float* distances, int64_t* labels);

/* IVF properties, looked up through IDMap/PreTransform wrappers; nlist = 0 when not an IVF index. */
NVF_FAISS_EXPORT int32_t nvf_faiss_ivf_info(void* index, int64_t* nlist, int64_t* nprobe, int64_t* quantizer_ntotal);
NVF_FAISS_EXPORT int32_t nvf_faiss_ivf_set_nprobe(void* index, int64_t nprobe);
NVF_FAISS_EXPORT int32_t nvf_faiss_ivf_set_train_iterations(void* index, int32_t iterations);

NVF_FAISS_EXPORT int32_t nvf_faiss_write(void* index, const char* path);
NVF_FAISS_EXPORT int32_t nvf_faiss_read(const char* path, void** out);
/* Reads an index whose inverted lists stay in the file, memory-mapped read-only (FAISS's IO_FLAG_MMAP); other index types read whole. */
NVF_FAISS_EXPORT int32_t nvf_faiss_read_mapped(const char* path, void** out);

#ifdef __cplusplus
}
#endif

#endif

// The Nvf.Faiss shim: thin C exports over the C++ API of FAISS 1.7.3 (see nvf_faiss.h).
// A C++ exception crossing P/Invoke kills the .NET host, so every export runs its body through
// guarded(), which catches everything and leaves the message in a thread-local buffer.
#include "nvf_faiss.h"

#include <faiss/IVFlib.h>
#include <faiss/Index.h>
#include <faiss/IndexFlat.h>
#include <faiss/IndexIDMap.h>
#include <faiss/IndexIVF.h>
#include <faiss/IndexIVFFlat.h>
#include <faiss/impl/FaissException.h>
#include <faiss/index_factory.h>
#include <faiss/index_io.h>
#include <faiss/invlists/OnDiskInvertedLists.h>
#include <faiss/utils/Heap.h>
#include <faiss/utils/distances.h>
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <new>
#include <string>
#include <typeinfo>
#include <vector>

namespace {

thread_local std::string last_error;

// Indexes handed out and not yet freed: lets the managed tests prove that disposal frees once.
std::atomic<int64_t> live_indexes{0};

struct ArgumentError {
    std::string message;
};

template <typename Body>
int32_t guarded(Body body) noexcept {
    try {
        body();
        return NVF_FAISS_OK;
    } catch (const ArgumentError& e) {
        last_error = e.message;
        return NVF_FAISS_ERR_ARGUMENT;
    } catch (const faiss::FaissException& e) {
        last_error = e.what();
        return NVF_FAISS_ERR_FAISS;
    } catch (const std::bad_alloc& e) {
        last_error = std::string("out of memory: ") + e.what();
        return NVF_FAISS_ERR_NOMEM;
    } catch (const std::exception& e) {
        last_error = e.what();
        return NVF_FAISS_ERR_STD;
    } catch (...) {
        // The assignment itself may throw bad_alloc; nothing may escape from here.
        try {
            last_error = "unknown native exception";
        } catch (...) {
        }
        return NVF_FAISS_ERR_UNKNOWN;
    }
}

void require(bool condition, const char* message) {
    if (!condition)
        throw ArgumentError{message};
}

faiss::Index* as_index(void* index) {
    require(index != nullptr, "index handle is null");
    return static_cast<faiss::Index*>(index);
}

faiss::MetricType as_metric(int32_t metric) {
    require(metric == faiss::METRIC_INNER_PRODUCT || metric == faiss::METRIC_L2,
            "metric must be 0 (inner product) or 1 (L2)");
    return static_cast<faiss::MetricType>(metric);
}

void hand_out(faiss::Index* index, void** out) {
    *out = index;
    live_indexes.fetch_add(1);
}


// BLAS's single-precision matrix product (Fortran interface, column-major), as FAISS itself declares it.
extern "C" int sgemm_(const char* transa, const char* transb, const int* m, const int* n, const int* k, const float* alpha,
                      const float* a, const int* lda, const float* b, const int* ldb, const float* beta, float* c,
                      const int* ldc);

// The IVF-Flat inner-product index behind `index` when the list-major search applies to it, else null.
// Exactly IndexIVFFlat: a subclass such as IndexIVFFlatDedup keeps some vectors outside its lists.
faiss::IndexIVFFlat* list_major_candidate(faiss::Index* index) {
    if (index == nullptr || typeid(*index) != typeid(faiss::IndexIVFFlat))
        return nullptr;
    auto* ivf = static_cast<faiss::IndexIVFFlat*>(index);
    if (ivf->metric_type != faiss::METRIC_INNER_PRODUCT || ivf->invlists == nullptr)
        return nullptr;
    return ivf->code_size == ivf->d * sizeof(float) ? ivf : nullptr;
}

// IndexIVFFlat::search with the loops turned round. FAISS scans query by query: each query reads its nprobe lists from
// memory, so a batch of n queries reads n x nprobe lists (5,244 x 64 lists of 768-d vectors is ~196 GB of memory
// traffic for a 1.8 GB index) and the search is bound by memory bandwidth. Here the coarse assignment is FAISS's own
// (quantizer->search, the same call IndexIVF::search makes), then each list is read once and scored against every query
// that probes it with one matrix product, and each query keeps its k best in FAISS's own heap with FAISS's admission
// rule (a candidate must beat the heap's worst strictly). The answer is the same search; the scores come from a matrix
// product instead of FAISS's vector kernel, so they agree to float rounding (the tests compare both paths).
void list_major_search(const faiss::IndexIVFFlat& ivf, int64_t n, const float* x, int64_t k, float* distances, int64_t* labels) {
    const int64_t d = ivf.d;
    const int64_t nprobe = std::min<int64_t>(static_cast<int64_t>(ivf.nprobe), static_cast<int64_t>(ivf.nlist));
    std::vector<float> coarse_distances(static_cast<size_t>(n * nprobe));
    std::vector<faiss::Index::idx_t> assign(static_cast<size_t>(n * nprobe));
    ivf.quantizer->search(n, x, nprobe, coarse_distances.data(), assign.data());

    // Which queries probe each list, in query order (a CSR table over the lists).
    const int64_t nlist = static_cast<int64_t>(ivf.nlist);
    std::vector<int64_t> start(static_cast<size_t>(nlist + 1), 0);
    for (int64_t i = 0; i < n * nprobe; i++)
        if (assign[i] >= 0)
            start[assign[i] + 1]++;
    for (int64_t l = 0; l < nlist; l++)
        start[l + 1] += start[l];
    std::vector<int64_t> queries(static_cast<size_t>(start[nlist]));
    {
        std::vector<int64_t> fill(start.begin(), start.end() - 1);
        for (int64_t i = 0; i < n * nprobe; i++)
            if (assign[i] >= 0)
                queries[fill[assign[i]]++] = i / nprobe;
    }

    for (int64_t q = 0; q < n; q++)
        faiss::minheap_heapify(k, distances + q * k, labels + q * k);

    // Blocks bound the scratch memory whatever the lists' sizes: at most 256 queries x 4,096 list rows of scores.
    const int64_t query_block = 256, row_block = 4096;
    std::vector<float> gathered(static_cast<size_t>(query_block * d));
    std::vector<float> scores(static_cast<size_t>(query_block * row_block));
    for (int64_t l = 0; l < nlist; l++) {
        const int64_t probing = start[l + 1] - start[l];
        const int64_t size = static_cast<int64_t>(ivf.invlists->list_size(l));
        if (probing == 0 || size == 0)
            continue;
        faiss::InvertedLists::ScopedCodes codes(ivf.invlists, l);
        faiss::InvertedLists::ScopedIds ids(ivf.invlists, l);
        const auto* vectors = reinterpret_cast<const float*>(codes.get());
        for (int64_t q0 = 0; q0 < probing; q0 += query_block) {
            const int64_t qn = std::min(query_block, probing - q0);
            for (int64_t j = 0; j < qn; j++)
                std::copy_n(x + queries[start[l] + q0 + j] * d, d, gathered.data() + j * d);
            for (int64_t r0 = 0; r0 < size; r0 += row_block) {
                const int rn = static_cast<int>(std::min(row_block, size - r0));
                const int qm = static_cast<int>(qn), dd = static_cast<int>(d);
                const float one = 1.0f, zero = 0.0f;
                // Column-major: scores (rn x qm) = vectors[r0..]^T-as-stored (rn x d) times gathered^T (d x qm).
                sgemm_("T", "N", &rn, &qm, &dd, &one, vectors + r0 * d, &dd, gathered.data(), &dd, &zero, scores.data(), &rn);
                for (int64_t j = 0; j < qn; j++) {
                    const int64_t q = queries[start[l] + q0 + j];
                    float* heap_scores = distances + q * k;
                    int64_t* heap_ids = labels + q * k;
                    const float* row = scores.data() + j * rn;
                    for (int r = 0; r < rn; r++) {
                        if (row[r] > heap_scores[0]) {
                            const int64_t id = ids.get()[r0 + r];
                            faiss::minheap_replace_top(k, heap_scores, heap_ids, row[r], id);
                        }
                    }
                }
            }
        }
    }

    for (int64_t q = 0; q < n; q++)
        faiss::minheap_reorder(k, distances + q * k, labels + q * k);
}

}  // namespace

extern "C" {

int32_t nvf_faiss_abi_version(void) {
    return NVF_FAISS_ABI_VERSION;
}

const char* nvf_faiss_last_error(void) {
    return last_error.c_str();
}

int32_t nvf_faiss_version(int32_t* major, int32_t* minor, int32_t* patch) {
    return guarded([&] {
        require(major && minor && patch, "version outputs are null");
        *major = FAISS_VERSION_MAJOR;
        *minor = FAISS_VERSION_MINOR;
        *patch = FAISS_VERSION_PATCH;
    });
}

int32_t nvf_faiss_live_indexes(int64_t* count) {
    return guarded([&] {
        require(count != nullptr, "count output is null");
        *count = live_indexes.load();
    });
}

int32_t nvf_faiss_set_threads(int32_t threads) {
    return guarded([&] {
        require(threads > 0, "thread count must be positive");
        omp_set_num_threads(threads);
    });
}

int32_t nvf_faiss_get_threads(int32_t* threads) {
    return guarded([&] {
        require(threads != nullptr, "threads output is null");
        *threads = omp_get_max_threads();
    });
}

int32_t nvf_faiss_flat_new(int32_t d, int32_t metric, void** out) {
    return guarded([&] {
        require(out != nullptr, "output handle is null");
        require(d > 0, "dimension must be positive");
        hand_out(new faiss::IndexFlat(d, as_metric(metric)), out);
    });
}

int32_t nvf_faiss_ivf_flat_new(int32_t d, int64_t nlist, int32_t metric, void** out) {
    return guarded([&] {
        require(out != nullptr, "output handle is null");
        require(d > 0, "dimension must be positive");
        require(nlist > 0, "nlist must be positive");
        auto m = as_metric(metric);
        auto* quantizer = new faiss::IndexFlat(d, m);
        faiss::IndexIVFFlat* ivf = nullptr;
        try {
            ivf = new faiss::IndexIVFFlat(quantizer, d, static_cast<size_t>(nlist), m);
        } catch (...) {
            delete quantizer;
            throw;
        }
        // IndexIVF does not own its quantizer by default; without this it would leak, and a
        // quantizer freed separately would leave the IVF index pointing at freed memory.
        ivf->own_fields = true;
        hand_out(ivf, out);
    });
}

int32_t nvf_faiss_index_factory(int32_t d, const char* description, int32_t metric, void** out) {
    return guarded([&] {
        require(out != nullptr, "output handle is null");
        require(description != nullptr, "description is null");
        require(d > 0, "dimension must be positive");
        // index_factory sets own_fields on every sub-index it creates.
        hand_out(faiss::index_factory(d, description, as_metric(metric)), out);
    });
}

int32_t nvf_faiss_idmap_new(void* inner, void** out) {
    return guarded([&] {
        require(out != nullptr, "output handle is null");
        auto* map = new faiss::IndexIDMap(as_index(inner));
        map->own_fields = true;
        hand_out(map, out);
        // The inner index now belongs to the map: it is no longer a separate live handle.
        live_indexes.fetch_sub(1);
    });
}

int32_t nvf_faiss_free(void* index) {
    return guarded([&] {
        delete as_index(index);
        live_indexes.fetch_sub(1);
    });
}

int32_t nvf_faiss_info(void* index, int32_t* d, int64_t* ntotal, int32_t* is_trained, int32_t* metric) {
    return guarded([&] {
        require(d && ntotal && is_trained && metric, "info outputs are null");
        auto* idx = as_index(index);
        *d = static_cast<int32_t>(idx->d);
        *ntotal = idx->ntotal;
        *is_trained = idx->is_trained ? 1 : 0;
        *metric = static_cast<int32_t>(idx->metric_type);
    });
}

int32_t nvf_faiss_train(void* index, int64_t n, const float* x) {
    return guarded([&] {
        require(n > 0 && x != nullptr, "training needs at least one vector");
        as_index(index)->train(n, x);
    });
}

// True when the index's inverted lists are read-only on disk (read with IO_FLAG_MMAP): FAISS would throw from inside
// its OpenMP region on add, which ends the process, so adds are refused before they start.
static bool has_read_only_lists(void* index) {
    auto* ivf = faiss::ivflib::try_extract_index_ivf(as_index(index));
    auto* on_disk = ivf == nullptr ? nullptr : dynamic_cast<faiss::OnDiskInvertedLists*>(ivf->invlists);
    return on_disk != nullptr && on_disk->read_only;
}

int32_t nvf_faiss_add(void* index, int64_t n, const float* x) {
    return guarded([&] {
        require(n > 0 && x != nullptr, "add needs at least one vector");
        require(!has_read_only_lists(index), "the index's lists are memory-mapped read-only from its file: it cannot be added to");
        as_index(index)->add(n, x);
    });
}

int32_t nvf_faiss_add_with_ids(void* index, int64_t n, const float* x, const int64_t* ids) {
    return guarded([&] {
        require(n > 0 && x != nullptr && ids != nullptr, "add_with_ids needs at least one vector and its id");
        require(!has_read_only_lists(index), "the index's lists are memory-mapped read-only from its file: it cannot be added to");
        as_index(index)->add_with_ids(n, x, ids);
    });
}

int32_t nvf_faiss_search(void* index, int64_t n, const float* x, int64_t k, float* distances, int64_t* labels) {
    return guarded([&] {
        require(n > 0 && x != nullptr, "search needs at least one query");
        require(k > 0, "k must be positive");
        require(distances != nullptr && labels != nullptr, "result buffers are null");
        as_index(index)->search(n, x, k, distances, labels);
    });
}

int32_t nvf_faiss_search_list_major(void* index, int64_t n, const float* x, int64_t k, float* distances, int64_t* labels) {
    return guarded([&] {
        require(n > 0 && x != nullptr, "search needs at least one query");
        require(k > 0, "k must be positive");
        require(distances != nullptr && labels != nullptr, "result buffers are null");
        auto* ivf = list_major_candidate(as_index(index));
        require(ivf != nullptr, "the list-major search applies only to an IVF-Flat inner-product index");
        require(ivf->is_trained, "the index is not trained");
        list_major_search(*ivf, n, x, k, distances, labels);
    });
}

int32_t nvf_faiss_supports_list_major(void* index, int32_t* supported) {
    return guarded([&] {
        require(supported != nullptr, "output is null");
        *supported = list_major_candidate(as_index(index)) != nullptr ? 1 : 0;
    });
}

int32_t nvf_faiss_knn_inner_product(const float* x, int64_t nx, const float* y, int64_t ny, int64_t d, int64_t k, float* distances, int64_t* labels) {
    return guarded([&] {
        require(nx > 0 && x != nullptr, "search needs at least one query");
        require(ny > 0 && y != nullptr, "search needs at least one database vector");
        require(d > 0, "dimension must be positive");
        require(k > 0, "k must be positive");
        require(distances != nullptr && labels != nullptr, "result buffers are null");
        faiss::float_minheap_array_t heaps = {static_cast<size_t>(nx), static_cast<size_t>(k), labels, distances};
        faiss::knn_inner_product(x, y, static_cast<size_t>(d), static_cast<size_t>(nx), static_cast<size_t>(ny), &heaps);
    });
}

int32_t nvf_faiss_ivf_info(void* index, int64_t* nlist, int64_t* nprobe, int64_t* quantizer_ntotal) {
    return guarded([&] {
        require(nlist && nprobe && quantizer_ntotal, "ivf outputs are null");
        auto* ivf = faiss::ivflib::try_extract_index_ivf(as_index(index));
        *nlist = ivf ? static_cast<int64_t>(ivf->nlist) : 0;
        *nprobe = ivf ? static_cast<int64_t>(ivf->nprobe) : 0;
        *quantizer_ntotal = ivf && ivf->quantizer ? ivf->quantizer->ntotal : 0;
    });
}

int32_t nvf_faiss_ivf_set_nprobe(void* index, int64_t nprobe) {
    return guarded([&] {
        require(nprobe > 0, "nprobe must be positive");
        auto* ivf = faiss::ivflib::try_extract_index_ivf(as_index(index));
        require(ivf != nullptr, "nprobe applies only to IVF indexes");
        ivf->nprobe = static_cast<size_t>(nprobe);
    });
}

int32_t nvf_faiss_ivf_set_train_iterations(void* index, int32_t iterations) {
    return guarded([&] {
        require(iterations > 0, "k-means iterations must be positive");
        auto* ivf = faiss::ivflib::try_extract_index_ivf(as_index(index));
        require(ivf != nullptr, "k-means iterations apply only to IVF indexes");
        ivf->cp.niter = iterations;
    });
}

int32_t nvf_faiss_write(void* index, const char* path) {
    return guarded([&] {
        require(path != nullptr, "path is null");
        faiss::write_index(as_index(index), path);
    });
}

int32_t nvf_faiss_read(const char* path, void** out) {
    return guarded([&] {
        require(path != nullptr && out != nullptr, "path or output handle is null");
        hand_out(faiss::read_index(path), out);
    });
}

int32_t nvf_faiss_read_mapped(const char* path, void** out) {
    return guarded([&] {
        require(path != nullptr && out != nullptr, "path or output handle is null");
        hand_out(faiss::read_index(path, faiss::IO_FLAG_MMAP | faiss::IO_FLAG_READ_ONLY), out);
    });
}

}  // extern "C"

# Python side of the Nvf.Faiss benchmark: the same FAISS 1.7.3 (Debian python3-faiss) on the same
# files the C# side wrote. Searches the index file C# built, with the same queries, nprobes and
# thread count, and (optionally) builds its own IVF-Flat from the same training sample and data.
# Prints one JSON object. Run by Nvf.Faiss.Bench; not meant to be run by hand.
import json, sys, time
import faiss, numpy as np

args = json.loads(sys.argv[1])
faiss.omp_set_num_threads(args["threads"])
d, k = args["dimension"], args["k"]
queries = np.fromfile(args["queries"], dtype="<f4").reshape(-1, d)
out = {"version": faiss.__version__, "threads": faiss.omp_get_max_threads(), "search": []}

index = faiss.read_index(args["index"])
for nprobe in args["nprobes"]:
    index.nprobe = nprobe
    best, cpu, ids = float("inf"), float("inf"), None
    for _ in range(args["repeats"]):
        t, c = time.perf_counter(), time.process_time()
        _, ids = index.search(queries, k)
        best, cpu = min(best, time.perf_counter() - t), min(cpu, time.process_time() - c)
    out["search"].append({"nprobe": nprobe, "qps": len(queries) / best, "cpu_ms_per_query": 1000 * cpu / len(queries), "ids": ids.ravel().tolist()})
del index

if args.get("data"):
    data = np.fromfile(args["data"], dtype="<f4").reshape(-1, d)
    train = np.fromfile(args["train"], dtype="<f4").reshape(-1, d)
    ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, args["nlist"], faiss.METRIC_INNER_PRODUCT)
    ivf.cp.niter = args["kmeans_iterations"]
    t = time.perf_counter(); ivf.train(train); out["train_seconds"] = time.perf_counter() - t
    t = time.perf_counter(); ivf.add(data); out["add_seconds"] = time.perf_counter() - t

print(json.dumps(out))

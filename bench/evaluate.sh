#!/usr/bin/env bash
# Issue 13's performance figures, printed:
#   1. `nvf evaluate` of the seed's eval size (5,244 x 768 predictions) against a 584,000 x 768 payload with a
#      given IVF index (nlist 3,072, nprobe 64), end to end (reading the files, the plumbing checks and their
#      controls, separation, IVF search, reports), beside Python FAISS searching the same predictions;
#   2. a small context encoder (attention pooling, 768 wide) over the 5,244 contexts: ms per batch of 256 as ONNX
#      (ONNX Runtime) and as TorchScript (libtorch 1.13) in the gate, beside python3-torch on the same model.
# Files are written by Debian's numpy, faiss and torch into a temporary folder (about 4 GB), removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build src/Nvf.Cli -c Release -v quiet -nologo
nvf="dotnet src/Nvf.Cli/bin/Release/net10.0/nvf.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "evaluate-bench: writing a 584,000 x 768 payload with topic structure, its IVF index and 5,244 predictions (Debian numpy/faiss/torch)"
/usr/bin/python3 - "$work" <<'PY'
import sys, time, numpy as np, faiss, torch
w = sys.argv[1]; rng = np.random.default_rng(7)
A, C, D, M, T = 18250, 32, 768, 5244, 2000
topics = rng.standard_normal((T, D)).astype(np.float32); topics /= np.linalg.norm(topics, axis=1, keepdims=True)
p = np.empty((A * C, D), dtype=np.float32)
for a in range(A):
    block = topics[a % T] + 0.05 * rng.standard_normal((C, D)).astype(np.float32)
    p[a * C:(a + 1) * C] = block / np.linalg.norm(block, axis=1, keepdims=True)
keys = np.stack([np.arange(A * C) // C, np.arange(A * C) % C], axis=1).astype(np.int64)
rows = rng.choice(A * C, M, replace=False)
contexts = (p[rows][:, None, :] + 0.05 * rng.standard_normal((M, 5, D))).astype(np.float32)
np.save(f'{w}/payload.npy', p); np.save(f'{w}/keys.npy', keys)
np.savez(f'{w}/eval.npz', contexts=contexts, targets=p[rows], truth_keys=keys[rows])
predictions = p[rows] + 0.05 * rng.standard_normal((M, D)).astype(np.float32)
np.save(f'{w}/predictions.npy', predictions)
index = faiss.IndexIVFFlat(faiss.IndexFlatIP(D), D, 3072, faiss.METRIC_INNER_PRODUCT)
index.cp.niter = 10
sample = p[np.sort(rng.choice(A * C, 3072 * 40, replace=False))]
index.train(sample); index.add(p); faiss.write_index(index, f'{w}/index.faiss')
faiss.omp_set_num_threads(2); index.nprobe = 64
q = predictions / np.linalg.norm(predictions, axis=1, keepdims=True)
t = time.perf_counter(); index.search(q, 50); search = time.perf_counter() - t
print(f"python-faiss: search of {M:,} predictions, nprobe 64, top 50, 2 threads: {search:.2f} s wall")
class AttentionPool(torch.nn.Module):
    def __init__(self, d):
        super().__init__(); self.q = torch.nn.Parameter(torch.randn(d) / d ** 0.5); self.proj = torch.nn.Linear(d, d)
    def forward(self, ctx):
        w = torch.softmax(ctx @ self.q, dim=1)
        return torch.nn.functional.normalize(self.proj((w.unsqueeze(-1) * ctx).sum(1)), dim=-1)
torch.manual_seed(0); torch.set_num_threads(2); model = AttentionPool(D).eval(); example = torch.from_numpy(contexts[:2])
torch.onnx.export(model, example, f'{w}/encoder.onnx', input_names=['contexts'], output_names=['predictions'],
                  dynamic_axes={'contexts': {0: 'batch'}, 'predictions': {0: 'batch'}}, opset_version=13)
torch.jit.save(torch.jit.trace(model, example), f'{w}/encoder.pt')
with torch.no_grad():
    x = torch.from_numpy(contexts); batches = [x[i:i + 256] for i in range(0, M, 256)]
    model(batches[0]); t = time.perf_counter()
    for b in batches: model(b)
    per = (time.perf_counter() - t) * 1000 / len(batches)
print(f"python3-torch {torch.__version__}: attention pooling over {M:,} contexts: {per:.1f} ms per batch of 256 (2 threads)")
PY

echo "evaluate-bench: nvf evaluate --predictions (payload, index and eval set as given)"
start=$(date +%s.%N)
code=0
$nvf evaluate --predictions "$work/predictions.npy" --payload "$work/payload.npy" --eval "$work/eval.npz" \
  --payload-keys "$work/keys.npy" --index "$work/index.faiss" --out "$work/reports" >"$work/evaluate.log" 2>&1 || code=$?
end=$(date +%s.%N)
grep -E "^machine:|verdict|peak resident" "$work/evaluate.log" || true
sed 's/\x1b\[[0-9;]*m//g' "$work/evaluate.log" | grep -E "(passed|failed|skipped) .*\([0-9.]+ m?s\)$" | grep -v "│" || true
sed 's/\x1b\[[0-9;]*m//g' "$work/evaluate.log" | grep -oE "(separation|IVF retrieval): [^→]*" | head -2 || true
awk -v s="$start" -v e="$end" -v c="$code" 'BEGIN { printf "nvf evaluate: %.1f s wall end to end (target < 60 s), exit %d\n", e - s, c }'
grep -oE "[0-9,]+ queries, top [0-9]+ ids and scores.{0,80}written in [0-9.]+ s \([0-9.]+ MB\)" "$work/reports/acceptance.html" | head -1 | sed 's/^/per-query results: /' || true

for model in encoder.onnx encoder.pt; do
  $nvf evaluate --model "$work/$model" --payload "$work/payload.npy" --eval "$work/eval.npz" \
    --payload-keys "$work/keys.npy" --index "$work/index.faiss" --out "$work/reports" >"$work/$model.log" 2>&1 || true
  grep -E "ms per batch" "$work/$model.log" | sed 's/\x1b\[[0-9;]*m//g' | sed "s/^/nvf evaluate --model: /" || true
done

#!/usr/bin/env bash
# The baseline's tolerances across two numeric paths, and a real regression still caught (issue 12).
#   1. the whole gate on the default BLAS (OpenBLAS, whatever kernel it picks for this CPU);
#   2. the whole gate with BLIS first on the library path of that one process: libtorch and FAISS then sum
#      in another order, as another CPU's kernels would (OPENBLAS_CORETYPE is never touched);
#   3. `nvf compare` of the two runs: how many metrics moved and by how many standard errors;
#   4. a planted regression: the improved reranker trained for one epoch (a config copy with maxEpochs 1)
#      must fail the gate on the improved reranker (its criteria, or the regression check's table).
# Both full runs must pass against fixtures/baselines/gate.json. Takes about 25 minutes on 2 cores.
# Usage: bench/cross-path.sh [--tags EXPR]   (the tags restrict steps 1 and 2, e.g. "@nvf or @regression")
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build src/Nvf.Cli -c Release -v quiet -nologo
cli=src/Nvf.Cli/bin/Release/net10.0
blis=/usr/lib/x86_64-linux-gnu/blis-pthread
[ -e "$blis/libblas.so.3" ] || { echo "cross-path: $blis/libblas.so.3 is missing; install libblis4-pthread" >&2; exit 2; }
logs=$(mktemp -d)
status=0

# Runs the gate with the given library path; prints its run id; records a failure in $status.
gate() {
  local name=$1 library_path=$2; shift 2
  local log="$logs/$name.log" code=0
  echo "cross-path: $name run (log: $log)" >&2
  LD_LIBRARY_PATH="$library_path" dotnet "$cli/nvf.dll" gate --out "$logs/$name-reports" "$@" >"$log" 2>&1 || code=$?
  grep -E "^machine:|GATE (PASSED|FAILED)|peak resident memory" "$log" >&2 || true
  [ "$code" -eq 0 ] || { echo "cross-path: the $name run FAILED against the baseline (exit $code)" >&2; status=1; }
  sed -n 's/^run \([0-9a-z-]*\) recorded in.*/\1/p' "$log" | tail -1
}

openblas=$(gate openblas "${LD_LIBRARY_PATH:-}" "$@")
blis_run=$(gate blis "$blis${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@")
dotnet "$cli/nvf.dll" compare "$openblas" "$blis_run" || true

# The planted regression: the same CLI beside a copy of the configs whose improved reranker stops after one epoch.
planted=$(mktemp -d)
mkdir -p "$planted/fixtures"
cp -r fixtures/configs "$planted/fixtures/"
sed -i 's/"maxEpochs": *[0-9]*/"maxEpochs": 1/' "$planted/fixtures/configs/nvf-reranker.improved.json"
cp -r "$cli" "$planted/bin"
log="$logs/planted.log"
if dotnet "$planted/bin/nvf.dll" gate --out "$logs/planted-reports" --tags "@nvf and not @clustered or @regression" >"$log" 2>&1; then
  echo "cross-path: the planted one-epoch reranker PASSED the gate: the baseline would miss a real regression" >&2
  status=1
elif grep -qE "nvf\.reranker\.improved\.|The improved reranker" "$log" && grep -q "GATE FAILED" "$log"; then
  echo "cross-path: the planted one-epoch reranker fails the gate, as it must:" >&2
  grep -E "nvf\.reranker\.improved\.|❌" "$log" | head -8 >&2
else
  echo "cross-path: the planted run failed, but not on the improved reranker (see $log)" >&2
  status=1
fi
rm -rf "$planted"
exit $status

#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with the .NET SDK, idempotently.
# Sourced by ./gate.sh and ./test.sh; safe to run again (installs only what is missing).
set -euo pipefail

# Native engines (libtorch, FAISS, OpenBLAS: without libopenblas0-pthread libtorch falls back to
# reference BLAS and matmul is ~30x slower), the shim toolchain, the interop-test Pythons and the
# browser that renders the HTML report in tests. BLIS is a second BLAS for the cross-path benchmark
# (bench/cross-path.sh): its libblas.so.3 alternative has priority 75, below OpenBLAS's 100, so it never
# becomes the default.
NVF_DEBIAN_PACKAGES=(
  libtorch-dev libfaiss-dev libopenblas0-pthread libblas-dev liblapack-dev libblis4-pthread
  cmake g++ make
  python3-numpy python3-torch python3-faiss
  chromium
  wordnet-base python3.11-doc
)

missing=()
for p in "${NVF_DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is not on PATH; install it first." >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The independent implementation the embedding parity test compares with (transformers.js on onnxruntime-node), from
# the npm registry; --ignore-scripts: onnxruntime-node's install script fetches CUDA binaries the CPU run never needs.
interop=tests/interop/transformersjs
if command -v npm >/dev/null && [ ! -d "$interop/node_modules/@huggingface/transformers" ]; then
  echo "setup: installing $interop (npm ci)"
  (cd "$interop" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "setup: npm ci in $interop failed; the embedding parity test will say it skipped" >&2
fi

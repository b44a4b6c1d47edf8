#!/usr/bin/env bash
# Issue "The gate as a library": NVF soft attention at the seed's config (1,000 x 128 database, MLP 128-128-128 and a
# learnable temperature, 50 epochs x 50,000 queries, batch 256, Adam 1e-3, 2 threads), trained by the gate
# (bench/Nvf.Experiments.Bench, libtorch 1.13 through Nvf.Torch) and by the same model in PyTorch 1.13 (Debian's
# python3-torch, bench/soft_attention_pytorch.py), one after the other on the same machine and BLAS. Prints both
# times, both accuracies and the ratio. PyTorch runs as a researcher runs it (OpenMP's default waiting policy) and, for
# reference, with OMP_WAIT_POLICY=PASSIVE, the policy the gate's libtorch uses.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build bench/Nvf.Experiments.Bench -c Release -v quiet -nologo
threads=${1:-2}
gate=$(dotnet bench/Nvf.Experiments.Bench/bin/Release/net10.0/Nvf.Experiments.Bench.dll soft-attention --threads "$threads" | tail -1)
echo "gate:    $gate"
torch_default=$(/usr/bin/python3 bench/soft_attention_pytorch.py "$threads" 50)
echo "pytorch: $torch_default"
torch_passive=$(OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/soft_attention_pytorch.py "$threads" 50)
echo "pytorch (OMP_WAIT_POLICY=PASSIVE): $torch_passive"
/usr/bin/python3 - "$gate" "$torch_default" "$torch_passive" <<'PY'
import json, re, sys
gate = float(re.search(r"([0-9.]+) s wall", sys.argv[1]).group(1))
default, passive = json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"soft attention, seed config: gate {gate:.1f} s; PyTorch {default['wall_seconds']:.1f} s ({default['wall_seconds'] / gate:.2f}x), "
      f"PyTorch with passive OpenMP waits {passive['wall_seconds']:.1f} s ({passive['wall_seconds'] / gate:.2f}x); target >= 6x")
PY

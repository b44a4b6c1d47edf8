#!/usr/bin/env bash
# Issue "The gate as a library": NVF soft attention at the seed's config (1,000 x 128 database, MLP 128-128-128 and a
# learnable temperature, 50 epochs x 50,000 queries, batch 256, Adam 1e-3), trained by the gate with the config's
# thread count (bench/Nvf.Experiments.Bench, libtorch 1.13 through Nvf.Torch) and by the same model in PyTorch 1.13
# (Debian's python3-torch, bench/soft_attention_pytorch.py), one after the other on the same machine and BLAS. Prints
# the times, the accuracies and the ratios. PyTorch runs as a researcher runs it (torch's default: one thread per core,
# OpenMP's default waiting policy) and, for reference, with one intra-op thread (the config's setting) and with
# OMP_WAIT_POLICY=PASSIVE (the policy the gate's libtorch uses).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build bench/Nvf.Experiments.Bench -c Release -v quiet -nologo
cores=$(nproc)
gate=$(dotnet bench/Nvf.Experiments.Bench/bin/Release/net10.0/Nvf.Experiments.Bench.dll soft-attention | tail -1)
echo "gate (the config's threads): $gate"
torch_default=$(/usr/bin/python3 bench/soft_attention_pytorch.py "$cores" 50)
echo "pytorch ($cores threads, as a researcher runs it): $torch_default"
torch_one=$(/usr/bin/python3 bench/soft_attention_pytorch.py 1 50)
echo "pytorch (1 intra-op thread): $torch_one"
torch_passive=$(OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/soft_attention_pytorch.py "$cores" 50)
echo "pytorch ($cores threads, OMP_WAIT_POLICY=PASSIVE): $torch_passive"
/usr/bin/python3 - "$gate" "$torch_default" "$torch_one" "$torch_passive" <<'PY'
import json, re, sys
gate = float(re.search(r"([0-9.]+) s wall", sys.argv[1]).group(1))
default, one, passive = (json.loads(a) for a in sys.argv[2:5])
print(f"soft attention, seed config: gate {gate:.1f} s; PyTorch {default['wall_seconds']:.1f} s ({default['wall_seconds'] / gate:.2f}x), "
      f"PyTorch with 1 thread {one['wall_seconds']:.1f} s ({one['wall_seconds'] / gate:.2f}x), "
      f"PyTorch with passive OpenMP waits {passive['wall_seconds']:.1f} s ({passive['wall_seconds'] / gate:.2f}x); target >= 6x")
PY

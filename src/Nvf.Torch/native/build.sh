#!/bin/sh
# Configures (once) and builds the libtorch shim. Called by Nvf.Torch.csproj (target BuildNativeShim).
# usage: build.sh <source dir> <build dir>
# Several projects reference Nvf.Torch and may build it at the same time: flock serialises them.
set -eu
src="$1"
out="$2"
mkdir -p "$out"
exec 9>"$out/build.lock"
flock 9
if [ ! -f "$out/CMakeCache.txt" ]; then
  cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release >"$out/configure.log" 2>&1 || {
    cat "$out/configure.log" >&2
    echo "nvftorch: CMake could not configure the shim; install: sudo apt-get install libtorch-dev libopenblas0-pthread cmake g++" >&2
    exit 1
  }
fi
cmake --build "$out" -j 2

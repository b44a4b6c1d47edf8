#!/bin/sh
# Builds libnvf_faiss.so with CMake. Run by the BuildFaissShim target of Nvf.Faiss.csproj.
# usage: build.sh <source dir> <build dir>
# Separate builds of projects that reference Nvf.Faiss may reach this at the same moment; an
# exclusive lock on the build directory makes the second wait instead of corrupting the first.
set -eu
source_dir="$1"
build_dir="$2"
mkdir -p "$build_dir"
exec 8>"$build_dir/.build.lock"
flock 8
if ! cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >"$build_dir/configure.log" 2>&1; then
  cat "$build_dir/configure.log" >&2
  echo "nvf_faiss: CMake could not configure the FAISS shim. Install its dependencies:" \
       "sudo apt-get install libfaiss-dev libblas-dev liblapack-dev libopenblas0-pthread cmake g++" >&2
  exit 1
fi
cmake --build "$build_dir"
# CMake leaves the library untouched when nothing relinks; MSBuild compares its time with the sources'.
touch "$build_dir/libnvf_faiss.so"

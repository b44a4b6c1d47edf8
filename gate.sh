#!/usr/bin/env bash
# Runs the research gate on generated data (or on your artifacts: see README.md), prints the
# verdict and writes the reports under artifacts/. Installs what is missing first.
# Extra arguments go to `nvf gate` (e.g. --tags @nvf, --config fixtures/configs/gate.json).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
dotnet build src/Nvf.Cli -c Release -v quiet -nologo
exec dotnet src/Nvf.Cli/bin/Release/net10.0/nvf.dll gate "$@"

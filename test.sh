#!/usr/bin/env bash
# Runs every test of the project: unit tests of each library and every Gherkin feature (the gate).
# Installs what is missing first (see scripts/setup.sh). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh

results=artifacts/test-results
rm -rf "$results"
status=0
# Build in parallel, then run the test assemblies one at a time (-m:1): the features' host holds the
# 584,000 x 768 payload and its index (peak ~7.5 GB), the FAISS tests another payload and index (~4 GB);
# side by side they would pass the 8 GB a laptop or CI can give.
dotnet build Nvf.Specs.sln -c Release -v quiet -nologo
dotnet test Nvf.Specs.sln -c Release --no-build -m:1 --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# One closing line over all test assemblies, counted from the TRX files, then each failed test with the first line of
# its message: a CI log that keeps only its tail still names what failed.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
failed = []
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    root = ET.parse(path).getroot()
    c = root.find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)); s += int(c.get("total", 0)) - int(c.get("executed", 0))
    for r in root.iterfind(".//{*}UnitTestResult"):
        if r.get("outcome") in ("Failed", "Error"):
            m = r.find(".//{*}Message")
            first = (m.text or "").strip().splitlines()[0] if m is not None and (m.text or "").strip() else "(no message)"
            failed.append(f"  FAILED {r.get('testName')}: {first[:400]}")
print("\n".join(failed + [f"{p} passed, {f} failed, {s} skipped"]))
PY
exit $status

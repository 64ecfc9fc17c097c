#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs every test project and prints the counts.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js is nodig voor de zoektests (lunr.js als referentie)." >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error

# The browser tests (tests/KennisSite.BrowserTests) drive Debian's Chromium headless, the offline zip is deflated
# with libdeflate (the golden pages show the zip's size), and the test of the published command line compiles it ahead
# of time, which links with clang or gcc (and the C library's development files): install what is missing.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ldconfig -p 2>/dev/null | grep 'libdeflate\.so\.0' >/dev/null || missing+=(libdeflate0)
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Ontbreekt: ${missing[*]}; installeren (apt-get install) voor de tests."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Installeer ${missing[*]} (apt-get install), of zet KENNIS_CHROMIUM op het pad van een Chromium." >&2
    exit 1
  fi
fi
export KENNIS_CHROMIUM="${KENNIS_CHROMIUM:-$(command -v chromium)}"
# Screenshots of every page kind at 375 and 1280 px (artifacts/ is ignored by git).
export KENNIS_ARTIFACTS="${KENNIS_ARTIFACTS:-$PWD/artifacts/browser}"

# Build everything (the benchmark project too, so it keeps compiling), then run each test project with its own results file.
dotnet build KennisSite.sln -c Release
results="$(mktemp -d)"
status=0
for project in tests/KennisSite.Tests tests/KennisSite.BrowserTests; do
  name="$(basename "$project")"
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

echo "Screenshots van de browsertests: $KENNIS_ARTIFACTS/screenshots"

# One plain closing line with the counts of all test projects together.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status

#!/usr/bin/env bash
# Installs what the tests need (OCR tools; PostgreSQL, which the PostgreSQL-mode tests start and stop
# themselves on a free loopback port), builds, runs every test project, and prints one closing line:
#   tests: N passed, M failed
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
if ((${#need[@]})); then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "Could not install ${need[*]}; OCR tests will see the tools as absent and browser tests will fail." >&2; }
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet restore EvidenceHub.sln --verbosity quiet || { echo "tests: 0 passed, 1 failed"; exit 1; }
dotnet build EvidenceHub.sln --no-restore -c Release --verbosity quiet -clp:ErrorsOnly || { echo "tests: 0 passed, 1 failed"; exit 1; }

# The layout .editorconfig sets, as `dotnet format` leaves it: whitespace only, over the files on disk
# (--folder: no project loading, a few seconds). The style and analyzer passes would compile the whole
# solution a second time (about 100 s of CPU), and the build already fails on every analyzer warning.
# A difference counts as a failed test; the tests still run.
format_failed=0
if ! dotnet format whitespace --folder --exclude '**/bin/' '**/obj/' --verify-no-changes --verbosity quiet; then
  format_failed=1
  echo "dotnet format: the files above are not laid out as .editorconfig says; run 'dotnet format EvidenceHub.sln' and commit the result." >&2
fi

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build -c Release --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$format_failed" -ne 0 ]; then
  echo "dotnet format --verify-no-changes failed (counted as one failed test): run 'dotnet format EvidenceHub.sln'."
  failed=$((failed + 1))
fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

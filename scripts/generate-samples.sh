#!/usr/bin/env bash
# Renders the sample inquiry (samples/lbn: invented submitters and witnesses) into real files —
# PDFs, Word files, text and a manifest.csv — exactly as the app loads them at start-up.
# Usage: scripts/generate-samples.sh [OUTDIR]   (default: ./samples-out)
set -euo pipefail
out="$(realpath -m "${1:-samples-out}")"
cd "$(dirname "$0")/.."
exec dotnet run --project src/EvidenceHub.Api -c Release -- generate-samples "$out"

#!/usr/bin/env bash
# Runs EvidenceHub on the embedded default (SQLite, in-memory job queue, index and files under ./data)
# at http://127.0.0.1:5000. Extra arguments go to the app, e.g. --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
urls="http://127.0.0.1:5000"
exec dotnet run --project src/EvidenceHub.Api -c Release -- --urls "$urls" "$@"

#!/usr/bin/env bash
# Runs extraction over every file in a folder (recursively) and prints a Markdown table:
# one row per file with its status or the reason it failed, pages, passages, words, word coverage (the share of
# the file's words found in its passages; bold and flagged under 98%) and time, then totals. Files under a
# "transcripts" folder are read as oral evidence.
# Usage: scripts/corpus-check.sh DIR
set -euo pipefail
if [[ $# -ne 1 || ! -d "$1" ]]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
DIR="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."
exec dotnet run --project src/EvidenceHub.Api -c Release -- corpus-check "$DIR"

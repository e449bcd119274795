#!/usr/bin/env bash
# Measures EvidenceHub beside the peers a user would otherwise pick, in one run on this machine, and
# prints Markdown tables: PDF extraction against pdftotext, indexing, query latency in-process and over
# HTTP against PostgreSQL full-text search, upload to searchable, searches/s under load (wrk), small-file
# ingest (1,000 short texts on the embedded default), ranking quality on relevance collections against a
# plain BM25 index (nDCG@10, MAP@100, P@10, R@100) and replica lag between two nodes on PostgreSQL.
#
#   scripts/bench.sh [--quick] [PDF_FOLDER ...]
#
# --quick: a 20k-passage corpus and short runs (a few minutes). Full mode: 100k and 1M passages.
# Every PDF_FOLDER is also run through the extraction comparison. BENCH_KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
folders=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) folders+=("$(realpath "$arg")") ;;
  esac
done

if [ "$mode" = quick ]; then
  # The warm-up is as long as in full mode: with 5 s the API was measured in the JIT's early tiers
  # (HTTP p50 23.9 ms against 6.5 ms with 20 s, at 20k passages, 2026-12-02).
  sizes=(20000); rounds=5; pdf_count=10; uploads=20; wrk_seconds=10; warmup_seconds=20
else
  sizes=(100000 1000000); rounds=10; pdf_count=60; uploads=20; wrk_seconds=30; warmup_seconds=20
fi
export BENCH_WARMUP_SECONDS=$warmup_seconds

# --- what the benchmark needs (Debian packages) ---------------------------------------------------
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if ((${#need[@]})); then
  echo "Installing Debian packages: ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

work="$(mktemp -d /tmp/evidencehub-bench.XXXXXX)"
chmod 755 "$work"
export BENCH_REPORT="$work/report"
api_pid=""
pg_data="$work/pg/data"

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_api() { if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; api_pid=""; fi; }
node_pids=()
stop_nodes() { for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; node_pids=(); }
cleanup() {
  stop_api
  stop_nodes
  if [ -f "$pg_data/postmaster.pid" ]; then as_pg "$pgbin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap "exit 130" INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
label() { local n=$1; if ((n % 1000000 == 0)); then echo "$((n / 1000000))M passages"; else echo "$((n / 1000))k passages"; fi; }

# start_node URL LOG VAR=VALUE…: the real API at URL with those settings (on top of the bench's own), in the
# background, with the bench administrator; returns once /health answers. node_token URL signs in there.
node_password="bench-$(date +%s)-$RANDOM-$RANDOM"
start_node() {
  local url=$1 log=$2; shift 2
  env ASPNETCORE_ENVIRONMENT=Production EvidenceHub__LoadSamples=false \
    EvidenceHub__Admin__Email=bench@localhost EvidenceHub__Admin__Password="$node_password" "$@" \
    dotnet "$api_dll" --urls "$url" >"$log" 2>&1 &
  node_pids+=($!)
  for _ in $(seq 1 240); do curl -fs "$url/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "A node did not start; see $log" >&2; BENCH_KEEP=1; exit 1
}
node_token() {
  curl -fs "$1/api/auth/token" -H 'content-type: application/json' \
    -d "{\"email\":\"bench@localhost\",\"password\":\"$node_password\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

echo "Building (Release)…" >&2
dotnet build EvidenceHub.sln -c Release --verbosity quiet -clp:ErrorsOnly >&2
bench=(dotnet scripts/EvidenceHub.Bench/bin/Release/net10.0/EvidenceHub.Bench.dll)
api_dll=src/EvidenceHub.Api/bin/Release/net10.0/EvidenceHub.Api.dll

# --- PostgreSQL on 127.0.0.1 in the work folder ---------------------------------------------------
pg_port="$(free_port)"
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_pg "$pgbin/initdb" -D "$pg_data" -U bench -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Tuned for a fair read benchmark on this machine: memory for the whole corpus, no JIT (it adds
# ~100 ms to large plans), parallel workers on both cores; durability off only because the data is scratch.
as_pg "$pgbin/pg_ctl" -D "$pg_data" -l "$work/pg/log" -w start -o "-h 127.0.0.1 -p $pg_port -k $work/pg \
  -c shared_buffers=4GB -c effective_cache_size=16GB -c work_mem=256MB -c maintenance_work_mem=2GB \
  -c jit=off -c max_parallel_workers_per_gather=2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
pg="Host=127.0.0.1;Port=$pg_port;Username=bench;Database=postgres;Timeout=60;Command Timeout=0"
pg_version="$(as_pg "$pgbin/postgres" --version)"

# --- 2. extraction: ours (through the server's pool of extraction child processes) against pdftotext --
echo "Extraction…" >&2
export BENCH_API_DLL="$PWD/$api_dll"
"${bench[@]}" extract-overhead 2000 >/dev/null
"${bench[@]}" generate-pdfs "$work/pdf" "$pdf_count" 10
"${bench[@]}" extract "$work/pdf" "generated, 10 pages each" >/dev/null
for folder in "${folders[@]}"; do
  "${bench[@]}" extract "$folder" "$(basename "$(dirname "$folder")")/$(basename "$folder")" >/dev/null
done

"${bench[@]}" wrk-script "$work/mix.lua"

echo "Campaign detection…" >&2
if [ "$mode" = quick ]; then campaign_letters=(5000); else campaign_letters=(5000 50000); fi
for n in "${campaign_letters[@]}"; do "${bench[@]}" campaigns "$n" >/dev/null; done
"${bench[@]}" campaign-step "$work/campaign-step" 2000 >/dev/null
"${bench[@]}" campaign-step "$work/campaign-groups" 2000 25 >/dev/null

for n in "${sizes[@]}"; do
  name="$(label "$n")"
  data="$work/data-$n"
  echo "== $name ==" >&2
  # --- 3. the corpus into the API's database, and into its index through PassageIndex (timed) -------
  "${bench[@]}" load-db "$data" "$n"
  "${bench[@]}" index "$data" "$n" >/dev/null
  # --- 3b. the draft-report checker over the first inquiry of that database (first size only) ---------
  [ "$n" = "${sizes[0]}" ] && "${bench[@]}" drafts "$data" >/dev/null
  # --- 4. query latency in-process --------------------------------------------------------------------
  "${bench[@]}" query-inprocess "$data" "$work/inprocess-$n.json" "$rounds"
  "${bench[@]}" spelling "$data" "$name" "$rounds" >/dev/null

  # --- the real API on that data directory ------------------------------------------------------------
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  # The searches are a researcher's: signed in (a bearer token), so every submission counts, whatever its publication.
  admin_password="bench-$(date +%s)-$RANDOM-$RANDOM"
  EvidenceHub__DataDirectory="$data" EvidenceHub__LoadSamples=false ASPNETCORE_ENVIRONMENT=Production \
  EvidenceHub__Admin__Email=bench@localhost EvidenceHub__Admin__Password="$admin_password" \
    dotnet "$api_dll" --urls "$url" >"$work/api-$n.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 240); do curl -fs "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/health" >/dev/null || { echo "The API did not start; see $work/api-$n.log" >&2; BENCH_KEEP=1; exit 1; }
  EVIDENCEHUB_TOKEN="$(curl -fs "$url/api/auth/token" -H 'content-type: application/json' \
    -d "{\"email\":\"bench@localhost\",\"password\":\"$admin_password\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')"
  export EVIDENCEHUB_TOKEN
  "${bench[@]}" query-http "$url" "$work/http-$n.json" "$rounds" "$n"

  # --- 7. throughput under load: wrk, 16 connections, the same mix ------------------------------------
  wrk -t2 -c16 -d"${wrk_seconds}s" --timeout 10s --latency -s "$work/mix.lua" "$url" >"$work/wrk-$n.txt"
  awk -v corpus="$name" -v secs="$wrk_seconds" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad += $NF } /Socket errors/ { sock = $0 }
    /requests in/ { total = $1 }
    END { printf "| %s | wrk, 16 connections, 2 threads, %s s (%s requests) | %.0f | %.1f / %.1f | %d non-2xx%s |\n",
          corpus, secs, total, rps, p50, p99, bad, (sock ? "; " sock : "") }' "$work/wrk-$n.txt" >"$work/load-row"
  [ -f "$BENCH_REPORT/load.md" ] || printf '| corpus | client | searches/s | p50 / p99 ms | errors |\n|---|---|---|---|---|\n' >"$BENCH_REPORT/load.md"
  cat "$work/load-row" >>"$BENCH_REPORT/load.md"

  # --- 6. upload to searchable (after the measurements above: it adds submissions) ---------------------
  "${bench[@]}" upload "$url" "$uploads" "$name" >/dev/null
  stop_api

  # --- 5. the PostgreSQL peer --------------------------------------------------------------------------
  "${bench[@]}" pg-load "$pg" "$n"
  "${bench[@]}" pg-query "$pg" "$work/pg-$n.json" "$rounds"
  "${bench[@]}" latency-table "$name" "$work/inprocess-$n.json" "$work/http-$n.json" "$work/pg-$n.json" >/dev/null
  rm -rf "$data"
done

# --- 8. ranking quality: relevance collections uploaded through the real intake, against plain BM25 ------
echo "Relevance…" >&2
url="http://127.0.0.1:$(free_port)"
start_node "$url" "$work/api-relevance.log" EvidenceHub__DataDirectory="$work/data-relevance"
EVIDENCEHUB_TOKEN="$(node_token "$url")" "${bench[@]}" relevance "$url" ../shared/corpus/ir/cisi samples/lbn >/dev/null
stop_nodes

# --- 9. small-file ingest: 1,000 short texts into an empty server on the embedded default, new and warm -----
echo "Small-file ingest…" >&2
url="http://127.0.0.1:$(free_port)"
start_node "$url" "$work/api-ingest.log" EvidenceHub__DataDirectory="$work/data-ingest"
EVIDENCEHUB_TOKEN="$(node_token "$url")" "${bench[@]}" ingest "$url" 1000 "embedded (SQLite + in-memory queue), just started" >/dev/null
stop_nodes
# The same on a server that has run the pipeline before (2,000 untimed files first). .NET compiles a method quickly
# first, then with instrumentation, then optimised from what it saw: through a new server's first thousand files
# 9,000 methods are still being recompiled (DOTNET_JitDisasmSummary, 2026-12-02) and that took a third of its CPU.
# An inquiry's server has been up long before a consultation closes.
url="http://127.0.0.1:$(free_port)"
start_node "$url" "$work/api-ingest-warm.log" EvidenceHub__DataDirectory="$work/data-ingest-warm"
EVIDENCEHUB_TOKEN="$(node_token "$url")" "${bench[@]}" ingest "$url" 1000 "embedded (SQLite + in-memory queue)" 2000 >/dev/null
stop_nodes

# --- 10. replica lag: two nodes on the PostgreSQL above, each its own index, one files folder -------------
echo "Replica lag…" >&2
cluster=(EvidenceHub__Storage=PostgreSql "ConnectionStrings__EvidenceHub=Host=127.0.0.1;Port=$pg_port;Username=bench;Database=evidencehub_nodes;Timeout=60"
  EvidenceHub__FilesDirectory="$work/nodes/files")
url_a="http://127.0.0.1:$(free_port)"
start_node "$url_a" "$work/node-a.log" "${cluster[@]}" EvidenceHub__DataDirectory="$work/nodes/a"
url_b="http://127.0.0.1:$(free_port)"
start_node "$url_b" "$work/node-b.log" "${cluster[@]}" EvidenceHub__DataDirectory="$work/nodes/b"
EVIDENCEHUB_TOKEN="$(node_token "$url_a")" "${bench[@]}" replica-lag "$url_a" "$url_b" 200 10 "2 nodes (web,worker), PostgreSQL" >/dev/null
stop_nodes

# --- the report ---------------------------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo
echo "EvidenceHub benchmark ($mode), $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $mem RAM, .NET $(dotnet --version), $pg_version, $(pdftotext -v 2>&1 | head -n 1)."
for table in extraction extraction-overhead indexing latency spelling upload load relevance relevance-speed ingest replica campaigns drafts; do
  echo
  case "$table" in
    extraction) echo "**PDF extraction** (both with $(nproc) files at a time, ours through $(nproc) extraction child processes as the server reads; pages/s and words found):" ;;
    extraction-overhead) echo "**Extraction child process overhead** on a short text file (ms per file; the pool as the server runs it, one child per core):" ;;
    indexing) echo "**Indexing** into Lucene through PassageIndex (one thread, one commit; peak working set of the indexing process):" ;;
    latency) echo "**Query latency**, the fixed mix of 20 queries × $rounds rounds after a warm-up of at least 3 rounds and ${warmup_seconds} s (ms; HTTP = the real API over loopback, whole JSON read; PostgreSQL = tsvector GIN, ts_rank_cd, top 20 submissions with ts_headline, the same facet counts by GROUP BY):" ;;
    spelling) echo "**Did you mean** (in-process, $rounds rounds after three of warm-up: each query with and without looking for a better spelling; only a search that finds fewer than 3 submissions looks):" ;;
    upload) echo "**Upload to searchable** through the real API (from the 202 to the first search hit for a word only that upload contains):" ;;
    load) echo "**Throughput under load** (the same 20-query mix, through the real API):" ;;
    relevance) echo "**Ranking quality**: each collection uploaded through the real intake as text submissions (titles as titles), each judged query run as the OR of its words (lower-cased, at most 100 words) through HTTP (pageSize=100) and through a plain Lucene BM25 index (EnglishAnalyzer, title and text in one field) built in the same run:" ;;
    relevance-speed) echo "**A page of 100 hits**: ten-word OR queries on those inquiries (the server's own tookMs, and the whole request as the client sees it):" ;;
    ingest) echo "**Small-file ingest** through the real API (short texts of four paragraphs; from the first byte sent until a signed-in search counts them all):" ;;
    campaigns) echo "**Campaign detection** over generated letters with known truth (copies of templates with paragraphs added, dropped and reordered, greetings changed and typos, among unrelated letters on the same topic; one thread; pairwise precision and recall, own-words precision):" ;;
    drafts) echo "**Draft-report checker** (a generated 40-page report of 200 footnoted quotations, read, checked and written back with a comment at each finding, as the API does; first run, then the median of four more):" ;;
    replica) echo "**Replica lag** between two real nodes on one PostgreSQL database (from A's status first saying indexed to B's search first finding it, both polled every 20 ms):" ;;
  esac
  echo
  cat "$BENCH_REPORT/$table.md"
done

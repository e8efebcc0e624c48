#!/usr/bin/env bash
# Load test of lede serve: requests/s, latency and server memory for a
# story page and a diff page on a database of N synthetic revisions
# (default 100,000), measured with wrk on loopback.
#
#   web/testdata/loadtest.sh [N] [DURATION]        e.g. web/testdata/loadtest.sh 100000 20s
#
# Needs wrk (Debian: apt-get install wrk). Builds lede, generates the
# corpus of revision/revisiontest, ingests it with lede ingest (the
# database is kept in $LEDE_LOADTEST_DIR, default /tmp/lede-loadtest-N,
# and reused by the next run), serves it on a free loopback port and runs
# wrk with 2 threads and 16 connections against each page. Besides wrk's
# figures it prints the server's CPU time per request (user + system),
# which other work on the machine does not inflate as it does latency.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-100000}
duration=${2:-20s}
dir=${LEDE_LOADTEST_DIR:-/tmp/lede-loadtest-$n}
port=${LEDE_LOADTEST_PORT:-18181}
command -v wrk >/dev/null || { echo "loadtest: wrk not found (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$dir"
go build -o "$dir/lede" ./cmd/lede
lede() { "$dir/lede" --db "$dir/lede.db" "$@"; }

# A database kept from a run of an older lede (an older schema) is built again.
if [ -s "$dir/lede.db" ] && ! lede check >/dev/null 2>&1; then
	echo "database: unreadable by this lede, building it again"
	rm -f "$dir/lede.db"
fi
if [ ! -s "$dir/lede.db" ]; then
	go run ./web/testdata/gencorpus -n "$n" "$dir/pages"
	start=$(date +%s)
	lede ingest --batch 1000 "$dir/pages" >/dev/null
	echo "ingest: $n pages in $(( $(date +%s) - start ))s"
	rm -rf "$dir/pages"
fi
echo "database: $(du -h "$dir/lede.db" | cut -f1), $(lede check --json | sed -n 's/.*"revisions": *\([0-9]*\).*/\1/p') revisions"

# A story of several versions, from the middle of the list.
story=$(lede stories --json --limit 2000 |
	python3 -c 'import json,sys; l=[s for s in json.load(sys.stdin) if len(s["versions"])>=4]; print(l[len(l)//2]["id"], len(l[len(l)//2]["versions"]))')
set -- $story
id=$1 versions=$2
echo "story: $id ($versions versions)"

"$dir/lede" --db "$dir/lede.db" serve --addr "127.0.0.1:$port" 2>"$dir/serve.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
	curl -fs -o /dev/null "http://127.0.0.1:$port/api/stories?limit=1" && break
	sleep 0.1
done
# CPU time the server has used, in clock ticks (user + system).
cputicks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
rss() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MiB  ", $1, $2/1024} END {print ""}' "/proc/$pid/status"; }
echo "server memory at start: $(rss)"

for page in "/s/$id" "/s/$id/diff?from=1&to=$versions" "/s/$id/diff?from=1&to=$versions&view=side" "/api/stories/$id/diff?from=1&to=$versions"; do
	url="http://127.0.0.1:$port$page"
	echo
	echo "== GET $page ($(curl -fs "$url" | wc -c) bytes)"
	wrk -t2 -c16 -d2s "$url" >/dev/null # warm-up
	before=$(cputicks)
	wrk -t2 -c16 -d"$duration" --latency "$url" | tee "$dir/wrk.out" | grep -E 'Requests/sec|Latency  |^ +(50|90|99)%|requests in|Non-2xx'
	requests=$(awk '/requests in/ {print $1}' "$dir/wrk.out")
	echo "server CPU: $(awk -v t=$(( $(cputicks) - before )) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.3f ms per request", t * 1000 / hz / n}')"
	echo "server memory: $(rss)"
done

package main

import (
	"os"
	"runtime/debug"
)

// An ingest's live data is a batch or two (parses, compressed pages,
// bbolt's dirty pages): some 25-45 MiB. Left to the default GOGC of 100
// the collector runs every time the heap doubles that, and on 20,000
// pages it was a quarter of the command's CPU (12.8 s with a 64 MiB
// soft limit, 10.1 s with these settings; BENCHMARKS.md). So ingest lets
// the heap grow to five times its live data, but never past a soft limit
// of 128 MiB, which bounds the peak: the heap collects at the limit
// whatever the run's length, so peak RSS stays flat in the number of
// pages (about 150 MiB with the binary and bbolt's mapped pages, under
// the 200 MiB that issue 15 allows). The limit is soft: a larger live
// heap (a batch of huge pages) only makes the collector work harder,
// never fails.
//
// Live data grows with --batch, about 40 KiB a page of the batch (40 MiB
// live at 500 pages, 99 MiB at 2,000, GODEBUG=gctrace=1 on 20,000
// pages). Under a fixed 128 MiB, --batch 2000 left the collector 29 MiB
// of headroom and ran 10.9 s against 8.0 s with 192 MiB. So a batch
// larger than the default keeps the default's headroom above what it
// holds: the limit is the larger of 128 MiB and 40 KiB a page plus 88
// MiB.
const (
	ingestGCPercent   = 400
	ingestMemoryLimit = 128 << 20
	ingestLivePerPage = 40 << 10
	ingestHeadroom    = 88 << 20
)

// ingestLimit is the soft memory limit of an ingest in batches of batch
// pages.
func ingestLimit(batch int) int64 {
	return max(ingestMemoryLimit, int64(batch)*ingestLivePerPage+ingestHeadroom)
}

// limitIngestMemory sets the collector settings of an ingest in batches
// of batch pages, unless the user chose them with GOGC or GOMEMLIMIT.
func limitIngestMemory(batch int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(ingestGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestLimit(batch))
	}
}

// A command that reads a few pages and exits (diff, parse) lives for
// milliseconds, and on large pages the collector's work while its heap
// grows from nothing is much of what it spends: lede diff of two 1 MB
// pages took 62 ms under the default GOGC of 100 and 45 ms with 400, and
// of two unrelated ones 25 and 10 (BENCHMARKS.md). Such a command lets the
// heap grow to five times its live data, under a soft limit that bounds
// what that costs on huge input.
const (
	oneShotGCPercent   = 400
	oneShotMemoryLimit = 256 << 20
)

// tuneOneShotGC sets the one-shot collector settings, unless the user
// chose them with GOGC or GOMEMLIMIT.
func tuneOneShotGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(oneShotGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(oneShotMemoryLimit)
	}
}

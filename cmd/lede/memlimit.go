package main

import (
	"os"
	"runtime/debug"
)

// ingestMemoryLimit is the soft limit of the Go heap during an ingest.
// Its live data is a batch or two (parses, compressed pages, bbolt's
// dirty pages): some 25-45 MiB. Without a limit the collector lets the
// heap grow to twice the live data, and a batch that happens to peak
// late in a long run raised the run's peak by 20 MiB; with it, peak RSS
// at 10^5 pages stays within 1.15x of 10^4 (BENCHMARKS.md). The limit is
// soft: a larger live heap only makes the collector work harder, never
// fails.
const ingestMemoryLimit = 64 << 20

// limitIngestMemory sets ingestMemoryLimit unless the user chose a limit
// with GOMEMLIMIT.
func limitIngestMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
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

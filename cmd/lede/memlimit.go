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

package main

import (
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestIngestLimitsMemory checks that an ingest sets its collector
// settings, and leaves GOGC and GOMEMLIMIT the user chose alone.
func TestIngestLimitsMemory(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	db := filepath.Join(t.TempDir(), "lede.db")
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if r := runIn(t, fakeProc{}, "--db", db, "ingest", firstPage); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if got := debug.SetGCPercent(100); got != ingestGCPercent {
		t.Errorf("GOGC during ingest %d, want %d", got, ingestGCPercent)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != ingestMemoryLimit {
		t.Errorf("memory limit during ingest %d, want %d", got, ingestMemoryLimit)
	}
	// A larger batch holds more: the limit keeps the default's headroom.
	if r := runIn(t, fakeProc{}, "--db", db, "ingest", "--batch", "2000", firstPage); r.code != 0 {
		t.Fatalf("ingest --batch 2000: exit %d: %s", r.code, r.stderr)
	}
	if got, want := debug.SetMemoryLimit(math.MaxInt64), int64(2000*40<<10+88<<20); got != want {
		t.Errorf("memory limit during ingest --batch 2000: %d, want %d", got, want)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	runIn(t, fakeProc{}, "--db", db, "ingest", "--batch", "1000", firstPage)
	if got := debug.SetMemoryLimit(math.MaxInt64); got != ingestMemoryLimit {
		t.Errorf("memory limit during ingest --batch 1000: %d, want %d (1000 pages fit the default)", got, ingestMemoryLimit)
	}
	debug.SetGCPercent(100)
	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "1GiB")
	runIn(t, fakeProc{}, "--db", db, "ingest", firstPage)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, ingest changed it to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, ingest changed the limit to %d", got)
	}
}

// TestDiffTunesCollector checks that diff lets the heap grow further
// between collections under a soft limit, and leaves GOGC and GOMEMLIMIT
// the user chose alone.
func TestDiffTunesCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if r := runIn(t, fakeProc{}, "diff", firstPage, firstPage); r.code != 0 {
		t.Fatalf("diff: exit %d: %s", r.code, r.stderr)
	}
	if got := debug.SetGCPercent(100); got != oneShotGCPercent {
		t.Errorf("GOGC during diff %d, want %d", got, oneShotGCPercent)
	}
	if got := debug.SetMemoryLimit(math.MaxInt64); got != oneShotMemoryLimit {
		t.Errorf("memory limit during diff %d, want %d", got, oneShotMemoryLimit)
	}
	t.Setenv("GOGC", "100")
	t.Setenv("GOMEMLIMIT", "1GiB")
	runIn(t, fakeProc{}, "diff", firstPage, firstPage)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, diff changed it to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, diff changed the limit to %d", got)
	}
}

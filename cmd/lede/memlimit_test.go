package main

import (
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestIngestLimitsMemory checks that an ingest sets its soft heap limit,
// and leaves one the user chose with GOMEMLIMIT alone.
func TestIngestLimitsMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	db := filepath.Join(t.TempDir(), "lede.db")
	t.Setenv("GOMEMLIMIT", "")
	if r := runIn(t, fakeProc{}, "--db", db, "ingest", firstPage); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if got := debug.SetMemoryLimit(-1); got != ingestMemoryLimit {
		t.Errorf("memory limit during ingest %d, want %d", got, ingestMemoryLimit)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	t.Setenv("GOMEMLIMIT", "1GiB")
	runIn(t, fakeProc{}, "--db", db, "ingest", firstPage)
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, ingest changed the limit to %d", got)
	}
}

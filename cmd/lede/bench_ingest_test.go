//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lede/revision/revisiontest"
)

// ingestCLISizes are the page counts of BenchmarkIngestCLI.
var ingestCLISizes = []int{10_000, 100_000}

// BenchmarkIngestCLI runs the built binary as a user would, "lede --db
// NEW ingest DIR" with default settings, on a directory of n synthetic
// pages (revision/revisiontest, seed 2, one file a page) into a new
// database, and reports the command's own peak resident memory (the
// child's rusage Maxrss, which counts the database pages bbolt has
// mapped and touched) and pages per second of its wall time. Peak memory
// must be flat in n: the batch bounds it, not the run. One op is one
// run; run one size per invocation on a quiet machine:
//
//	go test ./cmd/lede -run '^$' -bench 'IngestCLI/pages=100000$' -benchtime 1x -timeout 60m
func BenchmarkIngestCLI(b *testing.B) {
	for _, n := range ingestCLISizes {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			bin := binary(b)
			pages := filepath.Join(b.TempDir(), "pages")
			if _, err := revisiontest.WriteDir(pages, revisiontest.Config{Seed: 2, Revisions: n}); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				wall, rss := ingestRun(b, bin, pages, n)
				b.ReportMetric(float64(n)/wall.Seconds(), "pages/s")
				b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MiB")
				b.ReportMetric(wall.Seconds(), "wall-s")
			}
		})
	}
}

// ingestRun ingests dir into a new database with the binary at bin and
// returns its wall time and peak resident memory in bytes; it fails
// unless every one of the n pages was stored.
func ingestRun(b *testing.B, bin, dir string, n int) (time.Duration, int64) {
	cmd := exec.Command(bin, "--db", filepath.Join(b.TempDir(), "lede.db"), "ingest", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		b.Fatalf("lede ingest: %v\n%s", err, stderr.String())
	}
	out := strings.TrimSuffix(stdout.String(), "\n")
	summary := out[strings.LastIndexByte(out, '\n')+1:]
	if !strings.HasPrefix(summary, fmt.Sprintf("%d inputs: ", n)) || !strings.Contains(summary, " 0 duplicates, 0 errors") {
		b.Fatalf("summary %q: want %d pages stored", summary, n)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Fatal("no rusage for the child")
	}
	return wall, ru.Maxrss << 10 // KiB on Linux
}

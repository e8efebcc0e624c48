//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
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
// kernel's high-water mark of its resident set, VmHWM, which counts the
// database pages bbolt has mapped and touched) and pages per second of
// its wall time. Peak memory
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
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	hwm := watchHighWater(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	peak := hwm()
	if err != nil {
		b.Fatalf("lede ingest: %v\n%s", err, stderr.String())
	}
	out := strings.TrimSuffix(stdout.String(), "\n")
	summary := out[strings.LastIndexByte(out, '\n')+1:]
	if !strings.HasPrefix(summary, fmt.Sprintf("%d inputs: ", n)) || !strings.Contains(summary, " 0 duplicates, 0 errors") {
		b.Fatalf("summary %q: want %d pages stored", summary, n)
	}
	if peak == 0 {
		b.Fatal("no resident set high-water mark read for the child")
	}
	return wall, peak
}

// watchHighWater samples the VmHWM of process pid every 2 ms until the
// returned function is called, after the process ended, and returns the
// last, highest mark in bytes. The child's rusage Maxrss would be
// simpler but is wrong here: Go starts a child with vfork, and Linux
// records the parent's own high-water mark in the child's at exec, so a
// benchmark process that has grown (the pages it wrote, the output it
// kept of an earlier run) shows as the child's peak. VmHWM only rises;
// the last sample misses at most the final 2 ms of the run.
func watchHighWater(pid int) func() int64 { return watchStatus(pid, "VmHWM:") }

// watchStatus samples the field (such as "VmHWM:", in kB) of process
// pid's /proc status every 2 ms until the returned function is called,
// and returns the highest value seen, in bytes.
func watchStatus(pid int, field string) func() int64 {
	var peak atomic.Int64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		status := fmt.Sprintf("/proc/%d/status", pid)
		for {
			if data, err := os.ReadFile(status); err == nil {
				if i := bytes.Index(data, []byte(field)); i >= 0 {
					var kib int64
					fmt.Sscanf(string(data[i+len(field):]), "%d", &kib)
					peak.Store(max(peak.Load(), kib<<10))
				}
			}
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() int64 {
		close(done)
		<-stopped
		return peak.Load()
	}
}

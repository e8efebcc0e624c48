//go:build linux

package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"lede/revision/revisiontest"
)

// BenchmarkStoriesJSON times "lede stories --json" as a user runs it, on
// a database of n synthetic revisions (revision/revisiontest, seed 2)
// that the same binary ingested first, and reports the command's wall
// time and peak resident memory (VmHWM, see watchHighWater), the ingest
// that built the database, and a baseline taken in the same run:
// sha256sum of the database file, the cost of reading it once. The
// output's SHA-256 is logged, so that two binaries can be compared on
// the same pages: LEDE_BENCH_BINARY names another lede binary to run
// instead of this one (an older one writes the older schema), and
// LEDE_BENCH_PAGES a directory to keep the pages in between runs, since
// sources name their paths.
//
//	LEDE_BENCH_PAGES=/tmp/pages go test ./cmd/lede -run '^$' -bench 'StoriesJSON/revs=100000$' -benchtime 1x -timeout 30m
func BenchmarkStoriesJSON(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("revs=%d", n), func(b *testing.B) {
			bin := os.Getenv("LEDE_BENCH_BINARY")
			if bin == "" {
				bin = binary(b)
			}
			pages := benchPages(b, n)
			db := filepath.Join(b.TempDir(), "lede.db")
			ingestWall, ingestRSS := runMeasured(b, io.Discard, bin, "--db", db, "ingest", pages)
			hashWall, _ := runMeasured(b, io.Discard, "sha256sum", db)
			b.ResetTimer()
			for b.Loop() {
				h := sha256.New()
				wall, rss := runMeasured(b, h, bin, "--db", db, "stories", "--json")
				b.ReportMetric(wall.Seconds(), "wall-s")
				b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MiB")
				b.ReportMetric(float64(lastAnon)/(1<<20), "peak-anon-MiB")
				b.ReportMetric(wall.Seconds()/hashWall.Seconds(), "x-sha256sum")
				b.ReportMetric(float64(n)/ingestWall.Seconds(), "ingest-revs/s")
				b.ReportMetric(float64(ingestRSS)/(1<<20), "ingest-peak-rss-MiB")
				b.Logf("revs=%d: stories --json sha256 %x; sha256sum of the %d MiB file %.3fs", n, h.Sum(nil), fileMiB(db), hashWall.Seconds())
			}
		})
	}
}

// benchPages writes n synthetic pages, into $LEDE_BENCH_PAGES/N when
// set (kept, and reused when already there), else into a temporary
// directory.
func benchPages(b *testing.B, n int) string {
	dir := filepath.Join(b.TempDir(), "pages")
	if keep := os.Getenv("LEDE_BENCH_PAGES"); keep != "" {
		dir = filepath.Join(keep, fmt.Sprint(n))
		if names, err := os.ReadDir(dir); err == nil && len(names) == n {
			return dir
		}
	}
	if _, err := revisiontest.WriteDir(dir, revisiontest.Config{Seed: 2, Revisions: n}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// runMeasured runs name with args, its stdout to out, and returns its
// wall time and peak resident memory; it fails the benchmark unless the
// command exits 0.
func runMeasured(b *testing.B, out io.Writer, name string, args ...string) (time.Duration, int64) {
	cmd := exec.Command(name, args...)
	cmd.Stdout = out
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	hwm := watchHighWater(cmd.Process.Pid)
	anon := watchStatus(cmd.Process.Pid, "RssAnon:")
	err := cmd.Wait()
	wall := time.Since(start)
	peak := hwm()
	lastAnon = anon()
	if err != nil {
		b.Fatalf("%s %q: %v\n%s", name, args, err, stderr.b)
	}
	return wall, peak
}

// lastAnon is the peak anonymous resident memory (RssAnon: the heap,
// stacks, not the database pages mapped from the file) of the last
// command runMeasured ran, in bytes.
var lastAnon int64

// limitedBuffer keeps the first 4 KiB written to it.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.b = append(l.b, p[:min(len(p), max(0, 4096-len(l.b)))]...)
	return len(p), nil
}

func fileMiB(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size() >> 20
}

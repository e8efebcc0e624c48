//go:build unix

package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/store"
)

// BenchmarkDriver runs lede ingest's loop in process, without the
// command's output, on synthetic pages (revision/revisiontest, seed 2)
// into a new database per op, under the collector settings lede ingest
// uses (GOGC 400, a 128 MiB soft limit). It exists to be profiled: the
// command's wall time is this loop's, and -cpuprofile shows which part
// of it is serial; store-s/op is the time inside the write transactions.
// LEDE_BENCH_PAGES sets the number of pages (20,000).
//
//	go test ./intake -run '^$' -bench Driver -benchtime 1x -cpuprofile cpu.out
func BenchmarkDriver(b *testing.B) {
	n := 20_000
	if s := os.Getenv("LEDE_BENCH_PAGES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("LEDE_BENCH_PAGES=%q: want a positive number", s)
		}
	}
	pages := filepath.Join(b.TempDir(), "pages")
	if _, err := revisiontest.WriteDir(pages, revisiontest.Config{Seed: 2, Revisions: n}); err != nil {
		b.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(128 << 20))
	b.ResetTimer()
	cpu := cpuTime(b)
	var storing time.Duration
	for i := 0; b.Loop(); i++ {
		dbPath := filepath.Join(b.TempDir(), fmt.Sprintf("lede-%d.db", i))
		stored := 0
		d := &Driver{
			Open: func(context.Context) (*store.DB, error) {
				return store.Open(dbPath, store.Options{NoEvents: true})
			},
			Path:      dbPath,
			Batch:     500,
			Summaries: &Summaries{},
			Stored: func(batch []Input, results []store.Result, _ map[uint64]revision.UpdateSummary) error {
				for _, r := range results {
					if r.Status == store.StatusNewStory || r.Status == store.StatusUpdate {
						stored++
					}
				}
				return nil
			},
		}
		if err := d.Run(context.Background(), Each([]string{pages})); err != nil {
			b.Fatal(err)
		}
		storing += d.storing
		if stored != n {
			b.Fatalf("%d of %d pages stored", stored, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric((cpuTime(b)-cpu).Seconds()/float64(b.N), "cpu-s/op")
	// The write transactions' share of the wall time: near 1, the
	// serial part is the critical path and only less serial work a page
	// shortens the run.
	b.ReportMetric(storing.Seconds()/float64(b.N), "store-s/op")
}

// cpuTime is the CPU time the process has used so far, user and system:
// with the wall time it says how busy the loop keeps the cores.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

// Benchmarks at 10^4, 10^5 and 10^6 stored revisions of the synthetic
// corpus (revision/revisiontest). Building a database is the ingest
// benchmark; the grouping and history benchmarks reuse the database of
// the same size built earlier in the same process. Run one size per
// process for a clean peak-memory figure:
//
//	go test ./store -run '^$' -bench '/revs=1000000$' -benchtime 1x -timeout 60m
var benchSizes = []int{10_000, 100_000, 1_000_000}

// probeCount fresh revisions per size are kept out of the database to
// measure grouping against it.
const probeCount = 2_000

type benchDB struct {
	dir     string
	db      *DB
	n       int
	ingest  time.Duration // time inside store.Ingest
	wall    time.Duration // generate + parse + ingest
	size    int64
	peak    uint64 // peak Go heap in use during the build
	probes  []*revision.Revision
	stories []string
	truth   []int32       // true story number by arrival number - 1
	quality [3]float64    // pairwise precision, recall, and true pairs
	last    time.Duration // store time per revision over the last 10% of the build
	reopen  time.Duration // closing and reopening the file for writing
	// work is what bbolt counted over the build's transactions: unlike
	// the times, the same on any machine at any load, so a change that
	// does less work shows it even when the noise hides its time.
	work bolt.TxStats
}

var (
	benchMu  sync.Mutex
	benchDBs = map[int]*benchDB{}
)

// buildBenchDB ingests n synthetic revisions into a fresh database in
// batches of 1,000, parsing on every core while the store writes.
func buildBenchDB(b *testing.B, n int) *benchDB {
	benchMu.Lock()
	defer benchMu.Unlock()
	if bd := benchDBs[n]; bd != nil {
		return bd
	}
	dir, err := os.MkdirTemp("", "lede-bench-")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	bd := &benchDB{dir: dir, db: db, n: n, truth: make([]int32, 0, n)}
	stopPeak := samplePeakHeap(&bd.peak)
	start := time.Now()

	pages := make(chan revisiontest.Page, 4096)
	go func() {
		defer close(pages)
		err := revisiontest.Generate(revisiontest.Config{Seed: 1, Revisions: n + probeCount}, func(p revisiontest.Page) error {
			p.Text = append([]byte(nil), p.Text...) // the generator reuses its buffer
			pages <- p
			return nil
		})
		if err != nil {
			panic(err)
		}
	}()
	parsed := parsePages(b, pages)

	const batch = 1000
	var ins []Input
	done := 0
	lastFrom := n - n/10
	flush := func() {
		t := time.Now()
		if _, err := db.Ingest(context.Background(), ins); err != nil {
			b.Fatal(err)
		}
		d := time.Since(t)
		bd.ingest += d
		if done > lastFrom {
			bd.last += d
		}
		ins = ins[:0]
	}
	for in := range parsed {
		if done < n {
			bd.truth = append(bd.truth, int32(in.story)) // arrivals are 1..n in a fresh database
		}
		if done >= n {
			bd.probes = append(bd.probes, in.Rev)
			continue
		}
		ins = append(ins, in.Input)
		done++
		if len(ins) == batch {
			flush()
		}
	}
	if len(ins) > 0 {
		flush()
	}
	bd.wall = time.Since(start)
	bd.last /= time.Duration(n - lastFrom)
	bd.work = db.bolt.Stats().TxStats
	stopPeak()
	// The CLI opens the file for every batch so readers get their turn:
	// time a close and read-write reopen at this size.
	db.Close()
	t := time.Now()
	if db, err = Open(path, Options{}); err != nil {
		b.Fatal(err)
	}
	bd.reopen = time.Since(t)
	bd.db = db
	st, _ := os.Stat(path)
	bd.size = st.Size()
	sts, err := db.Stories(ListOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cells, clusters, truths := map[[2]int]int{}, map[int]int{}, map[int]int{}
	for k, s := range sts {
		if k%max(len(sts)/5000, 1) == 0 {
			bd.stories = append(bd.stories, s.ID) // a sample across all dates
		}
		for _, v := range s.Versions {
			truth := int(bd.truth[v.Record.Arrival-1])
			cells[[2]int{k, truth}]++
			clusters[k]++
			truths[truth]++
		}
	}
	pairs := func(m int) float64 { return float64(m) * float64(m-1) / 2 }
	var tp, pred, real float64
	for _, c := range cells {
		tp += pairs(c)
	}
	for _, c := range clusters {
		pred += pairs(c)
	}
	for _, c := range truths {
		real += pairs(c)
	}
	bd.quality = [3]float64{tp / pred, tp / real, real}
	bd.truth = nil
	benchDBs[n] = bd
	return bd
}

// parsedPage is an input with its true story.
type parsedPage struct {
	Input
	story int
}

// parsePages parses generated pages on every core, keeping their order.
func parsePages(b *testing.B, pages <-chan revisiontest.Page) <-chan parsedPage {
	type job struct {
		p   revisiontest.Page
		out chan parsedPage
	}
	jobs := make(chan job, 1024)
	order := make(chan chan parsedPage, 1024)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for j := range jobs {
				r, err := wire.Parse(j.p.Name, j.p.Text, wire.Options{})
				if err != nil {
					panic(fmt.Sprintf("%s: %v", j.p.Name, err))
				}
				in := Input{Source: j.p.Name, Raw: j.p.Text, Rev: r}
				in.Prepare()
				j.out <- parsedPage{in, j.p.Story}
			}
		}()
	}
	go func() {
		for p := range pages {
			out := make(chan parsedPage, 1)
			order <- out
			jobs <- job{p, out}
		}
		close(jobs)
		close(order)
	}()
	res := make(chan parsedPage, 1024)
	go func() {
		for out := range order {
			res <- <-out
		}
		close(res)
	}()
	return res
}

// samplePeakHeap records the peak of the Go heap in use until stopped.
func samplePeakHeap(peak *uint64) func() {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			*peak = max(*peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	return func() { close(stop); wg.Wait() }
}

// peakRSS reads the process's peak resident set (VmHWM), which includes
// the pages of the database file bbolt has mapped and touched.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// TestMain removes the benchmark databases, which can be gigabytes.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, bd := range benchDBs {
		bd.db.Close()
		os.RemoveAll(bd.dir)
	}
	os.Exit(code)
}

func BenchmarkIngest(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("revs=%d", n), func(b *testing.B) {
			for b.Loop() {
				bd := buildBenchDB(b, n)
				b.ReportMetric(float64(n)/bd.ingest.Seconds(), "revs/s")
				b.ReportMetric(float64(n)/bd.wall.Seconds(), "e2e-revs/s")
				b.ReportMetric(float64(bd.last.Microseconds()), "last10%-µs/rev")
				b.ReportMetric(float64(bd.size)/float64(n), "B/rev")
				b.ReportMetric(float64(bd.peak)/(1<<20), "peak-heap-MiB")
				b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MiB")
				b.ReportMetric(float64(bd.reopen.Microseconds())/1000, "reopen-ms")
				// Cursors are bbolt's lookups and writes (every Get, Put
				// and Delete makes one), nodes the pages a transaction
				// read into nodes to change them, page writes the pages
				// its commits wrote (a value's overflow pages each).
				b.ReportMetric(float64(bd.work.GetCursorCount())/float64(n), "cursors/rev")
				b.ReportMetric(float64(bd.work.GetNodeCount())/float64(n), "nodes/rev")
				b.ReportMetric(float64(bd.work.GetWrite())/float64(n), "page-writes/rev")
				b.ReportMetric(bd.quality[0], "precision")
				b.ReportMetric(bd.quality[1], "recall")
			}
		})
	}
}

// BenchmarkGrouping measures the grouping decision for one new revision
// against a database of each size: candidate lookup in the index, loading
// the candidates' features and revision.Decide. Nothing is written. The
// probe revisions (kept out of the database) are decided twice in one
// read transaction, as ingest does in its write transaction: "cold" is
// the first pass of the first iteration, which also pays for the first
// touch of the file's pages in this process; "warm" the second pass,
// averaged over all iterations (run several, -benchtime 5x, on a busy
// machine: one pass takes a tenth of a second).
func BenchmarkGrouping(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("revs=%d", n), func(b *testing.B) {
			bd := buildBenchDB(b, n)
			feats := make([]revision.Features, len(bd.probes))
			for i, r := range bd.probes {
				feats[i] = revision.FeaturesOf(r)
			}
			var cold, warm time.Duration
			iter := 0
			b.ResetTimer()
			for b.Loop() {
				err := bd.db.bolt.View(func(btx *bolt.Tx) error {
					tx := txn{Tx: btx, cache: newTermCache()}
					for pass := range 2 {
						start := time.Now()
						for _, f := range feats {
							if _, _, err := tx.decide(f); err != nil {
								return err
							}
						}
						switch {
						case pass == 1:
							warm += time.Since(start)
						case iter == 0:
							cold = time.Since(start)
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				iter++
			}
			b.ReportMetric(float64(cold.Microseconds())/float64(len(feats)), "cold-µs/rev")
			b.ReportMetric(float64(warm.Microseconds())/float64(iter*len(feats)), "warm-µs/rev")
		})
	}
}

// BenchmarkHistory loads whole timelines, as `lede history` does, for
// 1,000 random stories from all dates, twice: "cold" the first time this
// process touches them (first iteration only), "warm" the second,
// averaged over all iterations.
func BenchmarkHistory(b *testing.B) {
	const lookups = 1000
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("revs=%d", n), func(b *testing.B) {
			bd := buildBenchDB(b, n)
			rng := rand.New(rand.NewSource(1))
			ids := make([]string, lookups)
			for i := range ids {
				ids[i] = bd.stories[rng.Intn(len(bd.stories))]
			}
			var cold, warm time.Duration
			iter := 0
			b.ResetTimer()
			for b.Loop() {
				for pass := range 2 {
					start := time.Now()
					for _, id := range ids {
						if _, err := bd.db.Story(id); err != nil {
							b.Fatal(err)
						}
					}
					switch {
					case pass == 1:
						warm += time.Since(start)
					case iter == 0:
						cold = time.Since(start)
					}
				}
				iter++
			}
			b.ReportMetric(float64(cold.Microseconds())/lookups, "cold-µs/story")
			b.ReportMetric(float64(warm.Microseconds())/float64(iter*lookups), "warm-µs/story")
		})
	}
}

// BenchmarkCheck runs lede check's Check (bbolt's page check, the
// invariants, every revision's postings, the headline index) over each
// database size. Run it with -benchtime 1x: one pass reads the whole file.
func BenchmarkCheck(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("revs=%d", n), func(b *testing.B) {
			bd := buildBenchDB(b, n)
			b.ResetTimer()
			for b.Loop() {
				rep, err := bd.db.Check()
				if err != nil || len(rep.Problems) > 0 || rep.Revisions != n {
					b.Fatalf("check: %d revisions, problems %q, %v", rep.Revisions, rep.Problems, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/rev")
		})
	}
}

// BenchmarkSearch lists the first page (20 stories) of a headline search
// as lede serve's ?q= does, through the word index ("index") and by
// walking the stories newest first ("walk"), for a word no headline has,
// a word some have and a word most have.
func BenchmarkSearch(b *testing.B) {
	for _, n := range benchSizes {
		for _, q := range []string{"zzzz", "typhoon", "korea"} {
			for _, via := range []string{"index", "walk"} {
				b.Run(fmt.Sprintf("revs=%d/q=%s/%s", n, q, via), func(b *testing.B) {
					bd := buildBenchDB(b, n)
					opt := ListOptions{Limit: 21, Headline: func(h string) bool { return strings.Contains(strings.ToLower(h), q) }}
					if via == "index" {
						opt.Prefixes = []string{q}
					}
					found := 0
					b.ResetTimer()
					for b.Loop() {
						list, err := bd.db.Stories(opt)
						if err != nil {
							b.Fatal(err)
						}
						found = len(list)
					}
					b.ReportMetric(float64(found), "stories")
				})
			}
		}
	}
}

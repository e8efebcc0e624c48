package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"lede/diff/difftest"
	"lede/revision/wire"
)

// BenchmarkDiff1MBVsGit races "lede diff OLD NEW" against "git diff
// --no-index --word-diff OLD NEW", process against process, on two pairs
// of 1 MB plain text pages made of the corpus's paragraphs: an edited
// pair (difftest.BigPair: every tenth paragraph edited, some added and
// removed) and two unrelated texts. Tools alternate each round so that
// the machine's drift hits both alike. Two floors say what lede spends
// before diffing: "lede --version" (start-up) and "lede diff OLD OLD"
// (start-up, reading and parsing both pages, an all-equal comparison).
func BenchmarkDiff1MBVsGit(b *testing.B) {
	git := gitPath(b)
	lede := binary(b)
	old, edited, unrelated := bigPages(b)
	type race struct {
		name   string
		new    string
		ledeT  []time.Duration
		gitT   []time.Duration
		sameT  []time.Duration
		startT []time.Duration
	}
	races := []*race{{name: "edited", new: edited}, {name: "unrelated", new: unrelated}}
	b.ResetTimer()
	for round := 0; b.Loop(); round++ {
		for _, r := range races {
			runLede := func() { r.ledeT = append(r.ledeT, timeRun(b, lede, "diff", old, r.new)) }
			runGit := func() { r.gitT = append(r.gitT, timeGit(b, git, "diff", "--no-index", "--word-diff", old, r.new)) }
			if round%2 == 0 {
				runLede()
				runGit()
			} else {
				runGit()
				runLede()
			}
			r.sameT = append(r.sameT, timeRun(b, lede, "diff", old, old))
			r.startT = append(r.startT, timeRun(b, lede, "--version"))
		}
	}
	b.StopTimer()
	for _, r := range races {
		l, g := median(r.ledeT), median(r.gitT)
		b.ReportMetric(float64(l.Nanoseconds()), r.name+"-lede-median-ns")
		b.ReportMetric(float64(g.Nanoseconds()), r.name+"-git-median-ns")
		b.ReportMetric(float64(l)/float64(g), r.name+"-lede/git")
		b.ReportMetric(float64(median(r.sameT))/float64(g), r.name+"-floor-parse/git")
		b.ReportMetric(float64(median(r.startT))/float64(g), r.name+"-floor-start/git")
	}
}

// bigPages writes the 1 MB pages into a temporary directory: the old
// text, its edited version and an unrelated text.
func bigPages(b *testing.B) (old, edited, unrelated string) {
	paths, err := filepath.Glob(pagesDir + "/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no pages in %s: %v", pagesDir, err)
	}
	var pool []string
	for _, p := range paths {
		r, _, err := wire.ParseFile(p, nil, wire.Options{})
		if err != nil {
			b.Fatal(err)
		}
		pool = append(pool, r.Paragraphs...)
	}
	o, n := difftest.BigPair(pool, 1<<20)
	dir := b.TempDir()
	// Each page must read back as written, whole: a page lede reads as
	// one paragraph, or as cut off, is not the diff the race means to time.
	write := func(name string, paras []string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, difftest.Page("A long page", paras), 0o644); err != nil {
			b.Fatal(err)
		}
		r, _, err := wire.ParseFile(path, nil, wire.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Paragraphs) != len(paras) || !r.Complete {
			b.Fatalf("%s reads as %d paragraphs (complete: %v), not the %d written", name, len(r.Paragraphs), r.Complete, len(paras))
		}
		return path
	}
	// A dateline makes the unrelated text a wire page lede accepts (it
	// rejects a file with no sign of one, and that is no diff to time).
	u := difftest.Unrelated(o)
	u[0] = "BUSAN, Jan. 5 (Yonhap) -- " + u[0]
	return write("old.txt", o), write("edited.txt", n), write("unrelated.txt", u)
}

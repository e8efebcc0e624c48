package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision/wire"
)

// TestStoreAndReportReleases stores and reports two batches of real
// pages into a real database, as ingest does: once a batch is reported,
// none of its inputs keeps the page as read, its parse or its prepared
// store input, and the parses kept for the next batch's summaries are
// the last batch's only.
func TestStoreAndReportReleases(t *testing.T) {
	paths, err := filepath.Glob(pagesDir + "/AEN2020*.txt")
	if err != nil || len(paths) < 8 {
		t.Fatalf("corpus pages: %v %d", err, len(paths))
	}
	paths = paths[:8]
	var out bytes.Buffer
	l := &lede{env: env{stdout: &out, stderr: &out, getenv: func(string) string { return "" },
		terminal: func(io.Writer) (bool, int) { return false, 0 }},
		db: filepath.Join(t.TempDir(), "lede.db"), color: colorNever}
	rep := l.newIngestReport(false, len(paths))
	const n = 4
	for start := 0; start < len(paths); start += n {
		batch := make([]input, n)
		for i, p := range paths[start : start+n] {
			batch[i] = input{source: p}
		}
		batch = flatten(parseAll(batch, nil, wire.Options{}))
		for _, in := range batch {
			if in.err != nil || in.raw == nil || in.rev == nil || in.stored == nil {
				t.Fatalf("%s not parsed: %v", in.source, in.err)
			}
		}
		if err := l.storeAndReport(context.Background(), batch, rep, true); err != nil {
			t.Fatal(err)
		}
		for _, in := range batch {
			if in.raw != nil || in.rev != nil || in.stored != nil {
				t.Errorf("%s after its batch was reported: raw %d bytes, rev %v, stored %v",
					in.source, len(in.raw), in.rev != nil, in.stored != nil)
			}
		}
		if len(l.lastBatch) > n {
			t.Errorf("after %d inputs %d parses are kept, want at most a batch (%d)", start+n, len(l.lastBatch), n)
		}
	}
	if rep.done != len(paths) || strings.Count(out.String(), "\n") != len(paths) {
		t.Errorf("%d inputs reported, %d lines; want %d:\n%s", rep.done, strings.Count(out.String(), "\n"), len(paths), out.String())
	}
}

// TestParseBatchesStreams feeds parseBatches a listing of a million
// inputs: it pulls only what the batches under way need, and the batches
// come in listing order. (Each input failed already, so none is read.)
func TestParseBatchesStreams(t *testing.T) {
	const total, n = 1_000_000, 100
	pulled := 0
	listing := func(yield func(input) bool) {
		for i := range total {
			pulled++
			if !yield(input{source: fmt.Sprint(i), err: errors.New("listed only")}) {
				return
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	batches := parseBatches(ctx, listing, n, nil, wire.Options{})
	for b := range 3 {
		batch := <-batches
		want := make([]string, n)
		for i := range want {
			want[i] = fmt.Sprint(b*n + i)
		}
		got := make([]string, len(batch))
		for i, in := range batch {
			got[i] = in.source
		}
		if !slices.Equal(got, want) {
			t.Fatalf("batch %d holds %v..., want %v...", b, got[:3], want[:3])
		}
	}
	cancel()
	for range batches {
	}
	// Three batches taken, one waiting in the channel, one being formed.
	if pulled > 5*n+1 {
		t.Errorf("%d inputs listed for 3 batches of %d, want at most %d: the listing is held whole", pulled, n, 5*n+1)
	}
}

// TestCountInputsMatchesListing: the counting pass finds what the
// listing yields, and the empty directories.
func TestCountInputsMatchesListing(t *testing.T) {
	dir, empty := t.TempDir(), t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt"} {
		writeFile(t, filepath.Join(dir, name), "x")
	}
	paths := []string{dir, empty, "-", filepath.Join(dir, "missing.txt")}
	n, gotEmpty := countInputs(paths)
	var listed []string
	for in := range eachInput(paths) {
		listed = append(listed, strings.TrimPrefix(in.source, dir+"/"))
	}
	want := []string{"a.txt", "b.txt", "sub/c.txt", "-", "missing.txt"}
	if !slices.Equal(listed, want) || n != len(want) {
		t.Errorf("listed %v (counted %d), want %v", listed, n, want)
	}
	if !slices.Equal(gotEmpty, []string{empty}) {
		t.Errorf("empty %v, want [%s]", gotEmpty, empty)
	}
}

// TestEachOrderedWindows lists a directory a few names at a time: the
// names come in os.ReadDir's order, each once, and no window holds more
// than it may.
func TestEachOrderedWindows(t *testing.T) {
	dir := t.TempDir()
	for i := range 500 {
		// Names that the directory does not hold in order.
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%03d-%d.txt", (i*7919)%1000, i)), "x")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, e := range entries {
		want = append(want, e.Name())
	}
	for _, k := range []int{1, 7, 499, 500, 501, 4096} {
		var got []string
		more, err := eachOrdered(dir, k, func(e dirEntry) bool { got = append(got, e.name); return true })
		if err != nil || !more || !slices.Equal(got, want) {
			t.Errorf("window %d: %d names (err %v, more %v), want %d in order", k, len(got), err, more, len(want))
		}
		window, total, capped, err := readWindow(dir, want[10], k)
		if err != nil || total != 500 || len(window) > k || capped != (k < 489) || window[0].name != want[11] {
			t.Errorf("readWindow after %s, k %d: %d names from %v, total %d, more %v, err %v",
				want[10], k, len(window), window[0].name, total, capped, err)
		}
	}
	var got []string
	more, _ := eachOrdered(dir, 7, func(e dirEntry) bool { got = append(got, e.name); return len(got) < 20 })
	if more || !slices.Equal(got, want[:20]) {
		t.Errorf("stopping after 20: got %d names, more %v", len(got), more)
	}
}

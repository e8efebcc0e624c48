package intake

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lede/revision/wire"
)

// writeFile writes data to path, making its directory.
func writeFile(t *testing.T, path, data string) {
	t.Helper()
	err := errors.Join(os.MkdirAll(filepath.Dir(path), 0o755), os.WriteFile(path, []byte(data), 0o644))
	if err != nil {
		t.Fatal(err)
	}
}

// TestParseBatchesStreams feeds parseBatches a listing of a million
// inputs: it pulls only what the batches under way need, and the batches
// come in listing order. (Each input failed already, so none is read.)
func TestParseBatchesStreams(t *testing.T) {
	const total, n = 1_000_000, 100
	pulled := 0
	listing := func(yield func(Input) bool) {
		for i := range total {
			pulled++
			if !yield(Input{Source: fmt.Sprint(i), Err: errors.New("listed only")}) {
				return
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	batches := ParseBatches(ctx, listing, n, nil, wire.Options{})
	for b := range 3 {
		batch := <-batches
		want := make([]string, n)
		for i := range want {
			want[i] = fmt.Sprint(b*n + i)
		}
		got := make([]string, len(batch))
		for i, in := range batch {
			got[i] = in.Source
		}
		if !slices.Equal(got, want) {
			t.Fatalf("batch %d holds %v..., want %v...", b, got[:3], want[:3])
		}
	}
	cancel()
	for range batches {
	}
	// Three batches taken, one waiting in the channel, one ready to send,
	// and the rest of the last group of parseGroup read to form it, which
	// is most of a group when n is not a multiple of it; then, if the
	// send won over the cancel, one more listed before the check.
	if most := (5*n+parseGroup-1)/parseGroup*parseGroup + 1; pulled > most {
		t.Errorf("%d inputs listed for 3 batches of %d, want at most %d: the listing is held whole", pulled, n, most)
	}
}

// TestCountInputsMatchesListing: the counting pass finds what the
// listing yields, and the empty directories. The files the listing saw
// as regular ones, and only those, are marked Listed, so that reading
// them skips the check before the open.
func TestCountInputsMatchesListing(t *testing.T) {
	dir, empty := t.TempDir(), t.TempDir()
	for _, name := range []string{"b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt"} {
		writeFile(t, filepath.Join(dir, name), "x")
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	paths := []string{dir, empty, "-", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "b.txt")}
	n, gotEmpty := Count(paths)
	var listed []string
	for in := range Each(paths) {
		name := strings.TrimPrefix(in.Source, dir+"/")
		if in.Listed {
			name += " (listed)"
		}
		listed = append(listed, name)
	}
	want := []string{"a.txt (listed)", "b.txt (listed)", "link.txt (listed)", "sub/c.txt (listed)",
		"-", "missing.txt", "b.txt (listed)"}
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

// TestParseBatchesBoundByItems cuts a JSON lines file of ten items and a
// page into batches of four items: a batch never holds more than four,
// the items keep their order and file, and the last item of each input
// alone is marked last.
func TestParseBatchesBoundByItems(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		b.WriteString(`{"id": "w-` + strconv.Itoa(i) + `", "headline": "Item ` + strconv.Itoa(i) + `", "body": "Text."}` + "\n")
	}
	writeFile(t, feed, b.String())
	pages, err := filepath.Glob("../testdata/yonhap/pages" + "/AEN2020*.txt")
	if err != nil || len(pages) == 0 {
		t.Fatalf("corpus pages: %v", err)
	}
	listing := func(yield func(Input) bool) {
		_ = yield(Input{Source: feed}) && yield(Input{Source: pages[0]})
	}
	var sizes []int
	var got []Input
	for batch := range ParseBatches(context.Background(), listing, 4, nil, wire.Options{}) {
		sizes = append(sizes, len(batch))
		got = append(got, batch...)
	}
	if !slices.Equal(sizes, []int{4, 4, 3}) {
		t.Errorf("batch sizes %v, want [4 4 3]", sizes)
	}
	for i, in := range got {
		wantSrc, wantFile, wantLast := feed+"#"+strconv.Itoa(i+1), feed, i == 9
		if i == 10 {
			wantSrc, wantFile, wantLast = pages[0], pages[0], true
		}
		if in.Source != wantSrc || in.File != wantFile || in.Last != wantLast || in.Err != nil || in.Stored == nil {
			t.Errorf("item %d: %s from %s, last %v, err %v; want %s from %s, last %v", i, in.Source, in.File, in.Last, in.Err, wantSrc, wantFile, wantLast)
		}
	}
}

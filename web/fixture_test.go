package web

import (
	"context"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"lede/diff"
	"lede/revision/wire"
	"lede/store"
)

// buildFixture ingests the real pages of testdata/yonhap and the hostile
// pages into a fresh database, with every update summary stored as lede
// ingest stores them, and returns its path.
func buildFixture(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	pages, err := filepath.Glob("../testdata/yonhap/pages/*.txt")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	// Two versions of a story with script and markup in headline and
	// body: the pages must show them as text and run nothing.
	hostile, err := filepath.Glob("../testdata/hostile/*.txt")
	if err != nil || len(hostile) != 2 {
		t.Fatalf("hostile pages: %v %v", hostile, err)
	}
	pages = append(pages, hostile...)
	sort.Strings(pages)
	path := filepath.Join(dir, "lede.db")
	ingestFiles(t, path, pages...)
	storeSummaries(t, path)
	return path
}

// storeSummaries computes and stores every update summary the
// database at path lacks, as lede ingest stores them.
func storeSummaries(t testing.TB, path string) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Stories(store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range all {
		ids = append(ids, s.ID)
	}
	pairs, err := db.StaleSummaries(ids)
	if err != nil {
		t.Fatal(err)
	}
	var sums []store.ComputedSummary
	for _, p := range pairs {
		old, err1 := wire.Reparse("old", p.Prev.Source, p.Prev.Raw)
		cur, err2 := wire.Reparse("new", p.Cur.Source, p.Cur.Raw)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		sum := diff.Compare(old, cur, diff.Options{}).UpdateSummary()
		sums = append(sums, store.ComputedSummary{Arrival: p.Arrival, PrevArrival: p.PrevArrival, Summary: sum})
	}
	if err := db.SetSummaries(sums); err != nil {
		t.Fatal(err)
	}
}

// ingestFiles stores pages in the database at path in one batch, as
// lede ingest does, and closes it.
func ingestFiles(t testing.TB, path string, pages ...string) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ins []store.Input
	for _, p := range pages {
		r, raw, err := wire.ParseFile(p, nil, wire.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		in := store.Input{Source: p, Raw: raw, Rev: r}
		in.Prepare()
		ins = append(ins, in)
	}
	if _, err := db.Ingest(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
}

// newTestServer serves the database at path, opening it per request as
// lede serve does.
func newTestServer(t testing.TB, path string) *Server {
	t.Helper()
	srv, err := New(Config{Open: func(context.Context) (*store.DB, error) {
		return store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
	}})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/store"
)

// TestStoriesFromListings: lede stories --json and lede stories, read
// from the listing records and streamed, print byte for byte what the
// stories read whole from their records give (the path they took before:
// json.MarshalIndent of the list, the table of its rows), on the
// bundled Yonhap pages and AP takes, under each filter.
func TestStoriesFromListings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "*.txt"))
	ap, _ := filepath.Glob("../../testdata/ap/*.txt")
	if r := runBinary(t, "", nil, append([]string{"--db", db, "ingest"}, append(pages, ap...)...)...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	for _, c := range []struct {
		args []string
		opt  store.ListOptions
	}{
		{nil, store.ListOptions{}},
		{[]string{"--limit", "5"}, store.ListOptions{Limit: 5}},
		{[]string{"--agency", "AP"}, store.ListOptions{Agency: "AP"}},
		{[]string{"--since", "2021-01-01"}, store.ListOptions{Since: revision.Date{Year: 2021, Month: 1, Day: 1}}},
	} {
		js := runBinary(t, "", nil, append([]string{"--db", db, "stories", "--json"}, c.args...)...)
		text := runBinary(t, "", nil, append([]string{"--db", db, "stories"}, c.args...)...)
		if js.code != 0 || text.code != 0 {
			t.Fatalf("stories %q: exit %d/%d: %s%s", c.args, js.code, text.code, js.stderr, text.stderr)
		}
		sdb, err := store.Open(db, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		old, err := sdb.Stories(c.opt)
		agencies, _ := sdb.Agencies()
		sdb.Close()
		if err != nil || len(old) == 0 {
			t.Fatalf("stories %q from the records: %d, %v", c.args, len(old), err)
		}
		want, _ := json.MarshalIndent(old, "", "  ")
		if js.stdout != string(want)+"\n" {
			t.Errorf("stories --json %q differs from the stories read from their records:\n%.1500s\nwant\n%.1500s", c.args, js.stdout, want)
		}
		var buf bytes.Buffer
		l := &lede{env: env{stdout: &buf, terminal: func(io.Writer) (bool, int) { return false, 0 }}}
		if err := l.writeStoryTable(old, len(agencies) > 1, false); err != nil {
			t.Fatal(err)
		}
		if text.stdout != buf.String() {
			t.Errorf("stories %q differs from the table of the stories read from their records:\n%.1500s\nwant\n%.1500s", c.args, text.stdout, buf.String())
		}
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
	"lede/store"
)

// TestCheckSummaries damages one stored update summary and checks that
// check --summaries reports it (exit 1), --fix stores the right one, and
// the next check is clean.
func TestCheckSummaries(t *testing.T) {
	db := ingestedDB(t)
	r := runIn(t, fakeProc{}, "--db", db, "check", "--summaries")
	if r.code != 0 || !strings.Contains(r.stdout, "24 updates diffed again") {
		t.Fatalf("clean check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Story("200202-s")
	if err != nil {
		t.Fatal(err)
	}
	good := *st.Versions[1].Record.Summary
	bad := store.ComputedSummary{Arrival: st.Versions[1].Record.Arrival, PrevArrival: st.Versions[0].Record.Arrival,
		Summary: revision.UpdateSummary{Added: 99}}
	if err := s.SetSummaries([]store.ComputedSummary{bad}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	r = runIn(t, fakeProc{}, "--db", db, "check", "--summaries")
	if r.code != 1 || !strings.Contains(r.stdout, "problem: 200202-s-korea-reports-3@2: stored summary \"+99 ~0 -0\"") {
		t.Fatalf("check of a damaged summary: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, fakeProc{}, "--db", db, "check", "--summaries", "--fix", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"fixed": [`) || !strings.Contains(r.stdout, `"ok": true`) {
		t.Fatalf("check --fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	s, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st, err = s.Story("200202-s")
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Versions[1].Record.Summary; got == nil || !sameSummary(got, good) {
		t.Errorf("after --fix the summary is %+v, want %+v", got, good)
	}
	if r = runIn(t, fakeProc{}, "--db", db, "check", "--summaries"); r.code != 0 {
		t.Errorf("check after --fix: exit %d\n%s", r.code, r.stdout)
	}
	// --fix alone repairs index entries; a sound file has none to repair.
	if r = runIn(t, fakeProc{}, "--db", db, "check", "--fix"); r.code != 0 || r.stdout != "ok: 80 stories, 104 revisions\n" {
		t.Errorf("check --fix alone: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// ingestedDB is a fresh database holding the bundled pages, ingested
// in-process.
func ingestedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lede.db")
	if r := runIn(t, fakeProc{}, "--db", db, "ingest", "../../testdata/yonhap/pages"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	return db
}

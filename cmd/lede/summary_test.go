package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// readPage reads and parses a corpus page.
func readPage(t *testing.T, path string) ([]byte, *revision.Revision) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := wire.Parse(path, raw, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return raw, r
}

// wantSummary is what diff.Compare says the update from old to new did.
func wantSummary(t *testing.T, old, new string) revision.UpdateSummary {
	t.Helper()
	return diff.Compare(parsePage(t, old), parsePage(t, new), diff.Options{}).UpdateSummary()
}

// sameSummary compares summaries as stored, in JSON, where an empty
// list of paragraphs is no list.
func sameSummary(got *revision.UpdateSummary, want revision.UpdateSummary) bool {
	return got != nil && equalSummaries(*got, want)
}

// staleSummaries opens db read-only and lists the updates of every story
// whose summary is missing or stale.
func staleSummaries(t *testing.T, db string) []store.UpdatePair {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Stories(store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, st := range list {
		ids = append(ids, st.ID)
	}
	pairs, err := s.StaleSummaries(ids)
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

func TestIngestStoresSummaries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	// Small batches, so stories span batches; then a first version that
	// arrives after its LEAD, in a run of its own.
	r := mustLede(t, db, "ingest", "--json", "--batch", "7", pagesDir)
	if pairs := staleSummaries(t, db); len(pairs) != 0 {
		t.Errorf("%d updates without a summary after ingest, first %s@%d", len(pairs), pairs[0].Story, pairs[0].Rev)
	}
	updates := 0
	for _, l := range decodeIngestLines(t, r.stdout) {
		if l.Status == "update" {
			updates++
		}
		if (l.Summary != nil) != (l.Status == "update" && l.Rev > 1) {
			t.Errorf("%s: %s rev %d with summary %+v", l.Source, l.Status, l.Rev, l.Summary)
		}
		if l.Source == exitPolls[2] {
			if want := wantSummary(t, exitPolls[1], exitPolls[2]); !sameSummary(l.Summary, want) {
				t.Errorf("summary of the 2nd LD %+v, want %+v", l.Summary, want)
			}
		}
	}
	// 104 pages in 80 stories. In name order the first version
	// AEN20200301003600320 comes after the other story's 2nd LD that
	// copied it (AEN20200301000952320) and joins it, but its own 2nd LD
	// then displaces the copy: the first version's line says new-story.
	if updates != 24 {
		t.Errorf("%d updates, want 24", updates)
	}

	late := filepath.Join(t.TempDir(), "late.db")
	mustLede(t, late, "ingest", leadPage)
	lines := decodeIngestLines(t, mustLede(t, late, "ingest", "--json", firstPage).stdout)
	if len(lines) != 1 || lines[0].Status != "update" || lines[0].Rev != 1 || lines[0].Summary != nil {
		t.Errorf("late first version: %+v, want an update at rev 1 without a summary", lines)
	}
	if pairs := staleSummaries(t, late); len(pairs) != 0 {
		t.Errorf("the LEAD, now rev 2, has no summary after its first version came: %+v", pairs)
	}
}

func TestIngestLinesShowSummaries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	out := mustLede(t, db, "ingest", firstPage, leadPage, exitPolls[0], exitPolls[1], exitPolls[2]).stdout
	for _, want := range []string{
		"(" + leadPage + ")  +2 ~2 -0; note: 1 confirmed, 1 unverifiable\n",
		"(" + exitPolls[1] + ")  +3 ~1 -0; 4 unannounced\n",
		"(" + exitPolls[2] + ")  +5 ~2 -0, byline changed; note: 1 confirmed, 1 unverifiable; 1 unannounced\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("ingest output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(strings.SplitAfter(out, "\n")[0], "+") {
		t.Errorf("a first version shows a summary:\n%s", out)
	}
}

func TestHistoryShowsSummaries(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), exitPolls[2]).ID
	text := mustLede(t, db, "history", id).stdout
	for _, want := range []string{
		"  +3 ~1 -0; 4 unannounced\n",
		"ATTN: ADDS more info in paras 4-5, 7-11, photos\n" + strings.Repeat(" ", 47) +
			"+5 ~2 -0, byline changed; note: 1 confirmed, 1 unverifiable; 1 unannounced\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	checkHistorySummaries(t, db, id)
}

// checkHistorySummaries asserts that history --json gives every update
// of the exit polls story diff.Compare's summary and the first none.
func checkHistorySummaries(t *testing.T, db, id string) {
	t.Helper()
	var h struct {
		Versions []struct {
			Summary *revision.UpdateSummary `json:"summary"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "history", "--json", id).stdout), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Versions) != 3 || h.Versions[0].Summary != nil {
		t.Fatalf("history --json: %d versions, first summary %v", len(h.Versions), h.Versions[0].Summary)
	}
	for i := 1; i < 3; i++ {
		want := wantSummary(t, exitPolls[i-1], exitPolls[i])
		if got := h.Versions[i].Summary; !sameSummary(got, want) {
			t.Errorf("version %d: summary %+v, want %+v", i+1, got, want)
		}
	}
}

// TestHistoryComputesMissingSummaries stores a story the way a database
// of an older lede (or one that crashed between a batch and its
// summaries) holds it: history still shows what each update changed, and
// leaves the database as it was.
func TestHistoryComputesMissingSummaries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ins []store.Input
	for _, p := range exitPolls {
		raw, rev := readPage(t, p)
		ins = append(ins, store.Input{Source: p, Raw: raw, Rev: rev})
	}
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(staleSummaries(t, path)); n != 2 {
		t.Fatalf("%d updates without a summary, want 2", n)
	}
	id := res[2].Story
	text := mustLede(t, path, "history", id).stdout
	if !strings.Contains(text, "+5 ~2 -0, byline changed; note: 1 confirmed, 1 unverifiable; 1 unannounced\n") {
		t.Errorf("history lacks the summary it should compute:\n%s", text)
	}
	checkHistorySummaries(t, path, id)
	if n := len(staleSummaries(t, path)); n != 2 {
		t.Errorf("history wrote to the database: %d updates without a summary, want 2", n)
	}
}

package store

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"lede/revision/wire"
)

// ap89 is the shared corpus's two days of AP copy (TREC day files with
// labels), outside this repository.
const ap89 = "../../shared/corpus/ap89"

// TestAP89Grouping ingests both AP89 days whole, as TREC day files cut
// into their items, and scores the stories pairwise against the labelled
// groups: the targets are precision 0.99 and recall 0.85, and no
// story may hold two slugs (a follow-up of another slug, a story merged
// into another's writethru) or two days (recurring reports reuse their
// slug every day).
func TestAP89Grouping(t *testing.T) {
	stories := ap89Stories(t, false)
	got := itemStories(stories)
	for _, s := range stories {
		slugs, days := map[string]bool{}, map[string]bool{}
		for _, v := range s.Versions {
			slugs[strings.ToLower(v.Record.Slug)], days[v.Date.String()] = true, true
		}
		if len(slugs) > 1 || len(days) > 1 {
			t.Errorf("story %s holds slugs %v, days %v", s.ID, keys(slugs), keys(days))
		}
	}
	truth := ap89Groups(t)
	var ids []string
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	tp, fp, fn := 0, 0, 0
	for i, a := range ids {
		if got[a] == "" {
			t.Errorf("%s is not stored", a)
		}
		for _, b := range ids[i+1:] {
			same, joined := truth[a] == truth[b], got[a] != "" && got[a] == got[b]
			switch {
			case same && joined:
				tp++
			case joined:
				fp++
				t.Errorf("false join %s + %s (%s, %s)", a, b, truth[a], truth[b])
			case same:
				fn++
				t.Errorf("missed %s + %s (%s)", a, b, truth[a])
			}
		}
	}
	p, r := float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1))
	t.Logf("AP89: %d items, %d stories; precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", len(ids), len(stories), p, r, tp, fp, fn)
	if p < 0.99 || r < 0.85 {
		t.Errorf("precision %.3f, recall %.3f below 0.99/0.85", p, r)
	}
}

// ap89Stories ingests both AP89 days into a fresh database, each a
// batch of its items, and lists the stories; with contentOnly the items'
// story keys are dropped, so the texts alone decide. It skips the test
// when the shared corpus is not here.
func ap89Stories(t *testing.T, contentOnly bool) []Story {
	t.Helper()
	if _, err := os.Stat(ap89); err != nil {
		t.Skip("the shared AP89 corpus is not here")
	}
	db := openTemp(t)
	for _, day := range []string{"ap890101", "ap890102"} {
		path := filepath.Join(ap89, "raw", day)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ins []Input
		for _, it := range wire.ParseItems(path, data, wire.Options{}) {
			if it.Err != nil {
				t.Fatalf("%s: %v", it.Source, it.Err)
			}
			if contentOnly {
				it.Rev.Key = ""
			}
			ins = append(ins, Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev})
		}
		if _, err := db.Ingest(context.Background(), ins); err != nil {
			t.Fatal(err)
		}
	}
	mustCheck(t, db)
	stories, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return stories
}

// itemStories maps each stored item's id to its story: a version's own,
// and each part's of a version sent in parts.
func itemStories(stories []Story) map[string]string {
	got := map[string]string{}
	for _, s := range stories {
		for _, v := range s.Versions {
			got[v.ID] = s.ID
			for _, id := range v.ItemIDs {
				got[id] = s.ID
			}
		}
	}
	return got
}

// ap89Groups maps each labelled item (DOCNO) to its group.
func ap89Groups(t *testing.T) map[string]string {
	f, err := os.Open(filepath.Join(ap89, "groups.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g struct {
			Group   string
			Members []string
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		for _, m := range g.Members {
			out[m] = g.Group
		}
	}
	return out
}

// TestAP89ContentAlone groups the two AP89 days by their texts alone
// (story keys dropped) under the default thresholds, which were never
// tuned on AP copy: out of sample for the content rules. It fails below
// the neutral-name targets, precision 0.97 and recall 0.95, and it fails
// today (2026-12-04: none of the 3 true pairs found, 8 false joins; no
// setting of thresholdGrid, with or without next-day joins, does better
// than 1 pair found with 6 false): AP's writethrus rewrite more than
// Yonhap's leads, and its days hold near-identical reports. AP carries
// keys, so lede does not group it this way; the test runs only with
// LEDE_AP89_CONTENT=1, as the measure of that limit.
func TestAP89ContentAlone(t *testing.T) {
	if os.Getenv("LEDE_AP89_CONTENT") == "" {
		t.Skip("set LEDE_AP89_CONTENT=1: a known limit, failing today")
	}
	stories := ap89Stories(t, true)
	got := map[string]string{}
	for _, s := range stories {
		for _, v := range s.Versions {
			got[v.ID] = s.ID
		}
	}
	truth := ap89Groups(t)
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var c counts
	var errs []string
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			same, joined := truth[a] == truth[b], got[a] != "" && got[a] == got[b]
			switch {
			case same && joined:
				c.tp++
			case joined:
				c.fp++
				errs = append(errs, "false join "+a+" + "+b)
			case same:
				c.fn++
				errs = append(errs, "missed "+a+" + "+b)
			}
		}
	}
	t.Logf("AP89 by content alone: %d items, %d stories; precision %.3f, recall %.3f (tp %d, fp %d, fn %d) %v",
		len(ids), len(stories), c.precision(), c.recall(), c.tp, c.fp, c.fn, errs)
	if c.precision() < 0.97 || c.recall() < 0.95 {
		t.Errorf("precision %.3f, recall %.3f below 0.97/0.95", c.precision(), c.recall())
	}
}

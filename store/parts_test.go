package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// apInput parses a hand-made AP item into an Input; the parser must read
// the pick-up its note states.
func apInput(t testing.TB, d revisiontest.APDoc) Input {
	t.Helper()
	it := wire.ParseItems(d.DocNo+".txt", []byte(d.Text()), wire.Options{})[0]
	if it.Err != nil {
		t.Fatal(it.Err)
	}
	d.CheckPickup(t, it.Rev)
	return Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev}
}

func ingestOne(t testing.TB, db *DB, in Input) Result {
	t.Helper()
	res, err := db.Ingest(context.Background(), []Input{in})
	if err != nil {
		t.Fatal(err)
	}
	return res[0]
}

// wholeText is the whole text of a story's versions, in story order.
func wholeText(t testing.TB, db *DB, story string) [][]string {
	t.Helper()
	st, err := db.Story(story)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, v := range st.Versions {
		_, ver, raw, err := db.RevisionAt(st.ID, Pick{Arrival: v.Record.Arrival})
		if err != nil {
			t.Fatal(err)
		}
		w, err := wire.ReparseVersion(v.Ref, ver.Source, raw, ver.Whole)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, w.Rev.Paragraphs)
	}
	return out
}

// harborTakes is a version sent in three parts: "3 Takes", "1st Add",
// "2nd Add".
func harborTakes() []revisiontest.APDoc {
	return []revisiontest.APDoc{
		{DocNo: "AP890105-0101", Time: "1201", Keyword: "AM-Harbor-Fire", Version: "3 Takes", Head: "Fire Sweeps Harbor Warehouses",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept through three harbor warehouses early Thursday.", "Firefighters from four towns fought it for six hours."}},
		{DocNo: "AP890105-0102", Time: "1202", Keyword: "AM-Harbor-Fire", Version: "1st Add",
			Paras: []string{"The warehouses held fishing gear and rope.", "Nobody was hurt, the chief said."}},
		{DocNo: "AP890105-0103", Time: "1203", Keyword: "AM-Harbor-Fire", Version: "2nd Add",
			Paras: []string{"The cause is under investigation."}},
	}
}

func TestTakesAndAddsJoinInAnyOrder(t *testing.T) {
	docs := harborTakes()
	var want []string
	for _, d := range docs {
		want = append(want, d.Paras...)
	}
	for _, order := range [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			db := openTemp(t)
			var story string
			for n, i := range order {
				res := ingestOne(t, db, apInput(t, docs[i]))
				if story == "" {
					story = res.Story
				}
				if res.Story != story || res.Rev != 1 {
					t.Fatalf("%s: story %s @%d, want %s@1", docs[i].DocNo, res.Story, res.Rev, story)
				}
				if (n > 0) != (res.Joined != "") {
					t.Fatalf("%s: joined %q after %d parts", docs[i].DocNo, res.Joined, n)
				}
				st, _ := db.Story(story)
				if len(st.Versions) != 1 {
					t.Fatalf("after %d parts: %d versions, want 1", n+1, len(st.Versions))
				}
				if n < 2 && len(st.Versions[0].Missing) == 0 {
					t.Fatalf("after %d parts nothing missing", n+1)
				}
			}
			st, _ := db.Story(story)
			v := st.Versions[0]
			if len(v.Parts) != 3 || len(v.Missing) != 0 || v.Headline != "Fire Sweeps Harbor Warehouses" || v.ID != "AP890105-0101" {
				t.Fatalf("version = parts %v missing %v headline %q id %q", v.Parts, v.Missing, v.Headline, v.ID)
			}
			if !slices.Equal(v.ItemIDs, []string{"AP890105-0101", "AP890105-0102", "AP890105-0103"}) {
				t.Fatalf("item ids %v, want take 1, 1st Add, 2nd Add", v.ItemIDs)
			}
			if got := wholeText(t, db, story); len(got) != 1 || !slices.Equal(got[0], want) {
				t.Fatalf("whole text = %q, want %q", got, want)
			}
			for _, ref := range v.Parts {
				a, _ := ParseRef(ref)
				if _, pv, err := db.Locate("", Pick{Arrival: a}); err != nil || pv.Ref != v.Ref {
					t.Fatalf("part %s resolves to %v, %v; want the version %s", ref, pv.Ref, err, v.Ref)
				}
			}
			checkClean(t, db)
		})
	}
}

func TestMissingParts(t *testing.T) {
	docs := harborTakes()
	db := openTemp(t)
	res := ingestOne(t, db, apInput(t, docs[2]))
	st, _ := db.Story(res.Story)
	if got := st.Versions[0].Missing; !slices.Equal(got, []string{"take 1", "1st Add"}) {
		t.Fatalf("2nd Add alone: missing %v", got)
	}
	ingestOne(t, db, apInput(t, docs[0]))
	st, _ = db.Story(res.Story)
	if got := st.Versions[0].Missing; !slices.Equal(got, []string{"1st Add"}) || st.Versions[0].Record.Complete {
		t.Fatalf("take 1 and 2nd Add: missing %v, complete %v", got, st.Versions[0].Record.Complete)
	}
}

func TestPartReingestIsDuplicate(t *testing.T) {
	docs := harborTakes()
	db := openTemp(t)
	first := ingestOne(t, db, apInput(t, docs[0]))
	ingestOne(t, db, apInput(t, docs[1]))
	again := ingestOne(t, db, apInput(t, docs[1]))
	if again.Status != StatusDuplicate || again.Ref != first.Ref || again.Rev != 1 {
		t.Fatalf("1st Add again: %s %s @%d, want a duplicate of %s@1", again.Status, again.Ref, again.Rev, first.Ref)
	}
	st, _ := db.Story(first.Story)
	if len(st.Versions) != 1 || len(st.Versions[0].Parts) != 2 {
		t.Fatalf("after the duplicate: %d versions, parts %v", len(st.Versions), st.Versions[0].Parts)
	}
	checkClean(t, db)
}

func TestRemoveVersionInParts(t *testing.T) {
	docs := harborTakes()
	db := openTemp(t)
	first := ingestOne(t, db, apInput(t, docs[0]))
	add := ingestOne(t, db, apInput(t, docs[1]))
	if _, err := db.Remove(first.Story, 1, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	checkClean(t, db)
	// The add's own ref says its version was removed.
	var gone *RemovedVersionError
	if _, _, err := db.Locate("", Pick{Arrival: add.Arrival}); !errors.As(err, &gone) || gone.Tombstone.Ref != first.Ref {
		t.Fatalf("the add's ref after rm: %v, want the version %s removed", err, first.Ref)
	}
	// Its parts went with it: the add is new again.
	if res := ingestOne(t, db, apInput(t, docs[1])); res.Status != StatusNewStory {
		t.Fatalf("the 1st Add after rm: %s, want new-story", res.Status)
	}
	checkClean(t, db)
}

// The real pair of AP89: "PM-Reagan in History, 2 Takes" and its "1st
// Add", in both orders.
func TestRealTakesPair(t *testing.T) {
	var ins []Input
	for _, name := range []string{"reagan-2takes.txt", "reagan-1st-add.txt"} {
		raw, err := os.ReadFile("../testdata/ap/" + name)
		if err != nil {
			t.Fatal(err)
		}
		it := wire.ParseItems(name, raw, wire.Options{})[0]
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		ins = append(ins, Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev})
	}
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		db := openTemp(t)
		var story string
		for _, i := range order {
			story = ingestOne(t, db, ins[i]).Story
		}
		got := wholeText(t, db, story)
		if len(got) != 1 || len(got[0]) != 39 {
			t.Fatalf("order %v: %d versions, paras %d; want one of 39", order, len(got), len(got[0]))
		}
		if !strings.HasPrefix(got[0][0], "The jury is still out") || !strings.HasPrefix(got[0][25], "``There will be a feeling") {
			t.Fatalf("order %v: para 1 %q, para 26 %q", order, got[0][0], got[0][25])
		}
		checkClean(t, db)
	}
}

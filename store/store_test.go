package store

import (
	"bufio"
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"lede/revision/wire"
)

const corpus = "../testdata/yonhap"

type labelled struct {
	id, group string
	in        Input
}

// corpusInputs parses every labelled corpus page into an Input.
func corpusInputs(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open(filepath.Join(corpus, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ ID, Group string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(corpus, "pages", l.ID+".txt")
		r, raw, err := wire.ParseFile(path, nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, labelled{l.ID, l.Group, Input{Source: path, Raw: raw, Rev: r}})
	}
	return out
}

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "lede.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ingestAll(t testing.TB, db *DB, pages []labelled, batch int) []Result {
	t.Helper()
	var out []Result
	for i := 0; i < len(pages); i += batch {
		var ins []Input
		for _, p := range pages[i:min(i+batch, len(pages))] {
			ins = append(ins, p.in)
		}
		res, err := db.Ingest(context.Background(), ins)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res...)
	}
	return out
}

// storyOf maps page id to story id as stored.
func storyOf(t testing.TB, db *DB) map[string]string {
	t.Helper()
	stories, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range stories {
		for _, v := range s.Versions {
			id := strings.TrimSuffix(filepath.Base(v.Source), ".txt")
			out[id] = s.ID
		}
	}
	return out
}

// pairwise scores a grouping against the labels.
func pairwise(pages []labelled, got map[string]string) (tp, fp, fn int, errs []string) {
	for i := range pages {
		for j := i + 1; j < len(pages); j++ {
			a, b := pages[i], pages[j]
			truth, pred := a.group == b.group, got[a.id] == got[b.id]
			switch {
			case truth && pred:
				tp++
			case pred:
				fp++
				errs = append(errs, "false join "+a.id+" + "+b.id)
			case truth:
				fn++
				errs = append(errs, "missed "+a.id+" + "+b.id)
			}
		}
	}
	return
}

func mustCheck(t testing.TB, db *DB) CheckReport {
	t.Helper()
	rep, err := db.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Fatalf("check found %d problems: %v", len(rep.Problems), rep.Problems)
	}
	return rep
}

// grouping returns the stories as sorted lists of page ids, to compare
// runs regardless of story ids.
func grouping(got map[string]string) []string {
	by := map[string][]string{}
	for page, story := range got {
		by[story] = append(by[story], page)
	}
	var out []string
	for _, pages := range by {
		sort.Strings(pages)
		out = append(out, strings.Join(pages, ","))
	}
	sort.Strings(out)
	return out
}

func TestCorpusGrouping(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	ingestAll(t, db, pages, 32)
	rep := mustCheck(t, db)
	if rep.Revisions != len(pages) {
		t.Fatalf("stored %d revisions, want %d", rep.Revisions, len(pages))
	}
	tp, fp, fn, errs := pairwise(pages, storyOf(t, db))
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("corpus grouping: %d pages, %d stories; precision %.3f, recall %.3f (tp %d, fp %d, fn %d) %v",
		len(pages), rep.Stories, p, r, tp, fp, fn, errs)
	// The targets: precision >= 0.99, recall >= 0.97. On these
	// 26 true pairs that means no error at all.
	if p < 0.99 || r < 0.97 {
		t.Errorf("precision %.3f, recall %.3f below 0.99/0.97: %v", p, r, errs)
	}
}

func TestReingestIsIdempotent(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	ingestAll(t, db, pages, 50)
	before := mustCheck(t, db)
	res := ingestAll(t, db, pages, 50)
	for _, r := range res {
		if r.Status != StatusDuplicate || r.Story == "" || r.Rev < 1 {
			t.Fatalf("second ingest of %s: %+v, want a duplicate naming its story and revision", r.Source, r)
		}
	}
	after := mustCheck(t, db)
	if before.Revisions != after.Revisions || before.Stories != after.Stories {
		t.Fatalf("counts changed: %+v -> %+v", before, after)
	}
}

func TestShuffledOrderSameStories(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	ingestAll(t, db, pages, 20)
	want := grouping(storyOf(t, db))
	rng := rand.New(rand.NewSource(7))
	for run := 0; run < 5; run++ {
		shuffled := append([]labelled(nil), pages...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		db2 := openTemp(t)
		ingestAll(t, db2, shuffled, 1+run*13)
		mustCheck(t, db2)
		got := grouping(storyOf(t, db2))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("run %d: stories differ from label-order ingest\n got %v\nwant %v", run, diffLists(got, want), diffLists(want, got))
		}
	}
}

func diffLists(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

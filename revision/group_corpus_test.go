package revision_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

type page struct {
	id, group string
	f         revision.Features
}

func corpusPages(t *testing.T) []page {
	t.Helper()
	f, err := os.Open("../testdata/yonhap/labels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []page
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ ID, Group string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		r, _, err := wire.ParseFile(filepath.Join("../testdata/yonhap/pages", l.ID+".txt"), nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page{l.ID, l.Group, revision.FeaturesOf(r)})
	}
	return out
}

// cluster groups pages online, one at a time, the way ingest does: each
// page joins the story Decide picks among all stories so far (the corpus
// is small enough to make every story a candidate), merging bridged ones.
func cluster(pages []page) map[string]string {
	type story struct {
		id      string
		members []revision.Features
		pages   []string
	}
	stories := map[string]*story{}
	next := 0
	for _, p := range pages {
		var cands []revision.Candidate
		keys := make([]string, 0, len(stories))
		for k := range stories {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			cands = append(cands, revision.Candidate{Story: k, Members: stories[k].members})
		}
		d := revision.Decide(p.f, cands)
		if d.Story == "" {
			next++
			d.Story = fmt.Sprintf("s%03d", next)
			stories[d.Story] = &story{id: d.Story}
		}
		s := stories[d.Story]
		s.members = append(s.members, p.f)
		s.pages = append(s.pages, p.id)
		for _, m := range d.Merge {
			s.members = append(s.members, stories[m].members...)
			s.pages = append(s.pages, stories[m].pages...)
			delete(stories, m)
		}
	}
	out := map[string]string{}
	for _, s := range stories {
		for _, id := range s.pages {
			out[id] = s.id
		}
	}
	return out
}

// pairScores counts page pairs put in one story by truth and by got.
func pairScores(pages []page, got map[string]string) (tp, fp, fn int, errs []string) {
	for i := range pages {
		for j := i + 1; j < len(pages); j++ {
			a, b := pages[i], pages[j]
			truth, pred := a.group == b.group, got[a.id] == got[b.id]
			switch {
			case truth && pred:
				tp++
			case pred:
				fp++
				errs = append(errs, "false join: "+a.id+" + "+b.id)
			case truth:
				fn++
				errs = append(errs, "missed: "+a.id+" + "+b.id)
			}
		}
	}
	return
}

func TestGroupingCorpusPure(t *testing.T) {
	pages := corpusPages(t)
	rng := rand.New(rand.NewSource(1))
	for run := 0; run < 20; run++ {
		order := append([]page(nil), pages...)
		if run > 0 {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		tp, fp, fn, errs := pairScores(pages, cluster(order))
		p := float64(tp) / float64(max(tp+fp, 1))
		r := float64(tp) / float64(max(tp+fn, 1))
		t.Logf("run %d: precision %.3f recall %.3f (tp %d fp %d fn %d) %v", run, p, r, tp, fp, fn, errs)
	}
}

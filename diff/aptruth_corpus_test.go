package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestAPSyntheticTruthCorpus measures the Eds: grammar, the rebuild of
// partial leads, the alignment and the AP note check on real AP items
// with known updates of both kinds (revisiontest.APTruths): writethrus
// (SUBS, INSERTS, ELIMINATES, their combination, a new top of a whole
// text, "New throughout") and partial leads (a plain 1st Ld carrying a
// new top that picks up the Mth graf pvs). Each update is written as AP
// TREC text, read by the real parser, rebuilt as `lede diff OLD NEW`
// rebuilds it (wire.RebuildFiles) and compared with the real item. It
// requires, for every pair, the whole new version exactly as intended,
// the exact paragraph ops, the note read into the intended actions and
// each of its claims about the text confirmed, with nothing unannounced.
// The items are those in testdata (a clean clone) and, when the shared
// corpus is there, every first version of a story in the AP89 days.
//
//	go test -run TestAPSyntheticTruthCorpus -v ./diff
func TestAPSyntheticTruthCorpus(t *testing.T) {
	bases := firstVersions(t, "testdata/AP890101-0015.trec", "../testdata/ap/ap89-firsts.trec")
	if dir := revisiontest.SharedDir(); dir != "" {
		raw := filepath.Join(dir, "ap89", "raw")
		files, err := os.ReadDir(raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			bases = append(bases, firstVersions(t, filepath.Join(raw, f.Name()))...)
		}
	}
	var m truthMeasure
	seen := map[string]bool{}
	for i, b := range bases {
		if seen[b.Rev.ID] {
			continue
		}
		seen[b.Rev.ID] = true
		if why := unsuitable(b); why != "" {
			m.skipped++
			t.Logf("%s: not used: %s", b.Rev.ID, why)
			continue
		}
		cases := revisiontest.APTruths(b.Raw, b.Rev, i)
		if len(cases) > 0 {
			m.stories++
		}
		for _, c := range cases {
			m.check(t, b.Rev, c)
		}
	}
	m.report(t)
}

// truthMeasure holds the figures of TestAPSyntheticTruthCorpus.
type truthMeasure struct {
	stories, skipped, pairs, exact int
	tp, fp, fn                     int // changed paragraph ops, against the truth
	partials, rebuilt              int
	claims, confirmed, item        int
}

func (m *truthMeasure) check(t *testing.T, base *revision.Revision, c revisiontest.APTruth) {
	t.Helper()
	name := base.ID + " " + c.Name
	it := wire.ParseItems(name, c.Item, wire.Options{})
	if len(it) != 1 || it[0].Err != nil {
		t.Errorf("%s: the update does not parse: %v", name, it)
		return
	}
	item := it[0].Rev
	m.pairs++
	if item.Partial != c.Partial || item.Note != c.Note {
		t.Errorf("%s: parsed partial %v note %q, want %v %q", name, item.Partial, item.Note, c.Partial, c.Note)
	}
	if verbs := actionVerbs(item.Actions); !slices.Equal(verbs, c.Verbs) {
		t.Errorf("%s: %q read as %q, want %q", name, c.Note, verbs, c.Verbs)
	}
	w := wire.RebuildFiles(base, item, "old")
	if c.Partial {
		m.partials++
	}
	if !slices.Equal(w.Rev.Paragraphs, c.Whole) {
		t.Errorf("%s: whole version (%s) differs from the intended one:\n got  %q\n want %q", name, w.Unbuilt, w.Rev.Paragraphs, c.Whole)
	} else if c.Partial {
		m.rebuilt++
	}
	r := Compare(base, w.Rev, Options{})
	var ops []string
	for _, p := range r.Paragraphs {
		ops = append(ops, fmt.Sprintf("%s %s>%s", p.Op, numOr(p.Old), numOr(p.New)))
	}
	if slices.Equal(ops, c.Ops) {
		m.exact++
	} else {
		t.Errorf("%s: ops\n got  %q\n want %q", name, ops, c.Ops)
	}
	tp, fp, fn := opCounts(ops, c.Ops)
	m.tp, m.fp, m.fn = m.tp+tp, m.fp+fp, m.fn+fn
	for _, v := range r.NoteCheck {
		if v.Target == string(revision.TargetItem) {
			m.item++ // "no pickup": about the transmission, unverifiable by design
			continue
		}
		m.claims++
		if v.Result == Confirmed {
			m.confirmed++
		} else {
			t.Errorf("%s: %q: %s %s (%s)", name, c.Note, v.Action, v.Result, v.Why)
		}
	}
	if len(r.Unannounced) > 0 {
		t.Errorf("%s: unannounced %+v", name, r.Unannounced)
	}
}

func (m *truthMeasure) report(t *testing.T) {
	t.Helper()
	if m.stories < 20 && revisiontest.SharedDir() != "" {
		t.Errorf("%d stories, want at least 20 from the AP89 days", m.stories)
	}
	share := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	p, r := share(m.tp, m.tp+m.fp), share(m.tp, m.tp+m.fn)
	f1 := share(int(2e6*p*r), int(1e6*(p+r)))
	t.Logf("%d stories (%d items not used), %d pairs: exact paragraph ops %d (%.1f%%); op F1 %.3f (changed ops: precision %.3f, recall %.3f); partial leads rebuilt whole %d of %d (%.1f%%); note claims confirmed %d of %d (%.1f%%), %d transmission claims (no pickup) unverifiable",
		m.stories, m.skipped, m.pairs, m.exact, 100*share(m.exact, m.pairs), f1, p, r,
		m.rebuilt, m.partials, 100*share(m.rebuilt, m.partials), m.confirmed, m.claims, 100*share(m.confirmed, m.claims), m.item)
	if m.pairs == 0 {
		t.Fatal("no pairs made")
	}
}

// opCounts compares the ops that change something (all but equal) with
// the truth's: true positives, false positives, false negatives. Equal
// ops are left out so that long unchanged stories do not flatter F1.
func opCounts(got, want []string) (tp, fp, fn int) {
	changed := func(ops []string) map[string]int {
		out := map[string]int{}
		for _, o := range ops {
			if !strings.HasPrefix(o, "equal ") {
				out[o]++
			}
		}
		return out
	}
	g, w := changed(got), changed(want)
	for o, n := range g {
		tp += min(n, w[o])
		fp += max(n-w[o], 0)
	}
	for o, n := range w {
		fn += max(n-g[o], 0)
	}
	return tp, fp, fn
}

func actionVerbs(as []revision.Action) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Verb)
	}
	return out
}

// firstVersions are the items of the files that are the first version of
// a story: no version words, not an advisory, an advance or a part.
func firstVersions(t *testing.T, paths ...string) []wire.Item {
	var out []wire.Item
	for _, path := range paths {
		items, err := wire.ParseFileItems(path, nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			r := it.Rev
			if r != nil && r.Agency == "AP" && r.Marker.Label == "" && r.Part == nil && !r.Partial &&
				r.Status == revision.StatusUsable && !slices.Contains(r.Signals, revision.SignalAdvisory) {
				out = append(out, it)
			}
		}
	}
	return out
}

// unsuitable says why an item cannot be the base of known updates: the
// update written from it would not read back as the same text (a digest
// whose datelines and subheads are paragraphs, text TREC put in other
// tags), so what the update's parse shows would not be the edit alone.
func unsuitable(b wire.Item) string {
	r := b.Rev
	if len(r.Paragraphs) < 5 {
		return fmt.Sprintf("%d paragraphs", len(r.Paragraphs))
	}
	for _, version := range []string{"1st Ld-Writethru", "1st Ld"} {
		note := "SUBS 2nd graf to UPDATE figure"
		it := wire.ParseItems("x", revisiontest.APRewrite(b.Raw, r.ID+"-X", version, note, r.Paragraphs), wire.Options{})
		if len(it) != 1 || it[0].Err != nil {
			return "rewritten, it does not parse"
		}
		got := it[0].Rev
		switch {
		case !slices.Equal(got.Paragraphs, r.Paragraphs):
			return "rewritten, its paragraphs read differently"
		case got.Headline != r.Headline || got.Note != note || got.Partial != (version == "1st Ld"):
			return fmt.Sprintf("rewritten as %s, it reads as headline %q note %q partial %v", version, got.Headline, got.Note, got.Partial)
		}
	}
	return ""
}

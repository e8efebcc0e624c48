package revisiontest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/yonhap"
)

// parse runs a generated page through the real input path.
func parse(t *testing.T, p revisiontest.Page) *revision.Revision {
	t.Helper()
	text, err := revision.Clean(p.Text, 0)
	if err != nil {
		t.Fatalf("%s: clean: %v", p.Name, err)
	}
	return yonhap.Parse(p.Name, text)
}

// TestPagesParse sends thousands of pages through revision.Clean and
// yonhap.Parse and checks every field the generator promises, and that
// each update changed exactly what its Edits and its note say.
func TestPagesParse(t *testing.T) {
	prev := map[int]*revision.Revision{}
	var errs []string
	fail := func(p revisiontest.Page, format string, args ...any) {
		errs = append(errs, p.Name+": "+fmt.Sprintf(format, args...))
	}
	err := revisiontest.Generate(revisiontest.Config{Seed: 7, Revisions: 5000}, func(p revisiontest.Page) error {
		r := parse(t, p)
		checkFields(p, r, fail)
		if old, ok := prev[p.Story]; ok {
			checkUpdate(p, old, r, fail)
			checkNote(p, old, r, fail)
		} else if p.Version != 0 {
			fail(p, "story %d starts at version %d", p.Story, p.Version)
		}
		prev[p.Story] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range errs {
		if i == 20 {
			t.Errorf("... and %d more", len(errs)-20)
			break
		}
		t.Error(e)
	}
}

func checkFields(p revisiontest.Page, r *revision.Revision, fail func(revisiontest.Page, string, ...any)) {
	if r.Marker.Seq != p.Version {
		fail(p, "marker seq %d (%q), want %d", r.Marker.Seq, r.Marker.Label, p.Version)
	}
	if r.Headline == "" || strings.HasPrefix(r.Headline, "(") {
		fail(p, "headline %q", r.Headline)
	}
	if n := len(r.Paragraphs); n < 10 || n > 25 {
		fail(p, "%d paragraphs", n)
	}
	if (r.Note != "") != (p.Version > 0) || (p.Version > 0) != (len(p.Edits) > 0) {
		fail(p, "version %d with note %q and %d edits", p.Version, r.Note, len(p.Edits))
	}
	if !r.Complete || !strings.HasSuffix(r.Signoff, "@yna.co.kr") || len(r.Furniture) != 0 {
		fail(p, "complete %v, signoff %q, furniture %q", r.Complete, r.Signoff, r.Furniture)
	}
	if r.Dateline.Agency != "Yonhap" || r.Dateline.Place == "" || r.Dateline.Month == 0 {
		fail(p, "dateline %+v", r.Dateline)
	}
	wantDate := p.Time.Format("2006-01-02")
	if !strings.HasPrefix(string(p.Text), " date ") {
		wantDate = "" // only the dateline's month and day are known
	}
	if r.Date.YearKnown() != (wantDate != "") || wantDate != "" && r.Date.String() != wantDate {
		fail(p, "date %s, page arrived %s", r.Date, p.Time)
	}
	for _, para := range r.Paragraphs {
		if strings.ContainsAny(para, "{}<>") || strings.Contains(para, "  ") {
			fail(p, "unrendered paragraph %q", para)
		}
	}
}

// checkUpdate compares a version with the previous one: paragraphs the
// edits do not name are unchanged and in order, and the headline, byline
// and photo change exactly when an edit says so.
func checkUpdate(p revisiontest.Page, old, r *revision.Revision, fail func(revisiontest.Page, string, ...any)) {
	if old.Marker.Seq != p.Version-1 {
		fail(p, "follows version %d", old.Marker.Seq)
	}
	// Old paragraphs less the deleted and moved ones pair in order with
	// new ones less the added and moved ones; of the pairs, only those an
	// edit says changed may differ.
	inserted, gone, changed := map[int]bool{}, map[int]bool{}, map[int]bool{}
	kinds := map[revisiontest.EditKind][]int{}
	for _, e := range p.Edits {
		kinds[e.Kind] = e.Paras
		for _, n := range e.Paras {
			switch e.Kind {
			case revisiontest.EditAdd:
				inserted[n] = true
			case revisiontest.EditChange, revisiontest.EditLead:
				changed[n] = true
			case revisiontest.EditDelete:
				gone[n] = true
			}
		}
		if e.Kind == revisiontest.EditMove {
			gone[e.Paras[0]], inserted[e.Paras[1]] = true, true
		}
	}
	var was, now []int
	for i := range old.Paragraphs {
		if !gone[i+1] {
			was = append(was, i)
		}
	}
	for i := range r.Paragraphs {
		if !inserted[i+1] {
			now = append(now, i)
		}
	}
	if len(was) != len(now) {
		fail(p, "%d kept paragraphs become %d (edits %v)", len(was), len(now), p.Edits)
		return
	}
	for k := range was {
		a, b := old.Paragraphs[was[k]], r.Paragraphs[now[k]]
		if (a != b) != changed[now[k]+1] {
			fail(p, "para %d -> %d: changed %v with edits %v:\n%q\n%q", was[k]+1, now[k]+1, a != b, p.Edits, a, b)
		}
	}
	if want := len(old.Paragraphs) - len(kinds[revisiontest.EditDelete]) + len(kinds[revisiontest.EditAdd]); len(r.Paragraphs) != want {
		fail(p, "%d paragraphs, want %d", len(r.Paragraphs), want)
	}
	if _, ok := kinds[revisiontest.EditHeadline]; ok != (r.Headline != old.Headline) {
		fail(p, "headline %q -> %q with edits %v", old.Headline, r.Headline, p.Edits)
	}
	if _, ok := kinds[revisiontest.EditByline]; ok != (r.Byline != old.Byline) || ok && old.Byline != "" {
		fail(p, "byline %q -> %q with edits %v", old.Byline, r.Byline, p.Edits)
	}
	if _, ok := kinds[revisiontest.EditPhoto]; ok && len(r.Captions) != 1 || !ok && !slices.Equal(r.Captions, old.Captions) {
		fail(p, "captions %q -> %q with edits %v", old.Captions, r.Captions, p.Edits)
	}
	if _, ok := kinds[revisiontest.EditLead]; ok && r.Paragraphs[0] == old.Paragraphs[0] {
		fail(p, "lead recast but unchanged")
	}
}

// checkNote reads the note back with the real note parser: every edit is
// announced, and every paragraph the note names was added or changed.
func checkNote(p revisiontest.Page, old, r *revision.Revision, fail func(revisiontest.Page, string, ...any)) {
	has := func(pred func(revision.Action) bool) bool { return slices.ContainsFunc(r.Actions, pred) }
	target := func(tg revision.Target) func(revision.Action) bool {
		return func(a revision.Action) bool { return a.Target == tg }
	}
	throughout := has(target(revision.TargetThroughout))
	claimed := map[string]map[int]bool{"ADDS": {}, "UPDATES": {}}
	for _, a := range r.Actions {
		if c := claimed[a.Verb]; c != nil && a.Target != revision.TargetThroughout {
			for _, n := range a.ParaSet(len(r.Paragraphs)) {
				c[n] = true
			}
		}
	}
	for _, e := range p.Edits {
		ok := true
		switch e.Kind {
		case revisiontest.EditAdd, revisiontest.EditChange:
			verb := map[revisiontest.EditKind]string{revisiontest.EditAdd: "ADDS", revisiontest.EditChange: "UPDATES"}[e.Kind]
			for _, n := range e.Paras {
				ok = ok && (throughout || claimed[verb][n])
			}
		case revisiontest.EditHeadline:
			ok = has(target(revision.TargetHeadline))
		case revisiontest.EditLead:
			ok = has(target(revision.TargetLead))
		case revisiontest.EditByline:
			ok = has(target(revision.TargetByline))
		case revisiontest.EditPhoto:
			ok = has(target(revision.TargetPhoto))
		case revisiontest.EditDelete:
			ok = has(func(a revision.Action) bool {
				return a.Verb == "TRIMS" || (a.Verb == "DELETES" || a.Verb == "REMOVES") && slices.Equal(a.ParaSet(len(old.Paragraphs)), e.Paras)
			})
		case revisiontest.EditMove:
			ok = has(func(a revision.Action) bool { return a.Verb == "RESTRUCTURES" || a.Verb == "MOVES" })
		}
		if !ok {
			fail(p, "note %q does not announce %v", r.Note, e)
		}
	}
	edited := map[string]map[int]bool{"ADDS": {}, "UPDATES": {}}
	for _, e := range p.Edits {
		for _, n := range e.Paras {
			switch e.Kind {
			case revisiontest.EditAdd:
				edited["ADDS"][n] = true
			case revisiontest.EditChange, revisiontest.EditLead:
				edited["UPDATES"][n] = true
			}
		}
	}
	for verb, ns := range claimed {
		for n := range ns {
			if !edited[verb][n] {
				fail(p, "note %q claims para %d that %s did not touch (edits %v)", r.Note, n, verb, p.Edits)
			}
		}
	}
}

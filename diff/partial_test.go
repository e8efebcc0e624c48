package diff

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lede/revision"
	"lede/revision/wire"
)

// cutRev is a revision whose page was cut off inside its last paragraph.
func cutRev(paras ...string) *revision.Revision {
	r := rev("h", "", paras...)
	r.Complete, r.Cut = false, revision.CutParagraph
	return r
}

// partialEntries are the entries of the paragraph a page was cut inside.
func partialEntries(ps []Para) []Para {
	var out []Para
	for _, p := range ps {
		if p.Cut && p.Op != OpDelete {
			out = append(out, p)
		}
	}
	return out
}

// TestPartialLastParagraph: the last paragraph of a page cut off inside
// it is unchanged as far as it goes; the rest it does not show is neither
// deleted nor added; both sides still rebuild.
func TestPartialLastParagraph(t *testing.T) {
	last := story[4]
	tests := []struct {
		name     string
		old, new *revision.Revision
		cutWord  Op     // the op of the Word holding the part not shown
		shown    string // the text the words show as equal at the cut
	}{
		{"newer page cut: a prefix", rev("h", "", story...), cutRev(with(story, func(s []string) []string {
			s[4] = last[:40]
			return s
		})...), OpDelete, last[:40]},
		{"newer page cut inside a word, opening words edited", rev("h", "", story...), cutRev(with(story, func(s []string) []string {
			s[4] = "Health officials said" + last[len("The KCDC said"):70]
			return s
		})...), OpDelete, last[len("The KCDC said"):70]},
		{"older page cut", cutRev(with(story, func(s []string) []string {
			s[4] = last[:55]
			return s
		})...), rev("h", "", story...), OpInsert, last[:55]},
		{"older page cut, paragraphs added above", cutRev(with(story, func(s []string) []string {
			s[4] = last[:55]
			return s
		})...), rev("h", "", with(story, func(s []string) []string {
			return append(s[:1], append([]string{"An added paragraph about the rescue effort in the city."}, s[1:]...)...)
		})...), OpInsert, last[:55]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(tc.old, tc.new, Options{})
			assertLossless(t, tc.old.Paragraphs, tc.new.Paragraphs, r.Paragraphs)
			ps := partialEntries(r.Paragraphs)
			if len(ps) != 1 {
				t.Fatalf("%d partial entries in %v, want 1", len(ps), opsOf(r.Paragraphs))
			}
			p := ps[0]
			if p.Op != OpEqual || *p.Old != len(tc.old.Paragraphs) || *p.New != len(tc.new.Paragraphs) {
				t.Errorf("partial entry %s, want equal %d>%d", opsOf(ps), len(tc.old.Paragraphs), len(tc.new.Paragraphs))
			}
			w := p.Words[len(p.Words)-1]
			if !w.Cut || w.Op != tc.cutWord || !strings.HasSuffix(last, w.Text) {
				t.Errorf("last word %+v, want the rest of the paragraph as a cut %s", w, tc.cutWord)
			}
			if eqText := OldText(p.Words[:len(p.Words)-1]); !strings.HasSuffix(eqText, tc.shown) && tc.cutWord == OpDelete {
				t.Errorf("shown part %q does not end with %q", eqText, tc.shown)
			}
			if r.Summary.Changed != 0 || r.Summary.Moved != 0 || r.Summary.Removed != 0 {
				t.Errorf("summary %+v counts the cut", r.Summary)
			}
			for _, u := range r.Unannounced {
				if u.New != nil && *u.New == *p.New {
					t.Errorf("unannounced %+v is the cut paragraph", u)
				}
			}
		})
	}
}

// TestPartialNotPaired: a partial last paragraph that is no paragraph's
// start stays what it is, an addition; a page that is incomplete but not
// cut inside a paragraph pairs nothing specially.
func TestPartialNotPaired(t *testing.T) {
	added := "Separately, the ministry said it would hold a briefing on the mea"
	r := Compare(rev("h", "", story...), cutRev(append(append([]string(nil), story...), added)...), Options{})
	if r.Summary.Added != 1 || len(partialEntries(r.Paragraphs)) != 0 {
		t.Errorf("new partial paragraph: summary %+v, entries %v", r.Summary, opsOf(r.Paragraphs))
	}
	signedOff := cutRev(with(story, func(s []string) []string { s[4] = last4(s[4]); return s })...)
	signedOff.Cut = revision.CutSignoff
	r = Compare(rev("h", "", story...), signedOff, Options{})
	if len(partialEntries(r.Paragraphs)) != 0 || r.Summary.Changed != 1 {
		t.Errorf("cut in the sign-off: summary %+v, entries %v", r.Summary, opsOf(r.Paragraphs))
	}
}

func last4(s string) string { return s[:len(s)/2] }

// TestPartialNoteCheck: a note naming the paragraph a page was cut inside
// cannot be borne out by it.
func TestPartialNoteCheck(t *testing.T) {
	old := rev("h", "", story...)
	cut := cutRev(with(story, func(s []string) []string {
		s[4] = story[4][:40]
		return s
	})...)
	cut.Actions = []revision.Action{{Verb: "UPDATES", Object: "para 5", Target: revision.TargetParas, Paras: []int{5}}}
	r := Compare(old, cut, Options{})
	if len(r.NoteCheck) != 1 || r.NoteCheck[0].Result != Unverifiable || !strings.Contains(r.NoteCheck[0].Why, "cut off inside: para 5") {
		t.Errorf("note check %+v, want unverifiable: para 5 cut off", r.NoteCheck)
	}
}

// TestPartialRenderers: every renderer shows the partial paragraph as cut
// and not counted, and none shows the rest it lacks as deleted.
func TestPartialRenderers(t *testing.T) {
	cut := cutRev(with(story, func(s []string) []string {
		s[4] = story[4][:40]
		return s
	})...)
	r := Compare(rev("h", "", story...), cut, Options{})
	rest := story[4][40:]
	var text, md, html bytes.Buffer
	if err := WriteText(&text, r, TextOptions{Context: 0}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, r, TextOptions{Context: 0}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTMLPage(&html, []Section{{Result: r}}); err != nil {
		t.Fatal(err)
	}
	note := "the newer page is cut off inside this paragraph; not counted as a change"
	shown := map[string]string{"text": "…", "markdown": "…", "html": `<span class="tag">…</span>`}
	for name, out := range map[string]string{"text": text.String(), "markdown": md.String(), "html": html.String()} {
		if !strings.Contains(out, note) || !strings.Contains(out, story[4][:40]+shown[name]) {
			t.Errorf("%s does not show the cut paragraph as cut:\n%s", name, out)
		}
		if strings.Contains(out, strings.TrimSpace(rest)[:20]) {
			t.Errorf("%s shows the rest the cut page lacks:\n%s", name, out)
		}
	}
	if !strings.Contains(text.String(), "?   5  "+story[4][:40]+"…") {
		t.Errorf("text line for the cut paragraph:\n%s", text.String())
	}
	if !strings.Contains(text.String(), "summary   +0 ~0 -0") {
		t.Errorf("text summary:\n%s", text.String())
	}
	js, err := json.Marshal(r.JSON())
	if err != nil || !bytes.Contains(js, []byte(`"op":"equal","old":5,"new":5`)) || !bytes.Contains(js, []byte(`"cut":true`)) {
		t.Errorf("JSON %s, %v", js, err)
	}
}

// TestPartialTyphoonPair: the 4th LD of the Typhoon Haishen story is cut
// off inside its last paragraph, the start of the older page's para 2 with
// its opening words recast. That paragraph is neither a change, nor a
// move, nor unannounced, and the JSON says so.
func TestPartialTyphoonPair(t *testing.T) {
	old, new := page(t, "AEN20200905000400320"), page(t, "AEN20200905000454320")
	if !new.PartialLast() {
		t.Fatalf("newer page: complete %v, cut %q", new.Complete, new.Cut)
	}
	r := Compare(old, new, Options{})
	assertLossless(t, old.Paragraphs, new.Paragraphs, r.Paragraphs)
	var d struct {
		Paragraphs []struct {
			Op       string
			Old, New *int
			Cut      bool
			Words    []Word
		}
		Summary     Summary
		Unannounced []Unannounced
		NoteCheck   []struct{ Action, Verdict string } `json:"note_check"`
	}
	js, _ := json.Marshal(r.JSON())
	if err := json.Unmarshal(js, &d); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, p := range d.Paragraphs {
		if p.New == nil || *p.New != 10 {
			continue
		}
		found = true
		if p.Op != "equal" || !p.Cut || p.Old == nil || *p.Old != 2 {
			t.Errorf("para 10: op %s cut %v old %v; want equal, cut, old para 2", p.Op, p.Cut, p.Old)
		}
		last := p.Words[len(p.Words)-1]
		if !last.Cut || last.Op != OpDelete || !strings.HasPrefix(last.Text, "utheast and Jeju Island") {
			t.Errorf("para 10's last word %+v, want the rest of old para 2 after \"so\", cut", last)
		}
	}
	if !found {
		t.Fatal("no entry for new para 10")
	}
	s := d.Summary
	if s.Added != 6 || s.Changed != 3 || s.Removed != 3 || s.Moved != 0 {
		t.Errorf("summary %+v, want +6 ~3 -3, nothing moved", s)
	}
	for _, u := range d.Unannounced {
		if u.Part == "para" && (u.New != nil && *u.New == 10 || u.Old != nil && *u.Old == 2) {
			t.Errorf("unannounced %+v is the cut paragraph", u)
		}
	}
	if len(d.NoteCheck) == 0 || d.NoteCheck[0].Verdict != Confirmed {
		t.Errorf("note check %+v", d.NoteCheck)
	}
}

// TestPartialAnyCut cuts the newer page of every corpus pair inside its
// last paragraph at many points: the diff stays lossless, and where the
// older page has that paragraph whole, the cut paragraph is equal and cut,
// never a change.
func TestPartialAnyCut(t *testing.T) {
	for _, p := range corpusPairs(t) {
		old, full := p[0], p[1]
		n := len(full.Paragraphs)
		last := full.Paragraphs[n-1]
		whole := slices.Contains(old.Paragraphs, last)
		for at := 1; at < len(last); at += 13 {
			if !utf8.RuneStart(last[at]) || strings.TrimSpace(last[:at]) != last[:at] {
				continue
			}
			cut := *full
			cut.Paragraphs = append(slices.Clone(full.Paragraphs[:n-1]), last[:at])
			cut.Complete, cut.Cut = false, revision.CutParagraph
			r := Compare(old, &cut, Options{})
			assertLossless(t, old.Paragraphs, cut.Paragraphs, r.Paragraphs)
			if !whole {
				continue
			}
			ps := partialEntries(r.Paragraphs)
			if len(ps) != 1 || ps[0].Op != OpEqual || *ps[0].New != n {
				t.Errorf("%s cut at %d: partial entries %v in %v", full.Source, at, opsOf(ps), opsOf(r.Paragraphs))
			}
		}
	}
}

// TestCutSignoffIsNoParagraph: a page cut off inside its sign-off
// ("yonngong@") compared with the whole page, either way round, shows no
// paragraph added or removed.
func TestCutSignoffIsNoParagraph(t *testing.T) {
	data, err := os.ReadFile("../testdata/yonhap/pages/AEN20200201001200320.txt")
	if err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(data, []byte("yonngong@yna.co.kr"))
	whole, err1 := wire.Parse("whole.txt", data, wire.Options{})
	cut, err2 := wire.Parse("cut.txt", append(data[:at:at], "yonngong@"...), wire.Options{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for _, pair := range [][2]*revision.Revision{{whole, cut}, {cut, whole}} {
		r := Compare(pair[0], pair[1], Options{})
		if s := r.Summary; s.Added+s.Removed+s.Changed+s.Moved != 0 || len(r.Unannounced) != 0 {
			t.Errorf("%s -> %s: summary %+v, unannounced %v", pair[0].Source, pair[1].Source, s, r.Unannounced)
		}
	}
}

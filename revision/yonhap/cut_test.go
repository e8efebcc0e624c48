package yonhap

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
)

// corpusText reads a corpus page as text.
func corpusText(t *testing.T, id string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir, "pages", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestCutSignoff: a page cut off inside its sign-off keeps every
// paragraph and reads the cut address as a (cut) sign-off, not as a
// paragraph of its own.
func TestCutSignoff(t *testing.T) {
	page := corpusText(t, "AEN20200201001200320") // ends "yonngong@yna.co.kr\n(END)"
	at := strings.Index(page, "yonngong@yna.co.kr")
	full := parseText(t, page)
	tests := []struct {
		name, tail, signoff string
	}{
		{"after the @", "yonngong@", "yonngong@"},
		{"inside the domain", "yonngong@yna.c", "yonngong@yna.c"},
		{"whole address, no end mark", "yonngong@yna.co.kr", "yonngong@yna.co.kr"},
		{"second address cut", "yonngong@yna.co.kr, kokobj@y", "yonngong@yna.co.kr, kokobj@y"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, page[:at]+tc.tail)
			eq(t, "paragraphs", r.Paragraphs, full.Paragraphs)
			eq(t, "signoff", r.Signoff, tc.signoff)
			eq(t, "complete", r.Complete, false)
			eq(t, "cut", r.Cut, revision.CutSignoff)
			eq(t, "partial last", r.PartialLast(), false)
		})
	}
	// Text with a space before its @ is no address, and an address cut
	// before its @ cannot be told from a word: both stay text.
	r := parseText(t, page[:at]+"Kim said he@")
	eq(t, "not an address", r.Paragraphs[len(r.Paragraphs)-1], "Kim said he@")
	eq(t, "cut", r.Cut, revision.CutParagraph)
}

// TestParseCutEndMark: a page whose last character was cut is incomplete
// even when its text ends in "(END)"; the flag changes nothing else.
func TestParseCutEndMark(t *testing.T) {
	page := corpusText(t, "AEN20200201001200320")
	page = page[:strings.Index(page, "(END)")+len("(END)")]
	whole, cut := Parse("p", page), ParseCut("p", page, true)
	eq(t, "whole complete", whole.Complete, true)
	eq(t, "whole cut", whole.Cut, revision.Part(""))
	eq(t, "cut complete", cut.Complete, false)
	eq(t, "cut part", cut.Cut, revision.CutEndMark)
	eq(t, "same paragraphs", cut.Paragraphs, whole.Paragraphs)
	eq(t, "same signoff", cut.Signoff, whole.Signoff)
	// Cut inside its last paragraph instead: that paragraph is partial.
	cutPara := ParseCut("p", page[:strings.Index(page, "with more details")], true)
	eq(t, "partial last", cutPara.PartialLast(), true)
	eq(t, "last", cutPara.Paragraphs[len(cutPara.Paragraphs)-1][len("The KCDC said"):][:10], " the man h")
}

// TestCorpusCut: every corpus page says where it was cut, and only an
// incomplete page is cut: one that ends in story text has a partial last
// paragraph, which is where its text stops.
func TestCorpusCut(t *testing.T) {
	parts := map[revision.Part]int{}
	for _, l := range loadLabels(t) {
		r := parsePage(t, filepath.Join(corpusDir, "pages", l.ID+".txt"))
		parts[r.Cut]++
		text := corpusText(t, l.ID)
		if r.Complete && r.Cut != "" || !r.Complete && (r.Cut == "") != strings.HasSuffix(text, "\n") {
			t.Errorf("%s: complete %v, cut %q, the page ends %q", l.ID, r.Complete, r.Cut, text[len(text)-20:])
		}
		if r.PartialLast() {
			last := r.Paragraphs[len(r.Paragraphs)-1]
			text := strings.TrimSpace(text)
			if tail := last[max(0, len(last)-30):]; !strings.HasSuffix(text, tail) {
				t.Errorf("%s: partial last paragraph ends %q, the page %q", l.ID, tail, text[len(text)-30:])
			}
		}
	}
	// 24 complete pages and 39 that stop at a line break; 40 cut inside
	// a paragraph, 1 inside its end mark.
	if parts[""] != 63 || parts[revision.CutParagraph] != 40 || parts[revision.CutEndMark] != 1 {
		t.Errorf("cut parts %v", parts)
	}
}

package yonhap

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
)

// FuzzParse feeds the parser mutated real pages. It must never panic, and
// what it returns must come from the input: every paragraph, the headline,
// the note and the sign-off are found in the page text (paragraphs after
// white space is collapsed, because stray line breaks are mended), and a
// page is complete only when it holds (END). Every date it gives is a
// real one.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(corpusDir, "pages", "*.txt"))
	seeds = append(seeds, "../../testdata/seed-AEN20191230000451325.txt")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("(LEAD) x\n(ATTN: ADDS paras 1-999999, last 99999 paras)\nSEOUL, Dec. 1 (Yonhap) -- y\n(END)"))
	f.Add([]byte(" date 2023-02-29 (LEAD) x\nAll News 06:12 October 47, 2022\nSEOUL, Feb. 29 (Yonhap) -- y\n(END)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := revision.Clean(data, 1<<20)
		if err != nil {
			return
		}
		r := Parse("fuzz", text)
		flat := collapse(text)
		for i, p := range r.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("para %d is empty", i+1)
			}
			if !strings.Contains(flat, collapse(p)) {
				t.Fatalf("para %d not from the input: %q", i+1, p)
			}
		}
		if !strings.Contains(flat, collapse(r.Dateline.Text)) {
			t.Fatalf("dateline not from the input: %q", r.Dateline.Text)
		}
		for what, s := range map[string]string{"raw headline": r.RawHeadline, "note": r.Note, "byline": r.Byline} {
			if !strings.Contains(text, s) {
				t.Fatalf("%s not from the input: %q", what, s)
			}
		}
		if !strings.Contains(r.RawHeadline, r.Headline) {
			t.Fatalf("headline %q not inside raw headline %q", r.Headline, r.RawHeadline)
		}
		if !r.Date.Valid() || !(revision.Date{Year: r.Date.Year, Month: r.Dateline.Month, Day: r.Dateline.Day}).Valid() && r.Dateline.Month != 0 {
			t.Fatalf("date %+v, dateline %+v: not a real date", r.Date, r.Dateline)
		}
		if r.Complete && !strings.Contains(text, "(END)") {
			t.Fatal("complete without (END)")
		}
		if c := ParseCut("fuzz", text, true); c.Complete || !slices.Equal(c.Paragraphs, r.Paragraphs) {
			t.Fatalf("cut mid-character: complete %v, paragraphs %q, want incomplete and %q", c.Complete, c.Paragraphs, r.Paragraphs)
		}
		for _, a := range r.Actions {
			if len(a.Paras) > 1000 {
				t.Fatalf("action %q expands to %d paras", a.Object, len(a.Paras))
			}
			_ = a.ParaSet(len(r.Paragraphs))
		}
		if len(r.Paragraphs) > 0 && r.Dateline.Text != "" && !strings.HasPrefix(r.Paragraphs[0], r.Dateline.Text) {
			t.Fatalf("dateline %q does not open para 1", r.Dateline.Text)
		}
	})
}

package diff

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"lede/revision"
)

// revWith is a revision of the given paragraphs, complete.
func revWith(paras ...string) *revision.Revision {
	return &revision.Revision{Source: "x", Headline: "h", Paragraphs: paras, Complete: true}
}

func TestFiguresHandMade(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []Figure // Context left out of the comparison
	}{
		{"death toll", "The death toll rose to 18 on Sunday.", "The death toll rose to 21 on Sunday.",
			[]Figure{{Para: 1, Old: "18", New: "21", Label: "death toll"}}},
		{"time with its word", "The attack began at 3 a.m. local time.", "The attack began at 9 p.m. local time.",
			[]Figure{{Para: 1, Old: "3 a.m.", New: "9 p.m.", Label: "attack began"}}},
		{"score", "Democrats lead 13-10 in the count.", "Democrats lead 13-6 in the count.",
			[]Figure{{Para: 1, Old: "13-10", New: "13-6", Label: "Democrats lead"}}},
		{"money and percent", "Sales reached $1.2 billion, up 45% on the year.", "Sales reached $1.4 billion, up 52% on the year.",
			[]Figure{{Para: 1, Old: "$1.2 billion", New: "$1.4 billion", Label: "Sales"}, {Para: 1, Old: "45%", New: "52%", Label: ""}}},
		{"number word with unit", "Officials said three dead were found.", "Officials said five dead were found.",
			[]Figure{{Para: 1, Old: "three dead", New: "five dead", Label: "Officials"}}},
		{"unit only changes", "It moved at 20 kilometers per hour.", "It moved at 20 miles per hour.",
			[]Figure{{Para: 1, Old: "20 kilometers per hour", New: "20 miles per hour", Label: "moved"}}},
		{"a new sentence with a year is no changed figure", "He spoke.", "He spoke. He was born in 1950.", nil},
		{"number inside a word is no figure", "The COVID-19 tally grew.", "The COVID-20 tally grew.", nil},
		{"words around an unchanged figure", "Some 18 people died.", "As many as 18 people died.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(revWith("SEOUL -- Intro.", tt.old), revWith("SEOUL -- Intro.", tt.new), Options{})
			var got []Figure
			for _, f := range r.Figures {
				if f.Para != 2 {
					t.Errorf("figure in para %d, want 2", f.Para)
				}
				if !strings.Contains(f.Context, f.New) {
					t.Errorf("context %q lacks the new figure %q", f.Context, f.New)
				}
				f.Para, f.Context = 1, ""
				got = append(got, f)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("figures:\n got %+v\nwant %+v", got, tt.want)
			}
			if s := r.UpdateSummary(); !reflect.DeepEqual(s.Figures, nonEmptyFigures(r.Figures)) {
				t.Errorf("update summary figures %+v, want %+v", s.Figures, r.Figures)
			}
		})
	}
}

func nonEmptyFigures(fs []Figure) []Figure {
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// TestFiguresRealPairs: real updates from testdata, the figures a desk
// looks for.
func TestFiguresRealPairs(t *testing.T) {
	tests := []struct {
		old, new string
		want     []string // Figure.String() of some figures listed
	}{
		{"AEN20200301003600320", "AEN20200301003652320", []string{"country's death toll 18 → 21 (para 1)"}},
		{"AEN20200905000400320", "AEN20200905000454320", []string{"3 a.m. → 9 p.m. (para 3)", "Haishen 590 kilometers → 330 kilometers (para 3)"}},
		{"AEN20200831001800315", "AEN20200831001851315", []string{"island of Jeju 3 a.m. → 9 a.m. (para 7)", "pressure 955 hectopascals → 950 hectopascals (para 2)"}},
		{"AEN20220309004700315", "AEN20220309004751315", nil},
	}
	for _, tt := range tests {
		r := Compare(page(t, tt.old), page(t, tt.new), Options{})
		got := map[string]bool{}
		for _, f := range r.Figures {
			got[f.String()] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%s → %s: figures lack %q; got %v", tt.old, tt.new, w, r.Figures)
			}
		}
		if tt.want == nil && len(r.Figures) > 0 {
			t.Errorf("%s → %s: figures %v, want none", tt.old, tt.new, r.Figures)
		}
	}
}

// TestAbuttingChangesKeptApart: a deletion right next to an insertion
// ("590" by "330") shows with a boundary in every renderer, never as
// "590330"; the words still rebuild both sides.
func TestAbuttingChangesKeptApart(t *testing.T) {
	r := Compare(revWith("Intro.", "It was some 590 kilometers away at 3 a.m. Saturday."),
		revWith("Intro.", "It was some 330 kilometers away at 9 p.m. Saturday."), Options{})
	p := r.Paragraphs[1]
	if OldText(p.Words) != "It was some 590 kilometers away at 3 a.m. Saturday." {
		t.Fatalf("old side %q", OldText(p.Words))
	}
	var text, color, md, html bytes.Buffer
	WriteText(&text, r, TextOptions{})
	WriteText(&color, r, TextOptions{Color: true})
	WriteMarkdown(&md, r, TextOptions{})
	WriteHTMLPage(&html, []Section{{Result: r}})
	for name, c := range map[string]struct{ out, want string }{
		"text":     {text.String(), "[-590-]{+330+}"},
		"colour":   {color.String(), "\x1b[31;9m590\x1b[0m \x1b[32m330\x1b[0m"},
		"markdown": {md.String(), "~~590~~ **330**"},
		"html":     {html.String(), "<del>590</del> <ins>330</ins>"},
	} {
		if !strings.Contains(c.out, c.want) {
			t.Errorf("%s lacks %q:\n%s", name, c.want, c.out)
		}
	}
	if !strings.Contains(text.String(), "figures   590 kilometers → 330 kilometers (para 2); away 3 a.m. → 9 p.m. (para 2)\n") {
		t.Errorf("text lacks the figures line:\n%s", text.String())
	}
	if !strings.Contains(html.String(), "Figures: <strong>590 kilometers → 330 kilometers (para 2)") {
		t.Errorf("html lacks the figures line:\n%s", html.String())
	}
}

// TestMarkdownKeepsAgencyNumbers: paragraphs are numbered as the agency
// numbers them in a form CommonMark does not renumber (no list item that
// starts at 1 and counts on), and a byline change shows.
func TestMarkdownKeepsAgencyNumbers(t *testing.T) {
	old := revWith("One.", "Two.", "Three.")
	old.Byline = "By Kim"
	new := revWith("One.", "Two.", "Three.", "Four added.")
	new.Byline = "By Lee"
	var md bytes.Buffer
	WriteMarkdown(&md, Compare(old, new, Options{}), TextOptions{Context: 0})
	out := md.String()
	for _, w := range []string{"4\\. **Four added.** *(added)*\n\n", "Byline: By ~~Kim~~ **Lee**"} {
		if !strings.Contains(out, w) {
			t.Errorf("markdown lacks %q:\n%s", w, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if len(line) > 1 && line[0] >= '0' && line[0] <= '9' && strings.Contains(line[:3], ". ") {
			t.Errorf("line %q is an ordered list item CommonMark renumbers", line)
		}
	}
}

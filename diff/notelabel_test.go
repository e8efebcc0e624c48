package diff

import (
	"encoding/json"
	"strings"
	"testing"

	"lede/revision"
)

// TestNoteLabels: every renderer shows the newer version's note with its
// agency's own label, as the wire sent it.
func TestNoteLabels(t *testing.T) {
	tests := []struct {
		agency, note, label, line string
	}{
		{"Yonhap", "ADDS byline", "ATTN:", "(ATTN: ADDS byline)"},
		{"AP", "LEADS with 1 graf", "Eds:", "Eds: LEADS with 1 graf"},
		{"dpa", "Bildhinweis ergänzt", "Editor's note:", "Editor's note: Bildhinweis ergänzt"},
	}
	for _, tt := range tests {
		old := &revision.Revision{Agency: tt.agency, Headline: "Ferry sinks", Paragraphs: []string{"A ferry sank."}, Complete: true}
		new := &revision.Revision{Agency: tt.agency, Headline: "Ferry sinks", Note: tt.note, Paragraphs: []string{"A ferry sank.", "Twelve died."}, Complete: true}
		r := Compare(old, new, Options{})
		if r.NoteLabel != tt.label {
			t.Errorf("%s: note_label %q, want %q", tt.agency, r.NoteLabel, tt.label)
		}
		var text, mdown, html strings.Builder
		if err := WriteText(&text, r, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteMarkdown(&mdown, r, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteHTMLPage(&html, []Section{{Result: r}}); err != nil {
			t.Fatal(err)
		}
		if want := "note      " + tt.line + "\n"; !strings.Contains(text.String(), want) {
			t.Errorf("%s: text lacks %q:\n%s", tt.agency, want, text.String())
		}
		if want := "*" + md(tt.line) + "*"; !strings.Contains(mdown.String(), want) {
			t.Errorf("%s: markdown lacks %q:\n%s", tt.agency, want, mdown.String())
		}
		esc := strings.ReplaceAll(tt.line, "'", "&#39;")
		if want := `<p class="meta">` + esc + `</p>`; !strings.Contains(html.String(), want) {
			t.Errorf("%s: HTML lacks %q", tt.agency, want)
		}
		if other := map[string]string{"Yonhap": "Eds:", "AP": "ATTN", "dpa": "ATTN"}[tt.agency]; strings.Contains(text.String()+mdown.String()+html.String(), other) {
			t.Errorf("%s: another agency's label %q shown", tt.agency, other)
		}
		b, _ := json.Marshal(r)
		var j struct {
			NoteLabel string `json:"note_label"`
		}
		if err := json.Unmarshal(b, &j); err != nil || j.NoteLabel != tt.label {
			t.Errorf("%s: JSON note_label %q (%v)", tt.agency, j.NoteLabel, err)
		}
	}
}

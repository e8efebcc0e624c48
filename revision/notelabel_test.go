package revision

import "testing"

func TestNoteLabel(t *testing.T) {
	tests := []struct{ agency, label, text string }{
		{"Yonhap", "ATTN:", "(ATTN: ADDS byline)"},
		{"AP", "Eds:", "Eds: ADDS byline"},
		{"dpa", "Editor's note:", "Editor's note: ADDS byline"},
		{"Reuters", "Editor's note:", "Editor's note: ADDS byline"},
		{"", "Editor's note:", "Editor's note: ADDS byline"},
	}
	for _, tt := range tests {
		if got := NoteLabel(tt.agency); got != tt.label {
			t.Errorf("NoteLabel(%q) = %q, want %q", tt.agency, got, tt.label)
		}
		if got := NoteText(tt.agency, "ADDS byline"); got != tt.text {
			t.Errorf("NoteText(%q) = %q, want %q", tt.agency, got, tt.text)
		}
	}
}

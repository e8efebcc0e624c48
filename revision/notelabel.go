package revision

import "strings"

// NoteLabel is the label an agency puts before its editor's note, so
// that a note is shown the way the desk knows it from the wire: "ATTN:"
// for Yonhap, "Eds:" for AP, "Editor's note:" for any other agency (and
// for an item that names none), as the others send their notes in a
// field of their own without a label of the wire's.
func NoteLabel(agency string) string {
	switch strings.ToLower(strings.TrimSpace(agency)) {
	case "yonhap":
		return "ATTN:"
	case "ap", "associated press", "the associated press":
		return "Eds:"
	}
	return "Editor's note:"
}

// NoteText writes a note with its agency's label as a one-line field:
// "(ATTN: ADDS byline)" for Yonhap, which sends its note in parentheses,
// "Eds: LEADS with 1 graf" for AP, "Editor's note: Noe utvidet." else.
func NoteText(agency, note string) string {
	l := NoteLabel(agency)
	if l == "ATTN:" {
		return "(" + l + " " + note + ")"
	}
	return l + " " + note
}

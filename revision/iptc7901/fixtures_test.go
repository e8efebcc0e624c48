package iptc7901

import (
	"slices"
	"testing"

	"lede/revision"
)

// A correction says so in its header lines; its note to editors says
// what was corrected, and is the note.
func TestCorrection(t *testing.T) {
	r := parseFile(t, "testdata/correction.txt")
	if !slices.Equal(r.Signals, []string{revision.SignalCorrection}) || !slices.Equal(r.Marker.Flags, []string{"CORRECTION"}) {
		t.Errorf("signals %q flags %q, want correction", r.Signals, r.Marker.Flags)
	}
	if r.Version != 0 || r.Headline != "German train drivers call off strike after pay deal" {
		t.Errorf("version %d headline %q", r.Version, r.Headline)
	}
	if r.Note != "corrects day of strike in para 1 to Thursday" || len(r.Actions) != 1 || r.Actions[0].Verb != "CORRECTS" {
		t.Errorf("note %q actions %+v", r.Note, r.Actions)
	}
	if r.Key != "dpa:Germany-Bahn-strike:--03-05" || r.Time != "09:45" || r.ID != "eca0107" {
		t.Errorf("key %q time %q id %q", r.Key, r.Time, r.ID)
	}
	want := []string{
		"Berlin (dpa) - German train drivers called off a strike planned for Thursday after reaching a pay deal with Deutsche Bahn, the union said on Tuesday.",
		"The GDL union had called the strike for 24 hours.",
	}
	if !slices.Equal(r.Paragraphs, want) || r.Signoff != "dpa abc xyz" {
		t.Errorf("paragraphs %q signoff %q", r.Paragraphs, r.Signoff)
	}
}

// Without a note to editors, what follows the not-for-publication line is
// the note; a lead label is the version.
func TestEditorsNoteAfterNotForPublication(t *testing.T) {
	r := parseFile(t, "testdata/editors_note.txt")
	if r.Note != "Updates with interior ministry figures; embargo lifted.\nTel: +49 30 2852 31472" {
		t.Errorf("note %q", r.Note)
	}
	if len(r.Actions) == 0 || r.Actions[0].Verb != "UPDATES" || r.Actions[0].Object != "with interior ministry figures; embargo lifted" {
		t.Errorf("actions %+v", r.Actions)
	}
	if r.Marker.Label != "2ND LEAD" || r.Marker.Seq != 2 || r.Version != 2 || !slices.Equal(r.Signals, []string{revision.SignalUpdate}) {
		t.Errorf("marker %+v version %d signals %q", r.Marker, r.Version, r.Signals)
	}
	if r.Byline != "dpa correspondents" || r.Dateline.Place != "Paris" || r.Dateline.Agency != "dpa" {
		t.Errorf("byline %q dateline %+v", r.Byline, r.Dateline)
	}
	if len(r.Paragraphs) != 2 || r.Signoff != "dpa xy zq" || !r.Complete {
		t.Errorf("paragraphs %q signoff %q complete %v", r.Paragraphs, r.Signoff, r.Complete)
	}
}

// Paragraphs end at a blank line, and an indented line opens one even
// without a blank line before it, as older 7901 copy is set.
func TestIndentedParagraphs(t *testing.T) {
	msg := "\x01eca5 4 i 20 dpa 5\nX/\n\x02Head =\n   Berlin (dpa) - One\ncontinued.\n   Two.\n\nThree\nwrapped.\n\x03101010 GMT Jan 02\n"
	r, err := Parse("indent", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Berlin (dpa) - One continued.", "Two.", "Three wrapped."}; !slices.Equal(r.Paragraphs, want) {
		t.Errorf("paragraphs %q, want %q", r.Paragraphs, want)
	}
}

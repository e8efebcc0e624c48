package store

import (
	"context"
	"testing"

	"lede/revision"
)

func TestReadableID(t *testing.T) {
	taken := map[string]bool{"200202-s-korea-reports-3": true, "200202-n-korea-fires": true, "xx0201-s-korea-reports": true}
	exists := func(id string) bool { return taken[id] }
	for old, want := range map[string]string{
		"xx0201-s-korea-reports-12th": "feb01-s-korea-reports-12th",
		"200202-s-korea-reports-3-2":  "200202-s-korea-reports-3-b", // a collision suffix
		"200202-n-korea-fires-3":      "200202-n-korea-fires-c",
		"221109-n-korea-fires-1":      "", // the headline's figure, no collision
		"xx0201-s-korea-reports-2":    "feb01-s-korea-reports-b",
		"200202-s-korea-reports-3":    "",
	} {
		if got := readableID(old, exists); got != want {
			t.Errorf("readableID(%q) = %q, want %q", old, got, want)
		}
	}
}

// TestStoryIDCollisions: stories of one date and slug are told apart by
// letters, never by numbers that read as figures; a page without a year
// is named by its month.
func TestStoryIDCollisions(t *testing.T) {
	db := openTemp(t)
	var ins []Input
	for i, text := range []string{"Storm hits coast", "Fire in the city", "Vote count begins"} {
		r := &revision.Revision{Source: "p" + string(rune('a'+i)), Headline: "N. Korea fires 3 missiles", Date: revision.Date{Year: 2020, Month: 2, Day: 2},
			Paragraphs: []string{text + " one.", text + " two."}, Complete: true}
		ins = append(ins, Input{Source: r.Source, Raw: []byte(text), Rev: r})
	}
	yearless := &revision.Revision{Source: "y", Headline: "Typhoon nears", Date: revision.Date{Month: 9, Day: 5}, Paragraphs: []string{"Wind."}, Complete: true}
	ins = append(ins, Input{Source: "y", Raw: []byte("y"), Rev: yearless})
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		ids = append(ids, r.Story)
	}
	want := []string{"200202-n-korea-fires-3", "200202-n-korea-fires-3-b", "200202-n-korea-fires-3-c", "sep05-typhoon-nears"}
	for i := range want {
		if i >= len(ids) || ids[i] != want[i] {
			t.Fatalf("ids %q, want %q", ids, want)
		}
	}
}

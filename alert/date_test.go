package alert

import (
	"encoding/json"
	"testing"

	"lede/revision"
	"lede/store"
)

// TestDraftDateInStoryYear: an alert dates a page that shows no year with
// its story's year, but only where that makes a real date: a year-less
// Feb. 29 in a story of 2023 stays --02-29 instead of 2023-02-29.
func TestDraftDateInStoryYear(t *testing.T) {
	for _, tc := range []struct {
		dateline string
		year     int
		want     string
	}{
		{"Feb. 29", 2023, `"--02-29"`},
		{"Feb. 29", 2024, `"2024-02-29"`},
		{"March 1", 2023, `"2023-03-01"`},
	} {
		page := "(LEAD) N. Korea fires missile\n(ATTN: ADDS details)\nSEOUL, " + tc.dateline +
			" (Yonhap) -- North Korea fired a missile.\nIt was the eighth.\n(END)\n"
		e := store.Event{Arrival: 7, Story: "230228-n-korea-fires", Rev: 2, Year: tc.year,
			Record: store.RevRecord{Source: "p.txt"}, Raw: []byte(page)}
		a, err := Draft(e, revision.Rules{Kinds: []revision.AlertKind{revision.KindAny}}, "db", "")
		if err != nil || a == nil {
			t.Fatalf("%s in %d: %v, %v", tc.dateline, tc.year, a, err)
		}
		if b, _ := json.Marshal(a.Date); string(b) != tc.want {
			t.Errorf("%s in %d: alert date %s, want %s", tc.dateline, tc.year, b, tc.want)
		}
	}
}

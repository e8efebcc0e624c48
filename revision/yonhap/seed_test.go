package yonhap

import (
	"reflect"
	"strings"
	"testing"

	"lede/revision"
)

// TestSeedPage pins every field of the full page the project started
// from, (LEAD) N.K. holds 2nd session of party meeting ..., 30 Dec 2019.
func TestSeedPage(t *testing.T) {
	r := parsePage(t, "../../testdata/seed-AEN20191230000451325.txt")
	tests := []struct {
		name      string
		got, want any
	}{
		{"format", r.Format, "yonhap-text"},
		{"date", r.Date.String(), "2019-12-30"},
		{"time", r.Time, ""},
		{"marker label", r.Marker.Label, "LEAD"},
		{"marker seq", r.Marker.Seq, 1},
		{"marker flags", len(r.Marker.Flags), 0},
		{"tags", len(r.Tags), 0},
		{"headline", r.Headline, "N.K. holds 2nd session of party meeting to discuss 'offensive measures' to ensure sovereignty, security"},
		{"raw headline", r.RawHeadline, "(LEAD) N.K. holds 2nd session of party meeting to discuss 'offensive measures' to ensure sovereignty, security"},
		{"note", r.Note, "ADDS details throughout, byline, photo"},
		{"byline", r.Byline, "Koh Byung-joon"},
		{"authors", r.Authors, []string{"Koh Byung-joon"}},
		{"dateline place", r.Dateline.Place, "SEOUL"},
		{"dateline date", r.Dateline.Date, "Dec. 30"},
		{"dateline month/day", [2]int{r.Dateline.Month, r.Dateline.Day}, [2]int{12, 30}},
		{"dateline agency", r.Dateline.Agency, "Yonhap"},
		{"dateline text", r.Dateline.Text, "SEOUL, Dec. 30 (Yonhap) -- "},
		{"paragraph count", len(r.Paragraphs), 20},
		{"para 1", r.Paragraphs[0], `SEOUL, Dec. 30 (Yonhap) -- North Korea discussed "offensive measures" to ensure the country's sovereignty and security during the second-day session of a major party meeting, state media reported Monday.`},
		{"para 6", r.Paragraphs[5], "DPRK stands for the North's official name, the Democratic People's Republic of Korea."},
		{"para 20 prefix", strings.HasPrefix(r.Paragraphs[19], "The U.S. has warned Pyongyang against provocations"), true},
		{"captions", len(r.Captions), 0},
		{"signoff", r.Signoff, "kokobj@yna.co.kr"},
		{"complete", r.Complete, true},
		{"furniture starts after (END)", r.Furniture[0], "-"},
		{"furniture holds the most-viewed list", contains(r.Furniture, "(LEAD) U.S. flies 4 spy planes at same time amid concern about N.K. 'Christmas gift'"), true},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s = %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
	wantActions := []revision.Action{
		{Verb: "ADDS", Object: "details throughout", Target: revision.TargetThroughout, Paras: []int{}},
		{Verb: "ADDS", Object: "byline", Target: revision.TargetByline, Paras: []int{}},
		{Verb: "ADDS", Object: "photo", Target: revision.TargetPhoto, Paras: []int{}},
	}
	if !reflect.DeepEqual(r.Actions, wantActions) {
		t.Errorf("actions = %+v, want %+v", r.Actions, wantActions)
	}
	for i, p := range r.Paragraphs {
		if contains(r.Furniture, p) {
			t.Errorf("para %d also listed as furniture: %.50q", i+1, p)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

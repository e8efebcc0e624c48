package jsonl_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/jsonl"
	"lede/revision/wire"
)

func items(t *testing.T, name string) []wire.Item {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := revision.DetectFormat(data); !ok || f.Name != jsonl.Format {
		t.Fatalf("%s: detected as %q, want %s", name, f.Name, jsonl.Format)
	}
	return wire.ParseItems(name, data, wire.Options{})
}

// A file with bad lines: each bad line is an error naming its item and
// its line and saying what is wrong; every good line is parsed.
func TestBadLines(t *testing.T) {
	its := items(t, "bad_line.jsonl")
	want := []string{
		"",
		`bad_line.jsonl#2: line 3: not a JSON object`,
		`bad_line.jsonl#3: line 4: no headline and no text`,
		"",
		`bad_line.jsonl#5: line 6: field headline is a JSON number, want a string`,
		`bad_line.jsonl#6: line 7: unknown field "chars"`,
		`bad_line.jsonl#7: line 8: field time "March 5" is not RFC 3339`,
		"",
		`bad_line.jsonl#9: line 10: truncated JSON`,
	}
	if len(its) != len(want) {
		t.Fatalf("%d items, want %d (one per non-blank line)", len(its), len(want))
	}
	for i, w := range want {
		switch err := its[i].Err; {
		case w == "" && err != nil:
			t.Errorf("item %d: %v", i+1, err)
		case w != "" && (err == nil || !strings.HasPrefix(err.Error(), w)):
			t.Errorf("item %d: error %v, want %q", i+1, err, w)
		}
	}
	first, lead, kill := its[0].Rev, its[3].Rev, its[7].Rev
	if first.Key != "wire-1" || first.Version != 1 || first.Transmitted != "2024-03-05T09:30:00Z" ||
		!slices.Equal(first.Paragraphs, []string{"A quake struck.", "No damage."}) {
		t.Errorf("line 1: key %q version %d transmitted %q paragraphs %q", first.Key, first.Version, first.Transmitted, first.Paragraphs)
	}
	if lead.Marker.Label != "LEAD" || lead.Version != 1 || lead.Headline != "Quake toll rises" ||
		!slices.Equal(lead.Signals, []string{revision.SignalCorrection, revision.SignalUpdate}) ||
		!slices.Equal(lead.Paragraphs, []string{"A quake struck.", "Two died."}) {
		t.Errorf("line 5: marker %+v version %d headline %q signals %q paragraphs %q",
			lead.Marker, lead.Version, lead.Headline, lead.Signals, lead.Paragraphs)
	}
	if kill.Status != revision.StatusCanceled || !slices.Equal(kill.Signals, []string{revision.SignalKill}) ||
		!slices.Equal(kill.Refs, []string{"wire-1"}) {
		t.Errorf("line 9: status %q signals %q refs %q", kill.Status, kill.Signals, kill.Refs)
	}
}

// A Yonhap page riding in a line with its url is read by the Yonhap
// parser; the url gives the article id, the story key and the version;
// what follows (END) stays furniture.
func TestYonhapPage(t *testing.T) {
	its := items(t, "yonhap_page.jsonl")
	if len(its) != 1 || its[0].Err != nil {
		t.Fatalf("%d items, first error %v", len(its), its[0].Err)
	}
	r := its[0].Rev
	checks := []struct{ what, got, want string }{
		{"agency", r.Agency, "Yonhap"},
		{"id", r.ID, "AEN20200201001252320"},
		{"key", r.Key, "AEN202002010012320"},
		{"marker", r.Marker.Label, "2nd LD"},
		{"headline", r.Headline, "S. Korea confirms 12th case of new coronavirus"},
		{"note", r.Note, "ADDS details in paras 3-4; CHANGES headline"},
		{"byline", r.Byline, "Kim Example"},
		{"dateline", r.Dateline.Text, "SEOUL, Feb. 1 (Yonhap) -- "},
		{"date", r.Date.String(), "2020-02-01"},
		{"time", r.Time, "16:40"},
		{"transmitted", r.Transmitted, "2020-02-01T16:40:00+09:00"},
		{"signoff", r.Signoff, "kim@example.com"},
		{"format", r.Format, jsonl.Format},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if r.Version != 2 || len(r.Paragraphs) != 4 || !r.Complete || len(r.Actions) != 2 {
		t.Errorf("version %d, %d paragraphs, complete %v, %d actions; want 2, 4, true, 2", r.Version, len(r.Paragraphs), r.Complete, len(r.Actions))
	}
	for _, p := range r.Paragraphs {
		if strings.Contains(p, "most-viewed") {
			t.Errorf("furniture after (END) in a paragraph: %q", p)
		}
	}
}

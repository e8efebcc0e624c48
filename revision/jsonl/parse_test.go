package jsonl

import (
	"slices"
	"strings"
	"testing"
)

func TestLineErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs not strings", `{"headline": "h", "paragraphs": ["a", 2]}`, "field paragraphs holds a JSON number, want strings only"},
		{"paragraphs a string", `{"headline": "h", "paragraphs": "a"}`, "field paragraphs is a JSON string, want a list of strings"},
		{"version an object", `{"headline": "h", "version": {}}`, "field version is {}, want a whole number or a marker"},
		{"version negative", `{"headline": "h", "version": -1}`, "want 0 or more"},
		{"body and paragraphs", `{"headline": "h", "body": "b", "paragraphs": []}`, "one of paragraphs, body and text"},
		{"text not a page", `{"text": "just some words"}`, "text is not a Yonhap page"},
		{"text without story", `{"url": "https://en.yna.co.kr/view/AEN20200201001252320", "text": "(LEAD) x"}`, "no story text"},
		{"headline blank", `{"headline": "  ", "body": "b"}`, "no headline and no text"},
		{"bad status", `{"headline": "h", "status": "draft"}`, `status "draft" is not usable`},
		{"two objects", `{"headline": "h"} {"headline": "i"}`, "text after the JSON object"},
		{"several lines", "{\"headline\": \"h\"}\n{\"headline\": \"i\"}", "several lines"},
		{"a list", `[{"headline": "h"}]`, "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLineFields(t *testing.T) {
	r, err := Parse("x", []byte(`{"ID": "s-1", "agency": "Example", "slug": "USA-WEATHER", "version": "3rd Ld-Writethru",`+
		` "time": "2020-02-01", "headline": "(News Focus) Storm", "note": "Eds: UPDATES toll", "byline": "By A, B and C",`+
		` "dateline": "DENVER", "body": "One.\nTwo.", "refs": ["a0595", ""], "extra": {"anything": [1, 2]}, "url": null}`))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ what, got, want string }{
		{"id", r.ID, "s-1"}, {"key", r.Key, "s-1"}, {"agency", r.Agency, "Example"}, {"slug", r.Slug, "USA-WEATHER"},
		{"marker", r.Marker.Label, "3rd Ld-Writethru"}, {"tags", strings.Join(r.Tags, "|"), "News Focus"},
		{"headline", r.Headline, "Storm"}, {"note", r.Note, "UPDATES toll"}, {"byline", r.Byline, "A, B and C"},
		{"authors", strings.Join(r.Authors, "|"), "A|B|C"}, {"dateline", r.Dateline.Place, "DENVER"},
		{"date", r.Date.String(), "2020-02-01"}, {"time", r.Time, ""}, {"transmitted", r.Transmitted, ""},
		{"paragraphs", strings.Join(r.Paragraphs, "|"), "One.|Two."}, {"refs", strings.Join(r.Refs, "|"), "a0595"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if r.Version != 3 || r.Marker.Seq != 3 || !slices.Contains(r.Signals, "update") {
		t.Errorf("version %d seq %d signals %q; want the marker's 3 and an update", r.Version, r.Marker.Seq, r.Signals)
	}
}

// Without id the url is the key; an id or url of a Yonhap article gives
// its id, key and version whatever the text.
func TestLineKeys(t *testing.T) {
	tests := []struct{ in, id, key string }{
		{`{"url": "https://example.com/a/1", "headline": "h"}`, "https://example.com/a/1", "https://example.com/a/1"},
		{`{"id": "AEN20200201001252320", "headline": "h"}`, "AEN20200201001252320", "AEN202002010012320"},
		{`{"id": "x", "url": "https://m-en.yna.co.kr/view/AEN20200201001200320", "headline": "h"}`, "AEN20200201001200320", "AEN202002010012320"},
		{`{"headline": "h"}`, "", ""},
	}
	for _, tt := range tests {
		r, err := Parse("x", []byte(tt.in))
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if r.ID != tt.id || r.Key != tt.key {
			t.Errorf("%s: id %q key %q, want %q %q", tt.in, r.ID, r.Key, tt.id, tt.key)
		}
	}
}

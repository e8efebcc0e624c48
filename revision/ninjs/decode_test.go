package ninjs

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every kind of bad item is an error that says, for a person, what is
// wrong with it.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"truncated", `{"uri": "u", "headline": "cut`, "truncated JSON"},
		{"truncated at a line break", "{\"uri\": \"u\", \"headline\": \"cut\n", "truncated JSON"},
		{"truncated after a comma", `{"uri": "u",`, "truncated JSON"},
		{"malformed", `{"uri": "u" "headline": "h"}`, "malformed JSON at byte 13"},
		{"two values", `{"uri": "u", "headline": "h"} {"uri": "v"}`, "more than one JSON value"},
		{"no uri", `{"type": "text", "headline": "h"}`, "without a uri"},
		{"not an object", `"uri"`, "not a JSON object"},
		{"headline a number", `{"uri": "u", "headline": 1}`, "property headline is a JSON number, want a string"},
		{"version a bool", `{"uri": "u", "headline": "h", "version": true}`, "property version is a JSON bool, want a string or a number"},
		{"evolvedfrom an object", `{"uri": "u", "headline": "h", "evolvedfrom": {}}`, "property evolvedfrom is a JSON object, want a string or a list of strings"},
		{"bylines a string", `{"uri": "u", "headline": "h", "bylines": "x"}`, "property bylines is a JSON string, want a list"},
		{"picture", `{"uri": "u", "type": "picture", "headline": "h"}`, `type "picture", not a text story`},
		{"no story", `{"uri": "u", "type": "text"}`, "neither headline nor body text"},
		{"AP without item", `{"api_version": "2.1", "data": {"meta": {}}}`, "without data.item"},
		{"AP feed", `{"api_version": "2.1", "data": {"items": [{}, {}]}}`, "feed of 2 items"},
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

// A version that is no whole number, a pubstatus ninjs does not have
// and a timestamp that is not RFC 3339 are read as absent, with a
// warning saying so, rather than refusing the story.
func TestWarnings(t *testing.T) {
	r, err := Parse("x", []byte(`{"uri": "u", "headline": "h", "version": "2b", "pubstatus": "draft", "versioncreated": "yesterday", "body_text": "b"}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != 0 || r.Status != "usable" || r.Transmitted != "" || len(r.Warnings) != 3 {
		t.Errorf("version %d status %q transmitted %q warnings %q", r.Version, r.Status, r.Transmitted, r.Warnings)
	}
}

// An AP slugline is read as AP's when the item is AP's or names no
// agency; another agency's slug that happens to open with "PM-" is its
// slug as written.
func TestSluglineOwner(t *testing.T) {
	tests := []struct{ in, slug, cycle, label string }{
		{`{"uri": "u", "headline": "h", "slugline": "AM-Storm, 2nd Ld-Writethru"}`, "Storm", "AM", "2nd Ld-Writethru"},
		{`{"uri": "u", "headline": "h", "copyrightholder": "The Associated Press", "slugline": "US--Storm, Writethru"}`, "US--Storm", "", "Writethru"},
		{`{"uri": "u", "headline": "h", "copyrightholder": "NTB", "slugline": "PM-besok"}`, "PM-besok", "", ""},
	}
	for _, tt := range tests {
		r, err := Parse("x", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if r.Slug != tt.slug || r.Cycle != tt.cycle || r.Marker.Label != tt.label {
			t.Errorf("%s: slug %q cycle %q label %q", tt.in, r.Slug, r.Cycle, r.Marker.Label)
		}
	}
}

// AP's version words in a slugline mean what they mean on AP's wire:
// a plain Ld is a new top, an add is a part of a version, a kill kills.
func TestAPVersionWords(t *testing.T) {
	tests := []struct {
		slugline string
		seq      int
		partial  bool
		part     string
		signal   string
	}{
		{"BC-Storm, 2nd Ld", 2, true, "", "update"},
		{"AM-Storm, 1st Add", 0, false, "add 1", ""},
		{"PM-Storm, Kill", 0, false, "", "kill"},
		{"BC-Storm, CORRECTIVE", 0, false, "", "correction"},
	}
	for _, tt := range tests {
		r, err := Parse("x", []byte(`{"uri": "u", "headline": "h", "provider": "AP", "slugline": "`+tt.slugline+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		part := ""
		if r.Part != nil {
			part = r.Part.Kind + " " + strconv.Itoa(r.Part.N)
		}
		if r.Marker.Seq != tt.seq || r.Partial != tt.partial || part != tt.part || tt.signal != "" && !slices.Contains(r.Signals, tt.signal) {
			t.Errorf("%s: seq %d partial %v part %q signals %q", tt.slugline, r.Marker.Seq, r.Partial, part, r.Signals)
		}
	}
}

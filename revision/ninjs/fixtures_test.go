package ninjs_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

// items parses a hand-made fixture of testdata through revision/wire.
func items(t *testing.T, name string) []wire.Item {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return wire.ParseItems(name, data, wire.Options{})
}

// one parses a fixture that must hold one good item.
func one(t *testing.T, name string) *revision.Revision {
	t.Helper()
	its := items(t, name)
	if len(its) != 1 || its[0].Err != nil {
		t.Fatalf("%s: %d items, first error %v; want one good item", name, len(its), its[0].Err)
	}
	return its[0].Rev
}

// An item that evolved from another names it among its refs, and keeps
// a key of its own: evolvedfrom links a new story to its source, it does
// not make the two one story.
func TestEvolvedFrom(t *testing.T) {
	r := one(t, "evolvedfrom.json")
	if !slices.Equal(r.Refs, []string{"urn:example:lede:20240305:quake-1"}) {
		t.Errorf("refs %q, want the item it evolved from", r.Refs)
	}
	if r.Key != "urn:example:lede:20240305:quake-2" || r.ID != r.Key {
		t.Errorf("id %q key %q, want its own uri", r.ID, r.Key)
	}
	if r.Transmitted != "2024-03-05T09:40:00+09:00" || r.Date.String() != "2024-03-05" || r.Time != "09:40" {
		t.Errorf("transmitted %q date %s time %q", r.Transmitted, r.Date, r.Time)
	}
	want := "SEOUL (Example) — The death toll from Tuesday's earthquake rose to 12, officials said."
	if len(r.Paragraphs) != 2 || r.Paragraphs[0] != want {
		t.Errorf("paragraphs %q, want entities decoded, 2 paragraphs", r.Paragraphs)
	}
	if r.Dateline.Place != "SEOUL" || r.Dateline.Agency != "Example" || r.Dateline.Text != "SEOUL (Example) — " {
		t.Errorf("dateline %+v", r.Dateline)
	}
	if r.Byline != "Kim Min-ji" {
		t.Errorf("byline %q, want it without By", r.Byline)
	}
}

// pubstatus canceled is a kill: the status says canceled and the signals
// kill, whatever else the item says.
func TestCanceled(t *testing.T) {
	r := one(t, "canceled.json")
	if r.Status != revision.StatusCanceled {
		t.Errorf("status %q, want canceled", r.Status)
	}
	if !slices.Contains(r.Signals, revision.SignalKill) {
		t.Errorf("signals %q, want kill", r.Signals)
	}
	if r.Note != "WITHDRAWS story. The report of a second quake was wrong." {
		t.Errorf("note %q, want it without Eds:", r.Note)
	}
	if r.Version != 3 {
		t.Errorf("version %d, want the number 3", r.Version)
	}
	if !slices.Equal(r.Paragraphs, []string{"The story is withdrawn.", "A corrected story will follow."}) {
		t.Errorf("paragraphs %q, want body_text cut at its blank line", r.Paragraphs)
	}
}

// ninjs 3.0 spells its properties in camelCase and renames some; both
// spellings read the same fields.
func TestNinjs3(t *testing.T) {
	r := one(t, "ninjs3_camel.json")
	checks := []struct{ what, got, want string }{
		{"headline", r.Headline, "Budget passes after all-night session"},
		{"transmitted", r.Transmitted, "2024-03-05T08:15:30Z"},
		{"status", string(r.Status), "withheld"},
		{"note", r.Note, "CORRECTS spelling of minister's name in para 2"},
		{"byline", r.Byline, "Kari Nordmann og Ola Hansen, NTB"},
		{"authors", strings.Join(r.Authors, "|"), "Kari Nordmann|Ola Hansen"},
		{"paragraphs", strings.Join(r.Paragraphs, "|"),
			`Parliament passed the budget at 5 a.m.|Finance Minister Trygve Slagsvold Vedum thanked the "tired" house. Voting ended at dawn.`},
		{"furniture", strings.Join(r.Furniture, "|"), "For|88"},
		{"signals", strings.Join(r.Signals, "|"), "correction"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.what, c.got, c.want)
		}
	}
	if r.Version != 4 {
		t.Errorf("version %d, want the string \"4\" read as 4", r.Version)
	}
}

// Bad input is an error per item naming the problem; a good neighbour
// is still parsed.
func TestBadItems(t *testing.T) {
	tests := []struct {
		file string
		want []string // per item: "" for parsed, else a piece of the error
	}{
		{"truncated.json", []string{"truncated.json: truncated JSON"}},
		{"stream.json", []string{"", "", "stream.json#3: malformed JSON"}},
		{"list.json", []string{"", `list.json#2: ninjs item of type "picture", not a text story`,
			"list.json#3: property headline is a JSON number, want a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			its := items(t, tt.file)
			if len(its) != len(tt.want) {
				t.Fatalf("%d items, want %d", len(its), len(tt.want))
			}
			for i, w := range tt.want {
				switch err := its[i].Err; {
				case w == "" && err != nil:
					t.Errorf("item %d: %v", i+1, err)
				case w != "" && (err == nil || !strings.Contains(err.Error(), w)):
					t.Errorf("item %d: error %v, want %q", i+1, err, w)
				}
			}
		})
	}
}

// An AP Media API feed holds several items: each is one revision, keyed
// by its itemid, with AP's slugline read.
func TestAPFeed(t *testing.T) {
	its := items(t, "apfeed.json")
	if len(its) != 2 || its[0].Err != nil || its[1].Err != nil {
		t.Fatalf("%d items (%v), want 2 good ones", len(its), its)
	}
	a, b := its[0].Rev, its[1].Rev
	if a.Key != "aaa" || a.Slug != "US--Storm" || a.Cycle != "BC" || a.Marker.Label != "" || a.Agency != "AP" {
		t.Errorf("first: key %q slug %q cycle %q marker %+v agency %q", a.Key, a.Slug, a.Cycle, a.Marker, a.Agency)
	}
	if b.Cycle != "AM" || b.Marker.Label != "1st Ld" || b.Marker.Seq != 1 || !b.Partial {
		t.Errorf("second: cycle %q marker %+v partial %v; want AM, 1st Ld, a new top (partial)", b.Cycle, b.Marker, b.Partial)
	}
	if !slices.Equal(b.Signals, []string{revision.SignalCorrection, revision.SignalUpdate}) {
		t.Errorf("second: signals %q, want correction and update", b.Signals)
	}
}

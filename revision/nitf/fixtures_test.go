package nitf

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/apwire"
)

func parseFixture(t *testing.T, name string) *revision.Revision {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(data) {
		t.Fatalf("%s: not detected as NITF", name)
	}
	r, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// A canceled item is a kill of the item it names in management-doc-idref,
// and is read although it carries no story text.
func TestCanceledNamesWhatItKills(t *testing.T) {
	r := parseFixture(t, "canceled_idref.xml")
	if r.Status != revision.StatusCanceled || !slices.Equal(r.Signals, []string{revision.SignalKill}) {
		t.Errorf("status %q signals %q, want canceled [kill]", r.Status, r.Signals)
	}
	if !slices.Equal(r.Refs, []string{"xmp.20240311.bridge.3"}) {
		t.Errorf("refs %q, want the idref", r.Refs)
	}
	if r.Key != "XMP:bridge-collapse" || r.Version != 4 || r.ID != "xmp.20240311.bridge.4" {
		t.Errorf("key %q version %d id %q", r.Key, r.Version, r.ID)
	}
	if r.Note != "KILL: This story has been withdrawn. Do not use." || len(r.Actions) != 1 || r.Actions[0].Verb != "KILLS" || r.Actions[0].Target != revision.TargetItem {
		t.Errorf("note %q actions %v", r.Note, r.Actions)
	}
	if len(r.Paragraphs) != 0 || r.Slug != "Bridge-Collapse" {
		t.Errorf("paragraphs %q slug %q", r.Paragraphs, r.Slug)
	}
}

// An item without text that is not a kill is an error, not an empty story.
func TestNoTextIsAnError(t *testing.T) {
	_, err := Parse("x", []byte(`<nitf><head><docdata management-status="usable"/></head><body><body.content/></body></nitf>`))
	if err == nil || err.Error() != "nitf: no story text: body.content has no paragraph" {
		t.Fatalf("err %v", err)
	}
}

// An embargoed item is withheld; it was transmitted at date.issue, not at
// the release time.
func TestEmbargoedIsWithheld(t *testing.T) {
	r := parseFixture(t, "embargoed.xml")
	if r.Status != revision.StatusWithheld || len(r.Signals) != 0 {
		t.Errorf("status %q signals %q, want withheld and none", r.Status, r.Signals)
	}
	if r.Transmitted != "2024-03-12T09:15:00Z" || r.Date.String() != "2024-03-12" || r.Time != "09:15" {
		t.Errorf("transmitted %q date %s time %q", r.Transmitted, r.Date, r.Time)
	}
	if r.Note != "Embargoed to 1200 GMT Wednesday March 13" {
		t.Errorf("note %q", r.Note)
	}
	if r.Dateline.Place != "LONDON" || r.Dateline.Agency != "XMP" || r.Dateline.Text != "LONDON (XMP) - " {
		t.Errorf("dateline %+v", r.Dateline)
	}
}

// Entities and character references are decoded once: the text reads as
// written for a person, and markup sent as text stays text.
func TestEntityEncodedText(t *testing.T) {
	r := parseFixture(t, "entities.xml")
	if want := `Café owner’s "Déjà vu" & more`; r.Headline != want {
		t.Errorf("headline %q, want %q", r.Headline, want)
	}
	if r.Byline != "Renée O'Brien" {
		t.Errorf("byline %q", r.Byline)
	}
	want := []string{
		"PARIS (XMP) — Prices rose 5 % <b>not bold</b> at the café.",
		"Tags <i>inside</i> CDATA & ampersands are text.",
	}
	if !slices.Equal(r.Paragraphs, want) {
		t.Errorf("paragraphs %q, want %q", r.Paragraphs, want)
	}
	if r.Dateline.Text != "PARIS (XMP) — " {
		t.Errorf("dateline %+v", r.Dateline)
	}
}

// A document declared ISO 8859-1 is decoded from its bytes.
func TestLatin1(t *testing.T) {
	r := parseFixture(t, "latin1.xml")
	if r.Headline != "Smørbrød in København" || !slices.Equal(r.Paragraphs, []string{"Æblegrød £ 5."}) {
		t.Errorf("headline %q paragraphs %q", r.Headline, r.Paragraphs)
	}
}

// A document that declares ISO 8859-1 but whose bytes are UTF-8 (as PA
// sends "£") is read as UTF-8, with a warning; an ASCII one without.
func TestDeclaredLatin1ButUTF8(t *testing.T) {
	doc := `<?xml version="1.0" encoding="iso-8859-1"?><nitf><body><body.content><p>Costs £5 – café.</p></body.content></body></nitf>`
	r, err := Parse("pa", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Paragraphs, []string{"Costs £5 – café."}) ||
		!slices.Equal(r.Warnings, []string{"declared iso-8859-1 but its bytes are UTF-8: read as UTF-8"}) {
		t.Errorf("paragraphs %q warnings %q", r.Paragraphs, r.Warnings)
	}
	if r := parseFixture(t, "latin1.xml"); len(r.Warnings) != 0 {
		t.Errorf("real ISO 8859-1: warnings %q", r.Warnings)
	}
}

// The du-key's generation is part of the key when the du-key also counts
// versions: one key, many generations, each its own story.
func TestGenerationKeysApart(t *testing.T) {
	doc := func(gen, ver string) string {
		return `<nitf><head><docdata><doc-id regsrc="X"/><du-key key="tides" generation="` + gen + `" version="` + ver +
			`"/></docdata></head><body><body.content><p>Text.</p></body.content></body></nitf>`
	}
	a, errA := Parse("a", []byte(doc("14", "1")))
	b, errB := Parse("b", []byte(doc("14", "2")))
	c, errC := Parse("c", []byte(doc("15", "1")))
	if errA != nil || errB != nil || errC != nil {
		t.Fatal(errA, errB, errC)
	}
	if a.Key != "X:tides#g14" || b.Key != a.Key || c.Key != "X:tides#g15" || a.Version != 1 || b.Version != 2 {
		t.Errorf("keys %q %q %q versions %d %d", a.Key, b.Key, c.Key, a.Version, b.Version)
	}
	only, err := Parse("g", []byte(`<nitf><head><docdata><du-key key="k" generation="3"/></docdata></head><body><body.content><p>T.</p></body.content></body></nitf>`))
	if err != nil || only.Key != "k" || only.Version != 3 {
		t.Errorf("generation alone: key %q version %d err %v, want k 3", only.Key, only.Version, err)
	}
}

// Placeholder dates are unknown, not errors or warnings; a broken date
// is a warning and unknown.
func TestPlaceholderDates(t *testing.T) {
	r, err := Parse("p", []byte(`<nitf><head><docdata><date.issue norm="YYYYMMDD000000-HHMM"/><date.release norm="2024-13-45"/></docdata></head><body><body.content><p>T.</p></body.content></body></nitf>`))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Date.IsZero() || r.Transmitted != "" || !slices.Equal(r.Warnings, []string{`date.release "2024-13-45" is not a date; ignored`}) {
		t.Errorf("date %v transmitted %q warnings %q", r.Date, r.Transmitted, r.Warnings)
	}
}

// A usable item that names the document it replaces is an update of it,
// once, however its note also says so.
func TestReplacementIsAnUpdate(t *testing.T) {
	r, err := Parse("u", []byte(`<nitf><head><docdata management-status="usable" management-doc-idref="x.1"><ed-msg info="UPDATES toll"/></docdata></head><body><body.content><p>T.</p></body.content></body></nitf>`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Refs, []string{"x.1"}) || !slices.Equal(r.Signals, []string{revision.SignalUpdate}) {
		t.Errorf("refs %q signals %q", r.Refs, r.Signals)
	}
}

// Notes that open with an editor's verb claim changes, in AP's "Eds:"
// form and any case; other notes claim none.
func TestNoteActions(t *testing.T) {
	for _, c := range []struct {
		note, verb, object string
	}{
		{"ADDS military statement", "ADDS", "military statement"},
		{"Eds: Updates with comment from defense lawyer.", "UPDATES", "with comment from defense lawyer"},
		{"CORRECTS: spelling of name", "CORRECTS", "spelling of name"},
		{"For global distribution", "", ""},
		{"Adds up to nothing: not a verb we know? It is.", "ADDS", "up to nothing: not a verb we know? It is"},
		{"Embargoed to 0001 Friday September 9", "", ""},
	} {
		acts := apwire.ParseNotes(c.note).Actions
		if c.verb == "" {
			if len(acts) != 0 {
				t.Errorf("%q: actions %+v, want none", c.note, acts)
			}
			continue
		}
		if len(acts) == 0 || acts[0].Verb != c.verb || acts[0].Object != c.object {
			t.Errorf("%q: actions %+v, want %s %q", c.note, acts, c.verb, c.object)
		}
	}
}

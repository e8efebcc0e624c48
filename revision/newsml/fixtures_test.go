package newsml_test

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

// items reads a fixture through revision/wire, the way lede reads a file.
func items(t *testing.T, path string) []wire.Item {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return wire.ParseItems(path, data, wire.Options{})
}

// A message of three items whose second is malformed: that item is an
// error naming itself and the problem; the first and third are read, and
// each stored item parses again alone.
func TestMessageWithOneBadItem(t *testing.T) {
	its := items(t, "testdata/message_one_bad.xml")
	if len(its) != 3 {
		t.Fatalf("%d items, want 3", len(its))
	}
	want := "testdata/message_one_bad.xml#2: newsItem tag_reuters.com_2024_newsml_FIX00002: malformed XML on line 8: element <headline> closed by </headlin>"
	if its[1].Err == nil || its[1].Err.Error() != want || its[1].Rev != nil {
		t.Errorf("item 2: error %v, want %q", its[1].Err, want)
	}
	if !errors.Is(its[1].Err, revision.ErrBadInput) {
		t.Errorf("item 2: error %v is not an input error", its[1].Err)
	}
	for i, guid := range map[int]string{0: "tag_reuters.com_2024_newsml_FIX00001", 2: "tag_reuters.com_2024_newsml_FIX00003"} {
		it := its[i]
		if it.Err != nil || it.Rev.ID != guid || it.Rev.Format != "newsml-g2" || it.Rev.Agency != "Reuters" {
			t.Fatalf("item %d: %+v, %v", i+1, it.Rev, it.Err)
		}
		again, err := wire.Reparse("s@1", it.Source, it.Raw)
		if err != nil || again.ID != guid || !slices.Equal(again.Paragraphs, it.Rev.Paragraphs) {
			t.Errorf("item %d parsed again alone: %+v, %v", i+1, again, err)
		}
		// The stored bytes declare the namespaces the item uses.
		if !strings.Contains(string(it.Raw), `xmlns:rtr="http://www.reuters.com/ns/2003/08/content"`) {
			t.Errorf("item %d does not declare rtr: %.200s", i+1, it.Raw)
		}
	}
	third := its[2].Rev
	if third.Headline != "Floods cut roads in eastern Spain" || third.Marker.Label != "UPDATE 1" || third.Marker.Seq != 1 ||
		third.Slug != "SPAIN-FLOODS" || !slices.Equal(third.Signals, []string{"update"}) {
		t.Errorf("item 3: %+v", third)
	}
}

// A message cut off inside its third item: the first two are read, the
// third is an error saying it has no end.
func TestMessageCutOff(t *testing.T) {
	data, err := os.ReadFile("testdata/message_one_bad.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:strings.Index(string(data), "VALENCIA")]
	its := wire.ParseItems("cut.xml", cut, wire.Options{})
	if len(its) != 3 || its[0].Err != nil || its[1].Err == nil {
		t.Fatalf("items: %+v", its)
	}
	want := "cut.xml#3: newsItem 3 (guid tag_reuters.com_2024_newsml_FIX00003) has no end tag: the message is cut off or broken here"
	if its[2].Err == nil || its[2].Err.Error() != want {
		t.Errorf("item 3: %v, want %q", its[2].Err, want)
	}
}

// A correction (version 2) then a kill (version 3) of one guid: one key,
// the versions in order, the first a correction, the second canceled and
// a kill.
func TestKillAfterCorrection(t *testing.T) {
	its := items(t, "testdata/kill_after_correction.xml")
	if len(its) != 2 || its[0].Err != nil || its[1].Err != nil {
		t.Fatalf("items: %+v", its)
	}
	fix, kill := its[0].Rev, its[1].Rev
	if fix.Key != kill.Key || fix.Key != "urn:newsml:example.dpa.com:20240305:240305-99-00001" {
		t.Errorf("keys %q and %q, want one guid", fix.Key, kill.Key)
	}
	if fix.Version != 2 || kill.Version != 3 {
		t.Errorf("versions %d, %d, want 2, 3", fix.Version, kill.Version)
	}
	if fix.Status != revision.StatusUsable || !slices.Equal(fix.Signals, []string{"correction"}) {
		t.Errorf("correction: status %s, signals %v", fix.Status, fix.Signals)
	}
	if !slices.Equal(fix.Refs, []string{"urn:newsml:example.dpa.com:20240305:240305-99-00000"}) {
		t.Errorf("correction refs %v, want its previousVersion link", fix.Refs)
	}
	if kill.Status != revision.StatusCanceled || !slices.Equal(kill.Signals, []string{"kill"}) || len(kill.Paragraphs) != 0 {
		t.Errorf("kill: status %s, signals %v, %d paragraphs", kill.Status, kill.Signals, len(kill.Paragraphs))
	}
	if kill.Note != "Die Meldung wird zurückgezogen. Bitte nicht verwenden." || kill.Transmitted != "2024-03-05T12:30:00+01:00" {
		t.Errorf("kill: note %q, transmitted %q", kill.Note, kill.Transmitted)
	}
	if d := fix.Dateline; d.Place != "Passau" || d.Agency != "dpa" || d.Text != "Passau (dpa) - " {
		t.Errorf("dateline %+v", d)
	}
}

// A Reuters correction of an update: the markers leave the headline and
// the slug, the version and flags are in the marker, the byline repeated
// as the first paragraph and the closing credits are not paragraphs.
func TestReutersCorrectedHeadline(t *testing.T) {
	its := items(t, "testdata/reuters_corrected.xml")
	if len(its) != 1 || its[0].Err != nil {
		t.Fatalf("items: %+v", its)
	}
	r := its[0].Rev
	checks := []struct{ field, got, want string }{
		{"headline", r.Headline, "Fed holds rates steady, signals cuts later this year"},
		{"raw headline", r.RawHeadline, "CORRECTED-UPDATE 2-Fed holds rates steady, signals cuts later this year"},
		{"slug", r.Slug, "USA-FED/RATES"},
		{"label", r.Marker.Label, "UPDATE 2"},
		{"flags", strings.Join(r.Marker.Flags, ","), "PIX,CORRECTED"},
		{"signals", strings.Join(r.Signals, ","), "update,correction"},
		{"byline", r.Byline, "Ann Saphir and Howard Schneider"},
		{"authors", strings.Join(r.Authors, "|"), "Ann Saphir|Howard Schneider"},
		{"para 1", r.Paragraphs[0], "WASHINGTON, March 5 (Reuters) - The Federal Reserve held interest rates steady on Tuesday."},
		{"signoff", r.Signoff, "(Reporting by Ann Saphir; Editing by Andrea Ricci)"},
		{"dateline", r.Dateline.Place + "|" + r.Dateline.Date + "|" + r.Dateline.Agency, "WASHINGTON|March 5|Reuters"},
		{"transmitted", r.Transmitted, "2024-03-05T14:02:00Z"},
		{"note", r.Note, "Corrects day of the week in paragraph 2"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.field, c.got, c.want)
		}
	}
	if r.Marker.Seq != 2 || r.Version != 4 || len(r.Paragraphs) != 2 {
		t.Errorf("seq %d, version %d, %d paragraphs", r.Marker.Seq, r.Version, len(r.Paragraphs))
	}
	if len(r.Actions) != 1 || r.Actions[0].Verb != "CORRECTS" || r.Actions[0].Object != "day of the week in paragraph 2" {
		t.Errorf("actions %+v", r.Actions)
	}
}

// An embargoed item sent as withheld is withheld.
func TestWithheldEmbargoed(t *testing.T) {
	its := items(t, "testdata/withheld_embargoed.xml")
	if len(its) != 1 || its[0].Err != nil {
		t.Fatalf("items: %+v", its)
	}
	r := its[0].Rev
	if r.Status != revision.StatusWithheld || r.Agency != "STT" || r.Note != "EMBARGO 6.3. klo 7.00" || r.Dateline.Place != "Helsinki" {
		t.Errorf("%+v", r)
	}
}

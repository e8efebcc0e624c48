package aptrec_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

// fixture parses a hand-made file of testdata/ through the wire layer
// and returns its items.
func fixture(t *testing.T, name string) []wire.Item {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return wire.ParseItems(name, data, wire.Options{})
}

// revs are the items' revisions; an item that failed fails the test.
func revs(t *testing.T, items []wire.Item) []*revision.Revision {
	t.Helper()
	var out []*revision.Revision
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%v", it.Err)
		}
		out = append(out, it.Rev)
	}
	return out
}

// A garbled header line is a warning; the other line stands in for it.
func TestGarbledHeader(t *testing.T) {
	rs := revs(t, fixture(t, "garbled.trec"))
	a, b := rs[0], rs[1]
	if a.Slug != "Dam Break" || a.Cycle != "PM" || a.Version != 1 || !slices.Equal(a.Refs, []string{"a0412"}) {
		t.Errorf("cut FIRST: slug %q cycle %q version %d refs %q", a.Slug, a.Cycle, a.Version, a.Refs)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "FIRST line garbled") {
		t.Errorf("cut FIRST: warnings %q", a.Warnings)
	}
	if b.Slug != "DamBreak" || b.Cycle != "PM" || b.Version != 2 || !slices.Equal(b.Refs, []string{"a0431"}) {
		t.Errorf("empty SECOND: slug %q cycle %q version %d refs %q", b.Slug, b.Cycle, b.Version, b.Refs)
	}
	if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "SECOND line garbled") {
		t.Errorf("empty SECOND: warnings %q", b.Warnings)
	}
	if a.Key != b.Key {
		t.Errorf("one story, two keys: %s, %s", a.Key, b.Key)
	}
}

// SGML entities are decoded in every field; one lede does not know, or
// a number that is no character, stays as sent.
func TestEntities(t *testing.T) {
	r := revs(t, fixture(t, "entities.trec"))[0]
	if r.Slug != "S&L Rescues" || r.Headline != "AT&T, S&L Deals <Updated>" || r.Dateline.Place != "SÃO PAULO, Brazil" {
		t.Errorf("slug %q headline %q dateline %q", r.Slug, r.Headline, r.Dateline.Place)
	}
	want := "Merrill Lynch & Co. and Peña & Sons said the price rose 5% at cafés, “quoted” by &bogus; and &#0; as sent."
	if len(r.Paragraphs) != 1 || r.Paragraphs[0] != want {
		t.Errorf("paragraphs %q", r.Paragraphs)
	}
}

// "2 Takes" and its "1st Add" are the two parts of one version: one key,
// parts in order, and the add's pick-up line is no headline.
func TestTakesAndAdds(t *testing.T) {
	rs := revs(t, fixture(t, "takes.trec"))
	take, add := rs[0], rs[1]
	if take.Part == nil || *take.Part != (revision.ItemPart{Kind: "take", N: 1, Of: 2}) || take.Marker.Label != "2 Takes" {
		t.Errorf("take: part %+v label %q", take.Part, take.Marker.Label)
	}
	if add.Part == nil || *add.Part != (revision.ItemPart{Kind: "add", N: 1}) || add.Marker.Label != "1st Add" {
		t.Errorf("add: part %+v label %q", add.Part, add.Marker.Label)
	}
	if take.Key != add.Key || add.Slug != "Reagan in History" {
		t.Errorf("keys %s, %s; add slug %q", take.Key, add.Key, add.Slug)
	}
	if add.Headline != "" || !slices.Equal(add.Furniture, []string{"WASHINGTON: the outside."}) {
		t.Errorf("add: headline %q furniture %q", add.Headline, add.Furniture)
	}
	if take.Signoff != "MORE" || take.Byline != "W. DALE NELSON / Associated Press Writer" {
		t.Errorf("take: signoff %q byline %q", take.Signoff, take.Byline)
	}
}

// A file cut inside its last <DOC> gives that item an error naming it;
// the items before it are parsed.
func TestFileCutMidDoc(t *testing.T) {
	items := fixture(t, "cut.trec")
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	for i, id := range []string{"AP890103-0006", "AP890103-0007"} {
		if items[i].Err != nil || items[i].Rev.ID != id || items[i].Source != "cut.trec#"+id {
			t.Errorf("item %d: %v %+v", i, items[i].Err, items[i].Source)
		}
	}
	last := items[2]
	if last.Err == nil || last.Err.Error() != "cut.trec#AP890103-0008: the <DOC> is cut off: the file ends before its </DOC>" {
		t.Errorf("cut item: %v", last.Err)
	}
}

// A CORRECTIVE is a correction; its reference names the item it
// corrects and its Eds: note says how.
func TestCorrective(t *testing.T) {
	r := revs(t, fixture(t, "corrective.trec"))[0]
	if !slices.Contains(r.Signals, revision.SignalCorrection) || !slices.Equal(r.Marker.Flags, []string{"CORRECTIVE"}) {
		t.Errorf("signals %q flags %q", r.Signals, r.Marker.Flags)
	}
	if r.Marker.Label != "1st Ld-Writethru" || r.Version != 1 || !slices.Equal(r.Refs, []string{"a0657"}) {
		t.Errorf("label %q version %d refs %q", r.Marker.Label, r.Version, r.Refs)
	}
	if !strings.HasPrefix(r.Note, "SUBS to CORRECT spelling of Sasser; Members who used a0691, AM-S&L Bailouts,") || r.Headline != "" {
		t.Errorf("note %q headline %q", r.Note, r.Headline)
	}
}

// An advisory is about other items: signalled, not a story version;
// a kill advisory also cancels.
func TestAdvisories(t *testing.T) {
	rs := revs(t, fixture(t, "advisory.trec"))
	adv, kill, withdrawn := rs[0], rs[1], rs[2]
	if !slices.Equal(adv.Signals, []string{revision.SignalAdvisory}) || adv.Status != revision.StatusUsable {
		t.Errorf("advisory: signals %q status %s", adv.Signals, adv.Status)
	}
	if !strings.HasPrefix(adv.Paragraphs[0], "EDITORS: Banks,") || adv.Note != "" {
		t.Errorf("advisory: paragraphs %q note %q", adv.Paragraphs, adv.Note)
	}
	if kill.Status != revision.StatusCanceled || !slices.Contains(kill.Signals, revision.SignalKill) ||
		!slices.Contains(kill.Signals, revision.SignalAdvisory) || !slices.Equal(kill.Refs, []string{"a0799"}) {
		t.Errorf("kill: status %s signals %q refs %q", kill.Status, kill.Signals, kill.Refs)
	}
	// An advisory whose text withdraws a story is a kill advisory too,
	// naming it by its transmission number.
	if withdrawn.Status != revision.StatusCanceled || !slices.Contains(withdrawn.Signals, revision.SignalKill) ||
		!slices.Equal(withdrawn.Refs, []string{"a0521"}) {
		t.Errorf("withdrawal: status %s signals %q refs %q", withdrawn.Status, withdrawn.Signals, withdrawn.Refs)
	}
	// The Japan advisory names no story and kills none.
	if len(adv.Refs) != 0 || slices.Contains(adv.Signals, revision.SignalKill) {
		t.Errorf("advisory: refs %q signals %q", adv.Refs, adv.Signals)
	}
}

// Adv15 and Adv16 of one slug are two stories, each withheld until its
// release day, which its key carries.
func TestAdvance(t *testing.T) {
	rs := revs(t, fixture(t, "adv.trec"))
	a, b := rs[0], rs[1]
	if a.Key != "AP:BC:1989-01-15:adv:exp--sharkstudy" || b.Key != "AP:BC:1989-01-16:adv:exp--sharkstudy" {
		t.Errorf("keys %s, %s", a.Key, b.Key)
	}
	if a.Status != revision.StatusWithheld || a.Marker.Label != "Adv15" || a.Signoff != "End Adv for Jan. 15" {
		t.Errorf("status %s label %q signoff %q", a.Status, a.Marker.Label, a.Signoff)
	}
	if !slices.Equal(a.Furniture, []string{"$adv15", "For release Sunday, Jan. 15, and thereafter"}) {
		t.Errorf("furniture %q", a.Furniture)
	}
}

// The AP88 disks name the slug lines <1ST_LINE> and <2ND_LINE>, and
// some redistributions put an XML declaration first: the same item.
func TestAP88Tags(t *testing.T) {
	items := fixture(t, "ap88.trec")
	if len(items) != 1 {
		t.Fatalf("%d items", len(items))
	}
	r := revs(t, items)[0]
	if r.Slug != "Peanut Supports" || r.Cycle != "AM" || r.Key != "AP:AM:1988-02-13:peanutsupports" ||
		r.Transmitted != "1988-02-12T16:37:00-05:00" || len(r.Paragraphs) != 2 || len(r.Warnings) != 0 {
		t.Errorf("slug %q cycle %q key %s transmitted %s paragraphs %d warnings %q",
			r.Slug, r.Cycle, r.Key, r.Transmitted, len(r.Paragraphs), r.Warnings)
	}
}

// A <DOC> written on one line keeps its paragraphs apart by the
// three-space indents that are left of its line breaks.
func TestOneLineDoc(t *testing.T) {
	r := revs(t, fixture(t, "oneline.trec"))[0]
	want := []string{"Jaguar Cars Inc. announced Friday a recall of 16,000 cars.", "Jaguar said stress corrosion may cause parts to fail."}
	if !slices.Equal(r.Paragraphs, want) || r.Headline != "Jaguar Orders Recall Of 16,000 Vehicles" || r.Dateline.Place != "LEONIA, N.J." {
		t.Errorf("paragraphs %q headline %q dateline %q", r.Paragraphs, r.Headline, r.Dateline.Place)
	}
}

package nitf_test

import (
	"os"
	"strings"
	"testing"

	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// Through the wire layer, a NITF file is one item, and a damaged one is
// an error naming its source while the next file still parses.
func TestWireNamesTheBadItem(t *testing.T) {
	revisiontest.NeedShared(t)
	good, err := os.ReadFile("../../../shared/corpus/formats/nitf/pa_nitf_embargoed_du-key.xml")
	if err != nil {
		t.Fatal(err)
	}
	cut := wire.ParseItems("cut.xml", good[:len(good)-40], wire.Options{})
	if len(cut) != 1 || cut[0].Err == nil || !strings.HasPrefix(cut[0].Err.Error(), "cut.xml: nitf: document cut off at line") {
		t.Fatalf("cut: %+v", cut)
	}
	items := wire.ParseItems("pa.xml", good, wire.Options{})
	if len(items) != 1 || items[0].Err != nil || items[0].Rev.Format != "nitf" || items[0].Rev.Status != "withheld" {
		t.Fatalf("good: %+v", items)
	}
	if r := items[0].Rev; r.Signals == nil || r.Refs == nil || r.Captions == nil {
		t.Errorf("lists not normalised to []: %+v", r)
	}
}

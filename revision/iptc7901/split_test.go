package iptc7901_test

import (
	"os"
	"strings"
	"testing"

	"lede/revision/iptc7901"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// A stream of messages is one item per message, each detected and parsed
// alone; a damaged message is an error naming it, its neighbours parse.
func TestStream(t *testing.T) {
	revisiontest.NeedShared(t)
	a, err := os.ReadFile("../../../shared/corpus/formats/anpa/dpa_iptc7901.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../../shared/corpus/formats/anpa/dpa_iptc7901_refile_1st_lead.txt")
	if err != nil {
		t.Fatal(err)
	}
	broken := "\x01eca063 4 i 10 dpa 062\r\nGermany-politics/\r\nno start of text\r\n\x04"
	stream := string(a) + broken + string(b)
	chunks := iptc7901.Split([]byte(stream))
	if len(chunks) != 3 || string(chunks[0].Data) != string(a) || string(chunks[2].Data) != string(b) {
		t.Fatalf("%d chunks", len(chunks))
	}
	for i, c := range chunks {
		if !iptc7901.Detect(c.Data) {
			t.Errorf("chunk %d not detected alone", i+1)
		}
	}
	items := wire.ParseItems("day.txt", []byte(stream), wire.Options{})
	if len(items) != 3 {
		t.Fatalf("%d items", len(items))
	}
	if items[0].Err != nil || items[0].Rev.ID != "eca062" || items[2].Err != nil || items[2].Rev.ID != "eca0003" {
		t.Errorf("good items: %v / %v", items[0].Err, items[2].Err)
	}
	if items[1].Err == nil || !strings.HasPrefix(items[1].Err.Error(), "day.txt#2: iptc7901: no STX") {
		t.Errorf("broken item: %v", items[1].Err)
	}
	if one := iptc7901.Split(a); len(one) != 1 || string(one[0].Data) != string(a) {
		t.Errorf("one message: %d chunks", len(one))
	}
}

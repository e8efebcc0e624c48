package store

import (
	"reflect"
	"testing"

	"lede/revision"
)

func codecSample() revision.Features {
	r := &revision.Revision{
		Agency: "AP", Key: "AP:AM:1989-01-02:guatemala-shipwreck", Version: 2, Slug: "Guatemala-Shipwreck", Cycle: "AM",
		Transmitted: "1989-01-02T22:38:00-05:00", Headline: "Overloaded Guatemalan Ferry Sinks; 67 Dead, 14 Missing",
		RawHeadline: "x", Date: revision.Date{Year: 1989, Month: 1, Day: 2}, Marker: revision.Marker{Seq: 2},
		Paragraphs: []string{"PUERTO BARRIOS, Guatemala (AP) - An overloaded ferry sank.", "Sixty-seven people died.", "Fourteen are missing."},
	}
	return revision.FeaturesOf(r)
}

// TestFeaturesCodec: features come back as stored, key, agency, version,
// slug, cycle and transmission time included; a value of format 1 (lede
// before schema 7: no agency and the rest) still reads, without them.
func TestFeaturesCodec(t *testing.T) {
	f := codecSample()
	f.Names = nil // not stored: only a new revision's names are compared
	got, err := decodeFeatures(encodeFeatures(f))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, f) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, f)
	}
	if f.Sent != 599801880 || f.Version != 2 || f.Cycle != "AM" {
		t.Errorf("features of the sample: sent %d version %d cycle %q", f.Sent, f.Version, f.Cycle)
	}
	old := f
	old.Agency, old.Version, old.Slug, old.Cycle, old.Sent = "", 0, "", "", 0
	v1 := formatOne(old)
	got, err = decodeFeatures(v1)
	if err != nil || !reflect.DeepEqual(got, old) {
		t.Errorf("format 1: %v\n got %+v\nwant %+v", err, got, old)
	}
}

// formatOne writes features without agency, version, slug, cycle and
// transmission time as format 1 did: format 2 without its tail, which
// for those zero values is five bytes (three empty strings, two zeros).
func formatOne(f revision.Features) []byte {
	b := encodeFeatures(f)
	b = b[:len(b)-5]
	b[0] = 1
	return b
}

// FuzzDecodeFeatures: no stored value, however damaged, makes decoding
// panic or allocate without bound; each is features or errCorrupt.
func FuzzDecodeFeatures(f *testing.F) {
	s := codecSample()
	f.Add(encodeFeatures(s))
	f.Add(formatOne(revision.Features{Date: s.Date, Words: s.Words, Lead: s.Lead, Body: s.Body}))
	f.Add([]byte{2})
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := decodeFeatures(b)
		if err != nil && err != errCorrupt {
			t.Fatalf("error %v, want errCorrupt", err)
		}
		if err == nil {
			if again, err := decodeFeatures(encodeFeatures(got)); err != nil || !reflect.DeepEqual(again, got) {
				t.Fatalf("decoded features do not survive a round trip: %v", err)
			}
		}
	})
}

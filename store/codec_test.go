package store

import (
	"encoding/binary"
	"reflect"
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
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

// decodeFeaturesBefore is decodeFeatures as it was before a member's
// words and sketches shared their allocations: a string a word, a slice a
// sketch.
func decodeFeaturesBefore(b []byte) (revision.Features, error) {
	d := decoder{b: b}
	var f revision.Features
	format, err := d.featuresHead(b, &f)
	if err != nil {
		return f, err
	}
	f.Key = d.str()
	n := d.uvarint()
	f.Words = make([]string, 0, min(n, 256))
	for i := 0; i < n && d.err == nil; i++ {
		f.Words = append(f.Words, d.str())
	}
	f.Lead, f.Body = sketchBefore(&d), sketchBefore(&d)
	d.featuresTail(format, &f)
	return f, d.err
}

// sketchBefore reads one sketch into a slice of its own.
func sketchBefore(d *decoder) revision.Sketch {
	s := revision.Sketch{N: d.uvarint()}
	n := d.uvarint()
	raw := d.take(4 * n)
	if d.err != nil {
		return s
	}
	s.Min = make([]uint32, n)
	for i := range s.Min {
		s.Min[i] = binary.BigEndian.Uint32(raw[4*i:])
	}
	return s
}

// TestDecodeFeaturesAsBefore checks decodeFeatures against the decoder
// it replaced on the features of 2,000 synthetic pages, in both formats,
// and that a lead's hashes, which share an allocation with the body's,
// cannot be appended over the body's.
func TestDecodeFeaturesAsBefore(t *testing.T) {
	var values [][]byte
	err := revisiontest.Generate(revisiontest.Config{Seed: 2, Revisions: 2000}, func(p revisiontest.Page) error {
		r, err := wire.Parse(p.Name, p.Text, wire.Options{})
		if err != nil {
			return err
		}
		f := revision.FeaturesOf(r)
		values = append(values, encodeFeatures(f), formatOne(f))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	values = append(values, encodeFeatures(revision.Features{}), encodeFeatures(codecSample()))
	for i, v := range values {
		got, gerr := decodeFeatures(v)
		want, werr := decodeFeaturesBefore(v)
		if gerr != werr || !reflect.DeepEqual(got, want) {
			t.Fatalf("value %d: decoded %+v (%v), before %+v (%v)", i, got, gerr, want, werr)
		}
		body := slices.Clone(got.Body.Min)
		_ = append(got.Lead.Min, 1, 2, 3)
		if !slices.Equal(got.Body.Min, body) {
			t.Fatalf("value %d: appending to the lead's hashes changed the body's", i)
		}
	}
	// Cut short anywhere, a value fails or reads alike both ways.
	for i, v := range values[:40] {
		for cut := range len(v) {
			got, gerr := decodeFeatures(v[:cut])
			want, werr := decodeFeaturesBefore(v[:cut])
			if gerr != werr || gerr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("value %d cut at %d: decoded %+v (%v), before %+v (%v)", i, cut, got, gerr, want, werr)
			}
		}
	}
}

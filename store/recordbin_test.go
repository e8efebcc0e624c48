package store

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"

	"lede/revision"
)

// jsonWay is what a record read back as when lede wrote it as JSON
// (schema 13 and before): encoding/json's bytes, read by decodeRev.
func jsonWay(t *testing.T, rec RevRecord) (RevRecord, error) {
	t.Helper()
	raw, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var out RevRecord
	err = decodeRev(raw, &out)
	return out, err
}

// binaryWay is what it reads back as now.
func binaryWay(rec RevRecord) (RevRecord, error) {
	var out RevRecord
	err := decodeRev(encodeRev(rec), &out)
	return out, err
}

// sameWay fails t unless rec reads back the same both ways.
func sameWay(t *testing.T, what string, rec RevRecord) {
	t.Helper()
	want, werr := jsonWay(t, rec)
	got, gerr := binaryWay(rec)
	var wd, gd *DateError
	switch {
	case (werr == nil) != (gerr == nil):
		t.Fatalf("%s: JSON read %v, binary read %v\nrecord %#v", what, werr, gerr, rec)
	case werr != nil && (!errors.As(werr, &wd) || !errors.As(gerr, &gd) || *wd != *gd):
		t.Fatalf("%s: JSON read %v, binary read %v", what, werr, gerr)
	case !reflect.DeepEqual(want, got):
		t.Fatalf("%s: read back differently\nJSON   %#v\nbinary %#v", what, want, got)
	}
}

// TestRevBinaryAsJSON: a record in the binary form reads back as the
// same record did as JSON, on records with every field set (a field the
// codec forgot reads back zero), and on random ones: strings with
// invalid UTF-8 and markup, nil, empty and full lists, absent and
// present parts, real, partial and impossible dates, extreme numbers.
func TestRevBinaryAsJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		var rec RevRecord
		fill(r, reflect.ValueOf(&rec).Elem(), true)
		rec.Date = revision.Date{Year: 1990 + i, Month: 1 + i%12, Day: 1 + i}
		sameWay(t, "full record", rec)
		if reflect.DeepEqual(rec, RevRecord{}) {
			t.Fatal("the filler left the record empty")
		}
	}
	for i := range 20000 {
		var rec RevRecord
		fill(r, reflect.ValueOf(&rec).Elem(), false)
		sameWay(t, "random record "+string(rune('0'+i%10)), rec)
	}
	sameWay(t, "empty record", RevRecord{})
}

// TestRevBinaryDamaged: a binary record cut short or with a byte changed
// is an error or a record, never a panic; cut short it is always an error.
func TestRevBinaryDamaged(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var rec RevRecord
		fill(r, reflect.ValueOf(&rec).Elem(), r.IntN(2) == 0)
		rec.Date = revision.Date{Year: 2024, Month: 2, Day: 29}
		damagedReads(t, r, encodeRev(rec), func(b []byte) bool {
			var out RevRecord
			err := decodeRev(b, &out)
			return err == nil || IsDateDamage(err)
		})
	}
	var out RevRecord
	err := decodeRev(append(encodeRev(RevRecord{Arrival: 7}), 0), &out)
	if err == nil {
		t.Fatal("a record with a byte after its end read as whole")
	}
}

// damagedReads fails t if raw, a record in binary form, reads as whole
// (whole) when cut short anywhere; with bytes changed at random it may
// read either way, but must not panic.
func damagedReads(t *testing.T, r *rand.Rand, raw []byte, whole func([]byte) bool) {
	t.Helper()
	for n := range len(raw) {
		if whole(raw[:n]) {
			t.Fatalf("record cut to %d of %d bytes read as whole", n, len(raw))
		}
	}
	for range 50 {
		bad := append([]byte(nil), raw...)
		bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
		whole(bad)
	}
}

// TestRevBinaryDateDamage: a binary record holding a date that does not
// exist is read with the date unknown and a DateError, as its JSON was.
func TestRevBinaryDateDamage(t *testing.T) {
	rec := RevRecord{Arrival: 3, Source: "p/x.txt", Headline: "Quake", Date: revision.Date{Year: 2022, Month: 2, Day: 30}}
	var out RevRecord
	err := decodeRev(encodeRev(rec), &out)
	var de *DateError
	if !errors.As(err, &de) || de.Stored != "2022-02-30" {
		t.Fatalf("got %v, want a DateError for 2022-02-30", err)
	}
	if out.Headline != "Quake" || out.Date != (revision.Date{}) || out.Arrival != 3 {
		t.Fatalf("read %+v, want the record with its date unknown", out)
	}
	if s := recordSource(encodeRev(rec)[:12]); s != "p/x.txt" {
		t.Fatalf("source of a record cut after its head: %q", s)
	}
}

var fillStrings = []string{"", "a", "Quake hits \u00e9 <b>&</b>", "\xff\xfe", "ok\xc3", "\u2028\"\\\n\t", "30 percent"}

// fill sets v, a value of a record type, at random; full sets every
// field to something that is not its zero.
func fill(r *rand.Rand, v reflect.Value, full bool) {
	if v.Type() == reflect.TypeFor[revision.Date]() {
		ymd := [][3]int{{0, 0, 0}, {2024, 2, 29}, {2023, 2, 29}, {0, 2, 29}, {0, 2, 30}, {2020, 5, 0},
			{2020, 0, 0}, {0, 0, 7}, {12345, 1, 1}, {-1, 1, 1}, {2019, 13, 1}, {2019, 12, 30}}
		d := ymd[r.IntN(len(ymd))]
		v.Set(reflect.ValueOf(revision.Date{Year: d[0], Month: d[1], Day: d[2]}))
		return
	}
	switch v.Kind() {
	case reflect.String:
		s := fillStrings[r.IntN(len(fillStrings))]
		if full && s == "" {
			s = "x"
		}
		v.SetString(s)
	case reflect.Int, reflect.Int64:
		ns := []int64{0, 1, -1, 7, 300, -70000, 1 << 40, -1 << 62}
		n := ns[r.IntN(len(ns))]
		if full && n == 0 {
			n = 2
		}
		v.SetInt(n)
	case reflect.Uint8:
		v.SetUint(uint64(r.IntN(256)))
	case reflect.Uint64:
		ns := []uint64{0, 1, 200, 1 << 63, 1<<64 - 1}
		n := ns[r.IntN(len(ns))]
		if full && n == 0 {
			n = 3
		}
		v.SetUint(n)
	case reflect.Bool:
		v.SetBool(full || r.IntN(2) == 0)
	case reflect.Pointer:
		if !full && r.IntN(3) == 0 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), full)
	case reflect.Slice:
		n := r.IntN(4) - 1 // -1: nil
		if full {
			n = 2
		}
		if n < 0 {
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(r, v.Index(i), full)
		}
	case reflect.Array, reflect.Struct:
		n := v.Len
		if v.Kind() == reflect.Struct {
			n = v.NumField
		}
		for i := range n() {
			if v.Kind() == reflect.Struct {
				fill(r, v.Field(i), full)
			} else {
				fill(r, v.Index(i), full)
			}
		}
	default:
		panic("fill: a record field of kind " + v.Kind().String() + " (teach fill and recordbin.go)")
	}
}

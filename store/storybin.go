package store

import (
	"encoding/binary"

	"lede/revision"
)

// Story records are written in binary too (schema 15). Grouping reads the
// story record of every candidate a page is compared with, a dozen a
// page, and a batch's transaction decodes each story it meets once; as
// JSON that decoding and the encoding of the stories it changed were a
// twentieth of the write transaction. The rules are the revision
// records' (recordbin.go): the fields in a fixed order, lengths and
// numbers as varints; the first byte tells the forms apart (a JSON record
// opens with '{'), a JSON record is still read and takes the binary form
// when next written; and the binary form decodes to exactly what the
// JSON of the same record decoded to (TestStoryBinaryAsJSON).
const storyBinary = 0x02

// encodeStory is s in the binary form.
func encodeStory(s storyRecord) []byte {
	e := recEncoder{b: make([]byte, 0, 32+len(s.ID)+len(s.Slug)+len(s.Headline)+len(s.Latest)+8*len(s.Apart))}
	e.b = append(e.b, storyBinary)
	e.strs(s.ID, s.Slug)
	e.num(s.Year)
	e.num(s.Count)
	e.b = binary.AppendUvarint(e.b, uint64(len(s.Latest)))
	e.b = append(e.b, s.Latest...)
	e.str(s.Headline)
	e.count(len(s.Apart), s.Apart == nil, false)
	for _, a := range s.Apart {
		e.b = binary.AppendUvarint(e.b, a)
	}
	e.b = binary.AppendUvarint(e.b, s.MergedInto)
	e.count(len(s.Removed), s.Removed == nil, false)
	for _, t := range s.Removed {
		e.num(t.Rev)
		e.str(t.Ref)
		e.b = binary.AppendUvarint(e.b, t.Arrival)
		e.strs(t.Source, t.Label, t.Headline)
		d := canonicalDate(t.Date)
		e.num(d.Year)
		e.num(d.Month)
		e.num(d.Day)
		e.str(t.Removed)
	}
	return e.b
}

// decodeStory reads a story record in either form, saying it is corrupt
// when it cannot be read.
func decodeStory(v []byte, s *storyRecord) error {
	if len(v) == 0 || v[0] != storyBinary {
		return jsonUnmarshal(v, s)
	}
	d := recDecoder{s: string(v)} // one copy: every string is a piece of it
	d.byte()
	var r storyRecord
	r.ID, r.Slug = d.str(), d.str()
	r.Year, r.Count = d.num(), d.num()
	if latest := d.str(); latest != "" {
		r.Latest = []byte(latest)
	}
	r.Headline = d.str()
	r.Apart = readList(&d, false, func(a *uint64) { *a = d.u64() })
	r.MergedInto = d.u64()
	r.Removed = readList(&d, false, func(t *Tombstone) {
		t.Rev, t.Ref, t.Arrival = d.num(), d.str(), d.u64()
		t.Source, t.Label, t.Headline = d.str(), d.str(), d.str()
		t.Date = d.storedDate()
		t.Removed = d.str()
	})
	if d.err != nil || d.i != len(d.s) {
		return errCorrupt
	}
	*s = r
	return nil
}

// storedDate reads a date as JSON would have read it back from its
// String form: one that does not exist makes the record unreadable, as
// it made its JSON.
func (d *recDecoder) storedDate() revision.Date {
	date := revision.Date{Year: d.num(), Month: d.num(), Day: d.num()}
	v, err := revision.ParseDate(date.String())
	if err != nil || canonicalDate(date) != date {
		d.fail()
	}
	return v
}

package store

import (
	"encoding/binary"
	"unicode/utf8"

	"lede/revision"
)

// Revision records are written in a binary form (schema 14). Every batch
// of an ingest reads back the records of each story it touched, to
// rebuild its listing record and to find the summaries to compute; as
// JSON, decoding them was the largest single cost of the serial loop
// after grouping (issue 15), and encoding them the next. The binary form
// is the fields in a fixed order, lengths and numbers as varints, and it
// decodes to exactly the value that encoding/json's bytes decoded to:
// the same strings (invalid UTF-8 byte for byte as U+FFFD), empty lists
// of omitempty fields as nil, nil and empty apart where JSON keeps them
// apart (null and []), dates as their String form reads back
// (TestRevBinaryAsJSON fills every field, nested ones too, and compares).
//
// A record written before schema 14 is JSON and is still read as such;
// it is written in binary the next time the store writes it. The first
// byte tells them apart: a JSON record opens with '{'.
//
// The arrival, the source and the date lead, so that a damaged record
// still names its source and storetest finds the date.
const revBinary = 0x01

// encodeRev is rec in the binary form.
func encodeRev(rec RevRecord) []byte {
	e := recEncoder{b: make([]byte, 0, 256+len(rec.Headline)+len(rec.Note)+len(rec.Why))}
	e.b = append(e.b, revBinary)
	e.b = binary.AppendUvarint(e.b, rec.Arrival)
	e.str(rec.Source)
	d := canonicalDate(rec.Date)
	e.num(d.Year)
	e.num(d.Month)
	e.num(d.Day)
	e.b = binary.AppendVarint(e.b, rec.Ingested)
	e.strs(rec.Format, rec.Agency, rec.ID, rec.Key)
	e.num(rec.Version)
	e.strs(rec.Slug, rec.Cycle, string(rec.Status))
	e.list(rec.Signals, false)
	e.list(rec.Refs, false)
	e.part(rec.Part)
	e.flags(rec.Partial, rec.Complete)
	e.strs(rec.Transmitted, rec.Time, rec.Marker.Label)
	e.num(rec.Marker.Seq)
	e.list(rec.Marker.Flags, true)
	e.list(rec.Tags, false)
	e.strs(rec.Headline, rec.Note)
	e.actions(rec.Actions)
	e.str(rec.Byline)
	e.num(rec.Paras)
	e.strs(rec.Why, rec.Lead)
	e.summary(rec.Summary)
	e.b = binary.AppendUvarint(e.b, rec.SummaryPrev)
	e.items(rec.Items)
	e.pickup(rec.Pickup)
	e.assembly(rec.Assembly)
	return e.b
}

// canonicalDate is d as its String form reads back: a date that is not
// complete and has no month and day is no date at all.
func canonicalDate(d revision.Date) revision.Date {
	switch {
	case d.YearKnown():
		return d
	case d.Month != 0 && d.Day != 0:
		return revision.Date{Month: d.Month, Day: d.Day}
	}
	return revision.Date{}
}

// recEncoder appends a record's fields.
type recEncoder struct{ b []byte }

// str appends s as encoding/json would have it read back: each byte that
// is not part of valid UTF-8 becomes U+FFFD.
func (e *recEncoder) str(s string) {
	if !utf8.ValidString(s) {
		s = jsonRunes(s)
	}
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func jsonRunes(s string) string {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

func (e *recEncoder) strs(ss ...string) {
	for _, s := range ss {
		e.str(s)
	}
}

func (e *recEncoder) num(n int) { e.b = binary.AppendVarint(e.b, int64(n)) }

func (e *recEncoder) flags(bs ...bool) {
	var f byte
	for i, b := range bs {
		if b {
			f |= 1 << i
		}
	}
	e.b = append(e.b, f)
}

// count opens a list of n values. A list JSON writes even when empty
// (keepNil: null or []) is n+1, 0 for nil; one it leaves out when empty
// is n, read back as nil.
func (e *recEncoder) count(n int, isNil, keepNil bool) {
	switch {
	case !keepNil:
		e.b = binary.AppendUvarint(e.b, uint64(n))
	case isNil:
		e.b = append(e.b, 0)
	default:
		e.b = binary.AppendUvarint(e.b, uint64(n)+1)
	}
}

func (e *recEncoder) list(ss []string, keepNil bool) {
	e.count(len(ss), ss == nil, keepNil)
	e.strs(ss...)
}

func (e *recEncoder) ints(ns []int, keepNil bool) {
	e.count(len(ns), ns == nil, keepNil)
	for _, n := range ns {
		e.num(n)
	}
}

// present opens an optional value: 1 when there is one.
func (e *recEncoder) present(ok bool) bool {
	e.flags(ok)
	return ok
}

func (e *recEncoder) part(p *revision.ItemPart) {
	if e.present(p != nil) {
		e.str(p.Kind)
		e.num(p.N)
		e.num(p.Of)
	}
}

func (e *recEncoder) actions(as []revision.Action) {
	e.count(len(as), as == nil, false)
	for _, a := range as {
		e.strs(a.Verb, a.Object, string(a.Target))
		e.ints(a.Paras, true)
		e.num(a.From)
		e.num(a.Last)
		e.num(a.After)
		e.strs(a.Anchor, a.Text)
	}
}

func (e *recEncoder) summary(s *revision.UpdateSummary) {
	if !e.present(s != nil) {
		return
	}
	e.num(s.Added)
	e.num(s.Removed)
	e.num(s.Changed)
	e.num(s.Moved)
	e.flags(s.Headline, s.Byline, s.Dateline)
	e.count(len(s.Verdicts), s.Verdicts == nil, false)
	for _, v := range s.Verdicts {
		e.strs(v.Action, v.Verdict)
		e.ints(v.Paras, false)
	}
	e.num(s.Unannounced)
	e.count(len(s.Figures), s.Figures == nil, false)
	for _, f := range s.Figures {
		e.num(f.Para)
		e.strs(f.Old, f.New, f.Context, f.Label)
	}
}

func (e *recEncoder) items(items []ItemRecord) {
	e.count(len(items), items == nil, false)
	for _, it := range items {
		e.b = binary.AppendUvarint(e.b, it.Arrival)
		e.strs(it.ID, it.Source)
		e.part(it.Part)
		e.num(it.Paras)
		e.flags(it.Complete)
		e.str(it.Transmitted)
	}
}

func (e *recEncoder) pickup(p *revision.Pickup) {
	if e.present(p != nil) {
		e.num(p.Para)
		e.str(p.Anchor)
		e.flags(p.None, p.AnchorMissed)
		e.num(p.Found)
	}
}

func (e *recEncoder) assembly(a *AssemblyFacts) {
	if !e.present(a != nil) {
		return
	}
	e.count(len(a.Sources), a.Sources == nil, false)
	for _, s := range a.Sources {
		e.num(s.Paras[0])
		e.num(s.Paras[1])
		e.str(s.From)
		e.num(s.FromParas[0])
		e.num(s.FromParas[1])
	}
	e.pickup(a.Pickup)
	e.str(a.Unbuilt)
}

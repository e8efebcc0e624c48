package store

import (
	"lede/revision"
	"lede/revision/assemble"
)

// decodeRevBinary reads what encodeRev wrote. Like decodeRev on JSON, a
// record that is whole but for an impossible date is read with the date
// unknown and a DateError; anything else amiss is errCorrupt.
func decodeRevBinary(v []byte, rec *RevRecord) error {
	d := recDecoder{s: string(v)} // one copy: every string is a piece of it
	if d.byte() != revBinary {
		return errCorrupt
	}
	var r RevRecord
	r.Arrival = d.u64()
	r.Source = d.str()
	date := revision.Date{Year: d.num(), Month: d.num(), Day: d.num()}
	r.Ingested = d.i64()
	r.Format, r.Agency, r.ID, r.Key = d.str(), d.str(), d.str(), d.str()
	r.Version = d.num()
	r.Slug, r.Cycle, r.Status = d.str(), d.str(), revision.Status(d.str())
	r.Signals, r.Refs = d.list(false), d.list(false)
	r.Part = d.part()
	r.Partial, r.Complete = d.flags()
	r.Transmitted, r.Time, r.Marker.Label = d.str(), d.str(), d.str()
	r.Marker.Seq = d.num()
	r.Marker.Flags = d.list(true)
	r.Tags = d.list(false)
	r.Headline, r.Note = d.str(), d.str()
	r.Actions = d.actions()
	r.Byline = d.str()
	r.Paras = d.num()
	r.Why, r.Lead = d.str(), d.str()
	r.Summary = d.summary()
	r.SummaryPrev = d.u64()
	r.Items = d.items()
	r.Pickup = d.pickup()
	r.Assembly = d.assembly()
	if d.err != nil || d.i != len(d.s) || canonicalDate(date) != date {
		return errCorrupt
	}
	*rec = r
	if !date.Valid() {
		return &DateError{Stored: date.String()}
	}
	rec.Date = date
	return nil
}

// binarySource is the source of a binary record whose head is whole,
// "" otherwise (recordSource).
func binarySource(v []byte) string {
	d := recDecoder{s: string(v[:min(len(v), 4096)])}
	d.byte()
	d.u64()
	if s := d.str(); d.err == nil {
		return s
	}
	return ""
}

// recDecoder reads a record's fields from s, remembering the first fault.
type recDecoder struct {
	s   string
	i   int
	err error
}

func (d *recDecoder) fail() { d.err, d.i = errCorrupt, len(d.s) }

func (d *recDecoder) byte() byte {
	if d.i >= len(d.s) {
		d.fail()
		return 0
	}
	d.i++
	return d.s[d.i-1]
}

func (d *recDecoder) u64() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := d.byte()
		if d.err != nil {
			return 0
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

func (d *recDecoder) i64() int64 {
	u := d.u64()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *recDecoder) num() int { return int(d.i64()) }

func (d *recDecoder) str() string {
	n := d.u64()
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *recDecoder) flags() (a, b bool) {
	f := d.byte()
	return f&1 != 0, f&2 != 0
}

// count reads what recEncoder.count wrote: n, and whether the list is
// nil. No list holds more values than there are bytes left.
func (d *recDecoder) count(keepNil bool) (int, bool) {
	n := d.u64()
	if keepNil {
		if n == 0 {
			return 0, d.err == nil
		}
		n--
	}
	if d.err != nil || n > uint64(len(d.s)-d.i) {
		d.fail()
		return 0, true
	}
	return int(n), n == 0 && !keepNil
}

// readList reads a list that recEncoder.count opened, each value by one.
func readList[T any](d *recDecoder, keepNil bool, one func(*T)) []T {
	n, isNil := d.count(keepNil)
	if isNil {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		one(&out[i])
	}
	return out
}

func (d *recDecoder) list(keepNil bool) []string {
	return readList(d, keepNil, func(s *string) { *s = d.str() })
}

func (d *recDecoder) ints(keepNil bool) []int {
	return readList(d, keepNil, func(n *int) { *n = d.num() })
}

func (d *recDecoder) present() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *recDecoder) part() *revision.ItemPart {
	if !d.present() {
		return nil
	}
	return &revision.ItemPart{Kind: d.str(), N: d.num(), Of: d.num()}
}

func (d *recDecoder) actions() []revision.Action {
	return readList(d, false, func(a *revision.Action) {
		a.Verb, a.Object, a.Target = d.str(), d.str(), revision.Target(d.str())
		a.Paras = d.ints(true)
		a.From, a.Last, a.After = d.num(), d.num(), d.num()
		a.Anchor, a.Text = d.str(), d.str()
	})
}

func (d *recDecoder) summary() *revision.UpdateSummary {
	if !d.present() {
		return nil
	}
	s := &revision.UpdateSummary{Added: d.num(), Removed: d.num(), Changed: d.num(), Moved: d.num()}
	f := d.byte()
	s.Headline, s.Byline, s.Dateline = f&1 != 0, f&2 != 0, f&4 != 0
	s.Verdicts = readList(d, false, func(v *revision.NoteVerdict) {
		v.Action, v.Verdict = d.str(), d.str()
		v.Paras = d.ints(false)
	})
	s.Unannounced = d.num()
	s.Figures = readList(d, false, func(f *revision.Figure) {
		f.Para = d.num()
		f.Old, f.New, f.Context, f.Label = d.str(), d.str(), d.str(), d.str()
	})
	return s
}

func (d *recDecoder) items() []ItemRecord {
	return readList(d, false, func(it *ItemRecord) {
		it.Arrival = d.u64()
		it.ID, it.Source = d.str(), d.str()
		it.Part = d.part()
		it.Paras = d.num()
		it.Complete, _ = d.flags()
		it.Transmitted = d.str()
	})
}

func (d *recDecoder) pickup() *revision.Pickup {
	if !d.present() {
		return nil
	}
	p := &revision.Pickup{Para: d.num(), Anchor: d.str()}
	p.None, p.AnchorMissed = d.flags()
	p.Found = d.num()
	return p
}

func (d *recDecoder) assembly() *AssemblyFacts {
	if !d.present() {
		return nil
	}
	a := &AssemblyFacts{}
	a.Sources = readList(d, false, func(s *assemble.Source) {
		s.Paras = [2]int{d.num(), d.num()}
		s.From = d.str()
		s.FromParas = [2]int{d.num(), d.num()}
	})
	a.Pickup = d.pickup()
	a.Unbuilt = d.str()
	return a
}

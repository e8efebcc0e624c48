package store

import (
	"time"

	"lede/revision"
)

// Sent is when the revision went out (revision.SentAt of its fields,
// dated in year when its page shows none), or when lede received it
// when the item gives no date: every version of a timeline has a time.
func (r RevRecord) Sent(year int) revision.Sent {
	s := revision.SentAt(r.Date.InYear(year), r.Time, r.Transmitted)
	if !s.Known && r.Ingested > 0 {
		return revision.ReceivedAt(time.Unix(r.Ingested, 0).UTC())
	}
	return s
}

// Sent is when the version went out (see RevRecord.Sent).
func (v Version) Sent() revision.Sent { return v.Record.Sent(v.Date.Year) }

// Gaps lists, for each version of a story in order, how long after the
// one before it that version went out ("+42 min", revision.Gap), ""
// for the first and where the two times cannot be compared. history,
// the web timeline and alerts show it beside each version's time.
func Gaps(vs []Version) []string {
	out := make([]string, len(vs))
	for i := 1; i < len(vs); i++ {
		out[i] = revision.Gap(vs[i-1].Sent(), vs[i].Sent())
	}
	return out
}

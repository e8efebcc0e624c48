package nitf

import (
	"strings"
	"time"

	"lede/revision"
)

// stamp is a NITF date attribute (norm="20200703T165136-0400") as read:
// the local date and time as written, and the instant when the value
// carries its offset.
type stamp struct {
	date revision.Date
	hhmm string // "16:51", "" when the value has no time of day
	// rfc3339 is the instant, "" when the value has no offset: a local
	// time whose zone the item does not say is not an instant.
	rfc3339 string
}

// normLayouts are the ISO 8601 shapes NITF producers write in norm
// attributes: the basic form the DTD asks for and the extended form NTB
// uses, with "Z", an offset or no zone; a bare date.
var normLayouts = []struct {
	layout string
	zone   bool
	clock  bool
}{
	{"20060102T150405Z0700", true, true},
	{"20060102T150405Z07:00", true, true},
	{"20060102T150405", false, true},
	{"20060102T1504Z0700", true, true},
	{"20060102T1504", false, true},
	{"2006-01-02T15:04:05Z07:00", true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04:05", false, true},
	{"20060102", false, false},
	{"2006-01-02", false, false},
}

// parseNorm reads a norm attribute. ok is false for an empty value and
// for the placeholders some systems leave unfilled
// ("YYYYMMDD000000-HHMM"), which mean "no date", not a broken item;
// warn is set when the value looks like a date but is not a real one.
func parseNorm(v string) (s stamp, ok bool, warn bool) {
	v = strings.TrimSpace(v)
	if v == "" || placeholder(v) {
		return stamp{}, false, false
	}
	// Fractions of a second are not part of the layouts above.
	if i := strings.IndexByte(v, '.'); i > 0 {
		j := i + 1
		for j < len(v) && v[j] >= '0' && v[j] <= '9' {
			j++
		}
		v = v[:i] + v[j:]
	}
	for _, l := range normLayouts {
		t, err := time.Parse(l.layout, v)
		if err != nil {
			continue
		}
		s.date = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		if l.clock {
			s.hhmm = t.Format("15:04")
		}
		if l.zone {
			s.rfc3339 = t.Format(time.RFC3339)
		}
		return s, true, false
	}
	return stamp{}, false, true
}

// placeholder reports a template value such as "YYYYMMDD000000-HHMM":
// letters where the digits should be.
func placeholder(v string) bool {
	return strings.Contains(v, "YYYY") || strings.Contains(v, "MMDD") || strings.Contains(v, "HHMM")
}

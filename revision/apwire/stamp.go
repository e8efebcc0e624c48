package apwire

import (
	"fmt"
	"strconv"
	"time"

	"lede/revision"
)

// Stamp is AP's transmission stamp, "AP-NR-01-02-89 2238EST" in a TREC
// <FILEID> and "AP-WF-02-20-16 0337GMT" after an ANPA item's ETX: the
// circuit, the date (month, day, two-digit year), the time and its zone.
type Stamp struct {
	Circuit string
	Time    time.Time
}

var stampRe = revision.LazyRegexp(`AP-([A-Z]{1,4})-(\d\d)-(\d\d)-(\d\d) (\d\d)(\d\d)\s*([A-Z]{3})`)

// zones are the zones AP stamps in, by their abbreviation. US time was
// sent as Eastern; a zone not listed makes the stamp unreadable rather
// than guessed.
var zones = map[string]int{
	"GMT": 0, "UTC": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
	"MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}

// ParseStamp finds and reads a transmission stamp in s.
func ParseStamp(s string) (Stamp, error) {
	m := stampRe.FindStringSubmatch(s)
	if m == nil {
		return Stamp{}, fmt.Errorf("no AP-XX-MM-DD-YY HHMMZZZ stamp in %q", clip(s))
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[2+i])
	}
	off, ok := zones[m[7]]
	if !ok {
		return Stamp{}, fmt.Errorf("stamp %q: unknown time zone %s", m[0], m[7])
	}
	year := 1900 + n[2]
	if n[2] < 70 { // AP's stamps began long after 1970
		year = 2000 + n[2]
	}
	min, _ := strconv.Atoi(m[6])
	zone := time.FixedZone(m[7], off*3600)
	t := time.Date(year, time.Month(n[0]), n[1], n[3], min, 0, 0, zone)
	if t.Month() != time.Month(n[0]) || t.Day() != n[1] || n[3] > 23 || min > 59 {
		return Stamp{}, fmt.Errorf("stamp %q is not a real date and time", m[0])
	}
	return Stamp{Circuit: m[1], Time: t}, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

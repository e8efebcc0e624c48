package iptc7901

import (
	"strconv"
	"time"

	"lede/revision"
)

// trailerLine is the line after ETX: the time sent, HHMMSS in GMT, and
// the month and day ("131137 GMT Nov 13" is 13:11:37 GMT on 13 November;
// "212322 GMT Nov 18" shows it is not DDHHMM). It has no year.
var trailerLine = revision.LazyRegexp(`^([0-9]{2})([0-9]{2})([0-9]{2}) GMT ([A-Z][a-z]{2}) ([0-9]{1,2})\b`)

// parseTrailer reads the trailer: the date without a year and "HH:MM".
// ok is false when the line is not a real time and date.
func parseTrailer(line string) (revision.Date, string, bool) {
	m := trailerLine.FindStringSubmatch(line)
	if m == nil {
		return revision.Date{}, "", false
	}
	hh, _ := strconv.Atoi(m[1])
	mm, _ := strconv.Atoi(m[2])
	ss, _ := strconv.Atoi(m[3])
	mon, err := time.Parse("Jan", m[4])
	day, _ := strconv.Atoi(m[5])
	d := revision.Date{Month: int(mon.Month()), Day: day}
	if err != nil || hh > 23 || mm > 59 || ss > 59 || !d.Valid() {
		return revision.Date{}, "", false
	}
	return d, m[1] + ":" + m[2], true
}

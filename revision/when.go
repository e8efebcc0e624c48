package revision

import (
	"fmt"
	"time"
)

// Sent is when a version went out, as precisely as its item says: the
// agency's transmission time, else its page's date and time of day,
// else its date alone. A desk reads a story's timeline by these times
// and the gaps between them ("@3 2nd LD 14:05 +42 min").
type Sent struct {
	At time.Time
	// Clock says At has a time of day; without it only the date counts.
	Clock bool
	// Known is false when the item gives no date at all.
	Known bool
	// Received says At is when lede stored the version, the item giving
	// no time of its own.
	Received bool
}

// SentAt is the sending time of a version from its fields: transmitted
// (RFC 3339), else date and clock ("14:05", taken as the zone the page
// is in, so two pages of one agency compare right).
func SentAt(d Date, clock, transmitted string) Sent {
	if t, err := time.Parse(time.RFC3339, transmitted); err == nil {
		return Sent{At: t, Clock: true, Known: true}
	}
	if !d.YearKnown() {
		return Sent{}
	}
	s := Sent{At: d.Time(), Known: true}
	for _, layout := range []string{"15:04", "15:04:05"} {
		if c, err := time.Parse(layout, clock); err == nil {
			s.At = s.At.Add(time.Duration(c.Hour())*time.Hour + time.Duration(c.Minute())*time.Minute + time.Duration(c.Second())*time.Second)
			s.Clock = true
			break
		}
	}
	return s
}

// ReceivedAt is a Sent for a version whose item says nothing of its
// time: when lede received it.
func ReceivedAt(t time.Time) Sent {
	return Sent{At: t, Clock: true, Known: true, Received: true}
}

// Gap says how long after prev the version cur went out: "+42 min",
// "+3 h 5 min", "+2 d", "-5 min" for a version sent before the one it
// follows in story order. It is "" when the two cannot be compared: a
// time unknown, one sent and one received, a gap under a minute between
// received times (one batch stored them, which says nothing of when
// they were sent), or a time of day missing on a day the two share.
func Gap(prev, cur Sent) string {
	if !prev.Known || !cur.Known || prev.Received != cur.Received {
		return ""
	}
	d := cur.At.Sub(prev.At)
	if !prev.Clock || !cur.Clock {
		days := int(cur.At.Truncate(24*time.Hour).Sub(prev.At.Truncate(24*time.Hour)).Hours() / 24)
		if days == 0 {
			return ""
		}
		return fmt.Sprintf("%+d d", days)
	}
	if cur.Received && d.Abs() < time.Minute {
		return ""
	}
	return durationText(d)
}

// durationText writes a gap for a reader: minutes under two hours,
// hours and minutes under two days, days beyond.
func durationText(d time.Duration) string {
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 120:
		return fmt.Sprintf("%s%d min", sign, m)
	case m < 48*60:
		if m%60 == 0 {
			return fmt.Sprintf("%s%d h", sign, m/60)
		}
		return fmt.Sprintf("%s%d h %d min", sign, m/60, m%60)
	}
	return fmt.Sprintf("%s%d d", sign, m/(24*60))
}

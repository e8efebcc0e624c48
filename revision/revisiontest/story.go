package revisiontest

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// para is one paragraph of the story's current version.
type para struct {
	text string
	// orig is the paragraph's 1-based number in the previous version, 0
	// when an update added it; it is reset at the start of every update.
	orig   int
	moved  bool
	recast bool
}

// story is a story being sent: what its next version will be built from.
// It lives from its first version to its last, a few hours of wire time.
type story struct {
	id       int
	topic    *topic
	pcg      rand.PCG
	r        *rand.Rand
	first    time.Time // the day of the first version, midnight UTC
	series   daySeries
	versions int   // versions to send
	next     int   // the version to send next
	at       int64 // when it arrives, in seconds from the generator's start

	facts    []fact
	used     [2]uint64 // pool paragraphs already in the story
	headIdx  int
	leadIdx  int
	headline string
	dateline string
	paras    []para
	byline   string
	reporter int
	email    string
	caption  string
	prev     []string // paragraph texts of the previous version
	scratch  []byte
}

// reset makes s a fresh story, keeping its buffers.
func (s *story) reset(seed uint64, id int, t *topic, first time.Time, series daySeries, versions int) {
	facts, paras, prev, scratch := s.facts, s.paras, s.prev, s.scratch
	*s = story{id: id, topic: t, first: first, series: series, versions: versions}
	s.pcg.Seed(seed, uint64(id)*0x9e3779b97f4a7c15+1)
	s.r = rand.New(&s.pcg)
	if cap(facts) < len(slotIndex) {
		facts = make([]fact, len(slotIndex))
	}
	s.facts = facts[:len(slotIndex)]
	clear(s.facts)
	s.paras, s.prev, s.scratch = paras[:0], prev[:0], scratch[:0]
}

// maxParas and minParas bound a version's paragraph count.
const (
	minParas = 10
	maxParas = 25
)

// build writes the first version: headline, dateline, lead and body.
func (s *story) build(heads map[string]bool) {
	t := s.topic
	if t.facts != nil {
		t.facts(s)
	}
	// A day's stories should not share a headline outright: redraw the
	// story's facts a few times when it would.
	for try := 0; ; try++ {
		s.headIdx = s.r.IntN(len(t.headT))
		s.headline = s.renderString(t.headT[s.headIdx])
		if !heads[s.headline] || try == 4 {
			break
		}
		for i := range s.facts {
			if !s.facts[i].ext {
				s.facts[i].set = false
			}
		}
	}
	heads[s.headline] = true

	place := t.places[s.r.IntN(len(t.places))]
	if place == "@country" {
		s.scratch = s.render(s.scratch[:0], countryCapital)
		place = strings.ToUpper(string(s.scratch))
	}
	s.dateline = place + ", " + datelineDate(s.first) + " (Yonhap) -- "
	s.leadIdx = s.r.IntN(len(t.leadT))
	s.paras = append(s.paras, para{text: s.dateline + s.renderString(t.leadT[s.leadIdx])})

	n := minParas + s.r.IntN(8)
	own := (n - 1) * 2 / 3
	if own > t.nTopic {
		own = t.nTopic
	}
	for len(s.paras) < 1+own {
		s.paras = append(s.paras, para{text: s.renderString(t.poolT[s.pickPool(0, t.nTopic)])})
	}
	for len(s.paras) < n {
		s.paras = append(s.paras, para{text: s.renderString(t.poolT[s.pickPool(t.nTopic, len(t.poolT))])})
	}
	s.reporter = s.r.IntN(len(reporters))
	s.email = reporters[s.reporter].email
	if s.r.IntN(100) < 35 {
		s.byline = reporters[s.reporter].name
	}
}

// pickPool returns an unused pool paragraph in [lo, hi) and marks it used,
// or -1 when all are used.
func (s *story) pickPool(lo, hi int) int {
	if hi <= lo {
		return -1
	}
	start := lo + s.r.IntN(hi-lo)
	for k := 0; k < hi-lo; k++ {
		i := start + k
		if i >= hi {
			i -= hi - lo
		}
		if s.used[i/64]&(1<<(i%64)) == 0 {
			s.used[i/64] |= 1 << (i % 64)
			return i
		}
	}
	return -1
}

// special renders a calendar word for the story's first day.
func (s *story) special(id int) string {
	switch id {
	case specialMonth:
		return s.first.Month().String()
	case specialPrevMonth:
		return s.first.AddDate(0, -1, 0).Month().String()
	}
	return s.first.Weekday().String()
}

// datelineMonths are the month spellings of wire datelines.
var datelineMonths = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

func datelineDate(t time.Time) string {
	return datelineMonths[t.Month()-1] + " " + itoa(t.Day())
}

// marker is the headline marker of version v: none, (LEAD), (Nth LD).
func marker(v int) string {
	switch v {
	case 0:
		return ""
	case 1:
		return "(LEAD) "
	}
	return "(" + ordinal(v) + " LD) "
}

// ordinal writes 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return itoa(n) + suffix
}

func itoa(n int) string { return strconv.Itoa(n) }

// page appends the current version as a Yonhap text page.
func (s *story) page(buf []byte, v int, arrived time.Time, withDate bool, note string) []byte {
	if withDate {
		buf = append(buf, " date "...)
		buf = arrived.AppendFormat(buf, "2006-01-02")
		buf = append(buf, ' ')
	}
	buf = append(buf, marker(v)...)
	buf = append(buf, s.headline...)
	buf = append(buf, '\n')
	if note != "" {
		buf = append(buf, "(ATTN: "...)
		buf = append(buf, note...)
		buf = append(buf, ")\n"...)
	}
	if s.byline != "" {
		buf = append(buf, "By "...)
		buf = append(buf, s.byline...)
		buf = append(buf, '\n')
	}
	for i, p := range s.paras {
		buf = append(buf, p.text...)
		buf = append(buf, '\n')
		if i == 0 && s.caption != "" {
			buf = append(buf, s.caption...)
			buf = append(buf, '\n')
		}
	}
	buf = append(buf, s.email...)
	return append(buf, "\n(END)\n"...)
}

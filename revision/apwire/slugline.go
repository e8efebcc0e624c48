package apwire

import (
	"strconv"
	"strings"

	"lede/revision"
)

// Slugline is AP's slug line as the TREC <SECOND> element and the ANPA
// "^" keyword line give it: "AM-Guatemala-Shipwreck, 2nd Ld-Writethru,
// a0595,0346" — cycle, slug, version words, the reference numbers of the
// items it replaces and the word count.
type Slugline struct {
	// Cycle is "AM", "PM" or "BC"; "" when the line has none.
	Cycle string
	// Designator is a desk or form code before "--" ("BRF" for a
	// brief, "EXP", "BKN", "US"), "" when none.
	Designator string
	// Slug is the keyword as written, without cycle, version and, for
	// a brief, the BRF designator ("Guatemala-Shipwreck",
	// "EXP--AIDS Survivors").
	Slug string
	// Version is what the version words say.
	Version Version
	// Refs are the reference numbers ("a0595"), in order.
	Refs []string
	// Words is the word count, 0 when absent.
	Words int
}

var (
	cycleRe = revision.LazyRegexp(`^(AM|PM|BC|AP)-`)
	desigRe = revision.LazyRegexp(`^([A-Z]{2,4})--`)
	refRe   = revision.LazyRegexp(`^[A-Za-z]\d{4}$`)
	countRe = revision.LazyRegexp(`^\d{1,5}$`)
	// A version written into the slug field itself: "Abortion Activist
	// _ 1st Ld", "Reagan in History - 1st Add", "Reagan 2nd-ld writethru".
	slugVersionRe = revision.LazyRegexp(`(?i)(?:\s+[-_]\s+|\s+|-)(\d{1,2}\s*(?:st|nd|rd|th)\s*-?\s*(?:ld|add|take)\b.*|\d{1,2}\s*-?\s*takes\b.*|adv\s*\d{1,2}|sub|bjt|writethru|corrective|abridged)$`)
)

// ParseSlugline reads a slug line. ok is false when it does not start
// with a slug; an unknown field is kept out of the slug and reported in
// odd.
func ParseSlugline(line string) (s Slugline, odd []string, ok bool) {
	fields := strings.Split(line, ",")
	head := strings.TrimSpace(fields[0])
	if head == "" {
		return s, nil, false
	}
	s.Cycle, s.Designator, s.Slug = splitKeyword(head)
	s.Slug, s.Refs = peelRefs(s.Slug, s.Refs)
	if m := slugVersionRe.FindStringSubmatchIndex(s.Slug); m != nil && m[0] > 0 {
		if v, vok := ParseVersion(s.Slug[m[2]:m[3]]); vok {
			s.Version = v
			s.Slug = strings.TrimSpace(s.Slug[:m[0]])
		}
	}
	var words []string
	for _, f := range fields[1:] {
		f, s.Refs = peelRefs(strings.TrimSpace(f), s.Refs)
		switch {
		case f == "":
		case refRe.MatchString(f):
			s.Refs = append(s.Refs, f)
		case countRe.MatchString(f):
			s.Words, _ = strconv.Atoi(f)
		case IsVersion(f):
			words = append(words, f)
		default:
			odd = append(odd, f)
		}
	}
	if len(words) > 0 {
		v, _ := ParseVersion(strings.Join(words, ", "))
		s.Version = merge(s.Version, v)
	}
	return s, odd, s.Slug != ""
}

// peelRefs takes reference numbers off the end of a field whose comma
// was left out ("2nd Ld-Writethru a0762") and adds them to refs.
func peelRefs(f string, refs []string) (string, []string) {
	var peeled []string
	for {
		i := strings.LastIndexByte(f, ' ')
		if i < 0 || !refRe.MatchString(f[i+1:]) {
			break
		}
		peeled = append([]string{f[i+1:]}, peeled...)
		f = strings.TrimSpace(f[:i])
	}
	return f, append(refs, peeled...)
}

// splitKeyword takes the cycle and a designator off a keyword:
// "AM-BRF--Baby Accident" is AM, BRF, "Baby Accident". Only the brief
// designator leaves the slug: the others (EXP, BKN, US) are part of the
// keyword AP files the story under.
func splitKeyword(k string) (cycle, desig, slug string) {
	if m := cycleRe.FindStringSubmatch(k); m != nil {
		if m[1] != "AP" {
			cycle = m[1]
		}
		k = k[len(m[0]):]
	}
	if m := desigRe.FindStringSubmatch(k); m != nil {
		desig = m[1]
		if desig == "BRF" {
			k = k[len(m[0]):]
		}
	}
	return cycle, desig, strings.TrimSpace(k)
}

// merge adds the version words of b to a, a's main version first.
func merge(a, b Version) Version {
	if a.Label == "" {
		b.Flags = append(a.Flags, b.Flags...)
		return b
	}
	a.Flags = append(a.Flags, b.Flags...)
	a.Corrective = a.Corrective || b.Corrective
	a.Advisory = a.Advisory || b.Advisory
	a.Kill = a.Kill || b.Kill
	if a.Part == nil {
		a.Part = b.Part
	}
	return a
}

// Keyline is the keyword line of the transmission header: TREC's
// <FIRST> "r w AM-Guatemala-Shipwreck 2ndLd-Writethru a0595 01-02 0346"
// or ANPA's second header line — priority, category, keyword without
// spaces (ANPA truncates it to 24 characters), version, reference
// number, month-day and word count (which agate tables go without).
type Keyline struct {
	Priority, Category string
	Cycle, Keyword     string
	Version            Version
	Refs               []string
	Month, Day         int
	Words              int
}

var keylineRe = revision.LazyRegexp(`^([a-z])\s+([a-z])\s+(\S+)\s*(.*?)\s+(\d\d)-(\d\d)(?:\s+(\d{1,5}))?\s*$`)

// ParseKeyline reads a keyword line; ok is false for a garbled one.
func ParseKeyline(line string) (k Keyline, ok bool) {
	m := keylineRe.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return k, false
	}
	k.Priority, k.Category = m[1], m[2]
	k.Cycle, _, k.Keyword = splitKeyword(m[3])
	for _, f := range strings.Fields(m[4]) {
		if refRe.MatchString(f) {
			k.Refs = append(k.Refs, f)
		} else if v, vok := ParseVersion(f); vok {
			k.Version = merge(k.Version, v)
		}
	}
	k.Month, _ = strconv.Atoi(m[5])
	k.Day, _ = strconv.Atoi(m[6])
	k.Words, _ = strconv.Atoi(m[7])
	return k, k.Month >= 1 && k.Month <= 12 && k.Day >= 1 && k.Day <= 31
}

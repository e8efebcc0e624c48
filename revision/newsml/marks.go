package newsml

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
	"lede/revision/apwire"
)

// marks is what a slugline and a headline say besides the slug and the
// headline themselves: the version marker, flags, genre tags, signals.
type marks struct {
	cycle, slug string
	marker      revision.Marker
	partial     bool
	part        *revision.ItemPart
	refs        []string
	tags        []string
	sig         []string
}

func (m *marks) flag(f string) {
	if !slices.Contains(m.marker.Flags, f) {
		m.marker.Flags = append(m.marker.Flags, f)
	}
}

// readSlugline splits a slugline by the conventions of its agency: AP's
// cycle, keyword and version label; Reuters' markers in parentheses
// ("USA-ECONOMY/ (UPDATE 1, PIX, CORRECTED)"); TT's "UV4" suffix, its
// fourth expanded version. Any other slugline is the slug as written.
func readSlugline(raw, agency string, m *marks) {
	if readAPSlugline(raw, agency, m) {
		return
	}
	if open := strings.LastIndexByte(raw, '('); open > 0 && strings.HasSuffix(raw, ")") {
		if markers := strings.Split(raw[open+1:len(raw)-1], ","); allUpper(markers) && slices.ContainsFunc(markers, isMarker) {
			m.slug = strings.TrimRight(strings.TrimSpace(raw[:open]), "/ ")
			for _, t := range markers {
				if t = strings.TrimSpace(t); !readReutersMarker(t, m) {
					m.flag(t)
				}
			}
			return
		}
	}
	if agency == "TT" {
		if i := strings.LastIndex(raw, "UV"); i > 0 && digitsOnly(raw[i+2:]) {
			m.slug = raw[:i]
			m.marker.Label, m.marker.Seq = raw[i:], 1
			if n, err := strconv.Atoi(raw[i+2:]); err == nil {
				m.marker.Seq = n
			}
			return
		}
	}
	m.slug = raw
}

// apForm is the start of AP's slugline: a cycle ("AM-", "PM-", "BC-"; AP's
// Media API writes "AP-") and a desk designator before a double hyphen.
var apForm = revision.LazyRegexp(`^(?:AM|PM|BC|AP)-(?:[A-Za-z]{1,5}-)*[A-Za-z]{1,5}--`)

// readAPSlugline reads AP's slugline ("BC-US--Earns-Nutrisystem, 1st
// Ld-Writethru") with revision/apwire, as AP's other formats do, so that
// one AP story has one slug, label and Ld number whichever format it came
// in. An item is read so when AP sent it, or when its slugline has AP's
// form with a designator (a bare "BC-" is British Columbia's slug at the
// Canadian Press).
func readAPSlugline(raw, agency string, m *marks) bool {
	if agency != "AP" && !apForm.MatchString(raw) {
		return false
	}
	s, odd, ok := apwire.ParseSlugline(raw)
	if !ok {
		return false
	}
	v := s.Version
	m.cycle, m.slug, m.refs = s.Cycle, s.Slug, s.Refs
	m.marker.Label, m.marker.Seq, m.partial, m.part = v.Label, v.Ld, v.Partial, v.Part
	for _, f := range append(v.Flags, odd...) {
		m.flag(f)
	}
	if v.Corrective {
		m.sig = append(m.sig, revision.SignalCorrection)
	}
	if v.Advisory {
		m.sig = append(m.sig, revision.SignalAdvisory)
	}
	if v.Kill {
		m.sig = append(m.sig, revision.SignalKill)
	}
	return true
}

// versionMarker reads "UPDATE 2" or "WRAPUP 1": Reuters' version markers.
var versionMarker = revision.LazyRegexp(`^(UPDATE|WRAPUP)(?: (\d+))?$`)

// reutersFlags are Reuters markers that qualify an item without being a
// version; CORRECTED also signals a correction.
var reutersFlags = []string{"CORRECTED", "CORRECTION", "REFILE", "RPT", "REPEAT", "URGENT", "PIX", "TV", "VIDEO", "GRAPHICS"}

// reutersGenres are headline prefixes that say what kind of story it is.
var reutersGenres = []string{"EXCLUSIVE", "FACTBOX", "ANALYSIS", "INSIGHT", "TIMELINE", "BREAKINGVIEWS", "PREVIEW", "INTERVIEW",
	"COLUMN", "SPECIAL REPORT", "EXPLAINER", "GRAPHIC", "BRIEF", "FEATURE", "NEWSMAKER", "INSTANT VIEW", "QUOTEBOX", "SCENARIOS"}

// readReutersMarker reads one marker and reports whether it is one.
func readReutersMarker(t string, m *marks) bool {
	if s := versionMarker.FindStringSubmatch(t); s != nil {
		if m.marker.Label == "" {
			m.marker.Label, m.marker.Seq = t, 1
			if s[2] != "" {
				m.marker.Seq, _ = strconv.Atoi(s[2])
			}
		}
		return true
	}
	if slices.Contains(reutersGenres, t) {
		if !slices.Contains(m.tags, titleCase(t)) {
			m.tags = append(m.tags, titleCase(t))
		}
		return true
	}
	if slices.Contains(reutersFlags, t) {
		if t == "CORRECTED" || t == "CORRECTION" {
			m.sig = append(m.sig, revision.SignalCorrection)
			t = "CORRECTED"
		}
		m.flag(t)
		return true
	}
	return false
}

// headPrefix is one upper-case prefix of a Reuters headline:
// "CORRECTED-UPDATE 1-Confident Assad ...".
var headPrefix = revision.LazyRegexp(`^([A-Z][A-Z0-9 ]*[A-Z0-9])-(\S)`)

// stripHeadline removes Reuters' markers from the front of a headline
// and records them; a prefix that is not a known marker ("EU-China
// summit ..."), or that runs on into a lower-case word ("UPDATE-less"),
// is headline text and stays.
func stripHeadline(raw string, m *marks) string {
	h := raw
	for {
		s := headPrefix.FindStringSubmatchIndex(h)
		if s == nil {
			return h
		}
		if r, _ := utf8.DecodeRuneInString(h[s[4]:]); unicode.IsLower(r) || !readReutersMarker(h[s[2]:s[3]], m) {
			return h
		}
		h = h[s[4]:]
	}
}

// isMarker reports whether t is a Reuters marker lede knows.
func isMarker(t string) bool {
	return readReutersMarker(strings.TrimSpace(t), &marks{})
}

func allUpper(ts []string) bool {
	for _, t := range ts {
		t = strings.TrimSpace(t)
		if t == "" || strings.ToUpper(t) != t || strings.IndexFunc(t, func(r rune) bool { return r >= 'A' && r <= 'Z' }) < 0 {
			return false
		}
	}
	return true
}

func digitsOnly(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

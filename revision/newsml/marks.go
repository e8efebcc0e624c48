package newsml

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
)

// marks is what a slugline and a headline say besides the slug and the
// headline themselves: the version marker, flags, genre tags, signals.
type marks struct {
	cycle, slug string
	marker      revision.Marker
	partial     bool
	tags        []string
	sig         []string
}

func (m *marks) flag(f string) {
	if !slices.Contains(m.marker.Flags, f) {
		m.marker.Flags = append(m.marker.Flags, f)
	}
}

// apSlug is AP's slugline: cycle, an optional category before a double
// hyphen, the keyword, then the version and other labels after commas:
// "BC-US--Earns-Nutrisystem, 1st Ld-Writethru". AP's Media API writes
// "AP-" where the wire wrote a cycle ("AP-US--Biden-Staff"): that is no
// news cycle.
var apSlug = regexp.MustCompile(`^(AM|PM|BC|AP)-(?:((?:[A-Za-z]{1,5}-)*[A-Za-z]{1,5})--)?([^,]+?)(?:,\s*(.+?))?\s*$`)

// apLd is an AP version label: "1st Ld-Writethru", "2nd Ld", "3rdLd-Writethru".
var apLd = regexp.MustCompile(`(?i)^(\d+)\s*(?:st|nd|rd|th)\s*Ld(\s*-\s*Writethru)?$`)

// readSlugline splits a slugline by the conventions of its agency: AP's
// cycle, keyword and version label; Reuters' markers in parentheses
// ("USA-ECONOMY/ (UPDATE 1, PIX, CORRECTED)"); TT's "UV4" suffix, its
// fourth expanded version. Any other slugline is the slug as written.
func readSlugline(raw, agency string, m *marks) {
	if s := apSlug.FindStringSubmatch(raw); s != nil && (agency == "AP" || s[2] != "") {
		m.cycle, m.slug = s[1], strings.TrimSpace(s[3])
		if m.cycle == "AP" {
			m.cycle = ""
		}
		readAPLabels(s[4], m)
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

// readAPLabels reads the labels after AP's keyword: the version (its Ld
// number; a plain "Nth Ld" is a new top, not a whole text), and the
// labels that mark a correction, an advisory or a kill.
func readAPLabels(labels string, m *marks) {
	if labels == "" {
		return
	}
	for _, l := range strings.Split(labels, ",") {
		l = strings.TrimSpace(l)
		if s := apLd.FindStringSubmatch(l); s != nil {
			m.marker.Label = l
			m.marker.Seq, _ = strconv.Atoi(s[1])
			m.partial = s[2] == ""
			continue
		}
		switch strings.ToLower(l) {
		case "correction", "corrective", "correx":
			m.sig = append(m.sig, revision.SignalCorrection)
		case "advisory", "advisory-1st ld", "eds advisory":
			m.sig = append(m.sig, revision.SignalAdvisory)
		case "kill", "withdrawal", "elimination", "mandatory kill":
			m.sig = append(m.sig, revision.SignalKill)
		}
		if m.marker.Label == "" {
			m.marker.Label = l
		} else if l != m.marker.Label {
			m.flag(l)
		}
	}
}

// versionMarker reads "UPDATE 2" or "WRAPUP 1": Reuters' version markers.
var versionMarker = regexp.MustCompile(`^(UPDATE|WRAPUP)(?: (\d+))?$`)

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
var headPrefix = regexp.MustCompile(`^([A-Z][A-Z0-9 ]*[A-Z0-9])-(\S)`)

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

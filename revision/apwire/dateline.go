package apwire

import (
	"strings"

	"lede/revision"
)

var (
	// "PUERTO BARRIOS, Guatemala (AP)", "NEW YORK", "VATICAN CITY (AP)".
	datelineRe = revision.LazyRegexp(`^(.*?)\s*(?:\(([A-Za-z][A-Za-z-]*(?:\s[A-Za-z-]+)?)\))?\s*$`)
	// A dateline opening a paragraph: "ATLANTA (AP) _ ", "NASHVILLE,
	// Tenn. _ ": capitals first, the underscore AP sends for a dash.
	inlineRe = revision.LazyRegexp(`^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.' -]{1,30}?)?)\s*(?:\(([A-Za-z][A-Za-z-]*(?:\s[A-Za-z-]+)?)\))?\s+(?:_|--|—)\s+`)
)

// ParseDateline reads a dateline element's text ("NEW YORK (AP) ") into
// its place and the credited agency.
func ParseDateline(s string) revision.Dateline {
	s = strings.Join(strings.Fields(s), " ")
	m := datelineRe.FindStringSubmatch(s)
	if m == nil || m[1] == "" {
		return revision.Dateline{}
	}
	return revision.Dateline{Place: strings.TrimRight(m[1], " ,_-"), Agency: m[2]}
}

// InlineDateline reads the dateline that opens a paragraph, as ANPA
// sends it ("ATLANTA (AP) _ Luol Deng scored"), with Text the exact
// prefix it takes.
func InlineDateline(p string) (revision.Dateline, bool) {
	m := inlineRe.FindStringSubmatch(p)
	if m == nil {
		return revision.Dateline{}, false
	}
	return revision.Dateline{Place: m[1], Agency: m[2], Text: m[0]}, true
}

var (
	byRe    = revision.LazyRegexp(`(?i)^by\s+`)
	titleRe = revision.LazyRegexp(`(?i)\b(writer|correspondent|editor|columnist|associated press|ap)\b`)
	splitRe = revision.LazyRegexp(`\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)`)
)

// Byline joins the byline lines of a story ("By HILLEL ITALIE",
// "Associated Press Writer") into one ("HILLEL ITALIE / Associated Press
// Writer") and names its authors: the first line's names, unless it
// credits the agency ("By The Associated Press").
func Byline(lines []string) (byline string, authors []string) {
	var parts []string
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			parts = append(parts, l)
		}
	}
	if len(parts) == 0 {
		return "", nil
	}
	parts[0] = byRe.ReplaceAllString(parts[0], "")
	if !strings.HasPrefix(strings.ToLower(parts[0]), "the associated press") {
		for _, n := range splitRe.Split(parts[0], -1) {
			if n = strings.TrimSpace(n); n != "" {
				authors = append(authors, n)
			}
		}
	}
	return strings.Join(parts, " / "), authors
}

// IsTitleLine reports whether a line is the title under a byline
// ("Associated Press Writer", "AP Sports Writer").
func IsTitleLine(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) < 60 && !byRe.MatchString(s) && titleRe.MatchString(s)
}

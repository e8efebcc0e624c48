package nitf

import (
	"strings"

	"lede/revision"
)

// bylineOf reads body.head/byline: the names without "By" and without the
// writer's title (<byttl>), and the authors in it. Parts that only name
// an agency ("By Benjamin Wright, Press Association") are not authors.
func bylineOf(n *node) (byline string, authors []string) {
	byline = textWithout(n, "byttl")
	for _, by := range []string{"By ", "BY ", "by "} {
		byline = strings.TrimPrefix(byline, by)
	}
	for _, a := range authorSep.Split(byline, -1) {
		if a = strings.TrimSpace(a); a != "" && !isAgencyName(a) {
			authors = append(authors, a)
		}
	}
	return byline, authors
}

var authorSep = revision.LazyRegexp(`\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+`)

// isAgencyName reports a byline part that names a known agency.
func isAgencyName(s string) bool {
	lower := strings.ToLower(s)
	for _, k := range holders {
		if strings.Contains(lower, k.words) {
			return true
		}
	}
	return false
}

package nitf

import (
	"strings"

	"lede/revision"
)

// leadDateline matches the dateline opening a lead the way agencies write
// it: "NEW YORK (AP) — ", "OTTAWA - ", "Berlin (dpa) - ". Either the
// agency's credit in parentheses or a place in capitals is required, so
// an ordinary sentence with a dash in it is not read as one.
var leadDateline = revision.LazyRegexp(`^([^\s()][^()]{0,60}?)\s*(?:\(([^()]{1,30})\))?\s*(?:—|–|--|-|_)\s+`)

// datelineOf reads the dateline: the place, agency and exact text from
// the lead when it opens with one, else the place from body.head's
// <dateline> element (its city, or its text).
func datelineOf(el *node, lead string) revision.Dateline {
	var d revision.Dateline
	if m := leadDateline.FindStringSubmatch(lead); m != nil && (m[2] != "" || isCapitals(m[1])) {
		d.Place, d.Agency, d.Text = strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), m[0]
		return d
	}
	if el == nil {
		return d
	}
	if city := textOf(el.path("location", "city")); city != "" {
		d.Place = city
	} else {
		d.Place = textWithout(el, "story.date")
	}
	return d
}

// isCapitals reports a place written in capitals ("OTTAWA", "NEW YORK").
func isCapitals(s string) bool {
	return s != "" && strings.ToUpper(s) == s && strings.ToLower(s) != s
}

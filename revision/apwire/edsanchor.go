package apwire

import (
	"strings"

	"lede/revision"
)

// A note names a paragraph by number and, to make sure, by its opening
// words: quoted (`The ferry...', ``Long live...''), after "bgng"
// ("bgng Democrats, firmly,"), or for a pick-up plainly after "pvs"
// ("picks up 8th pvs: The Bateau..."). Where number and words disagree
// the words win, so they are kept.

var (
	bgngRe    = revision.LazyRegexp(`(?i)\bbgng:?\s+(.+)$`)
	afterPvRe = revision.LazyRegexp(`(?i)\b(?:pvs|previous|graf)[,:]\s+(.+)$`)
)

// anchor is the opening words an object quotes for the paragraph it
// names, without the quotes or the ellipsis; "" when it quotes none.
func anchor(obj string, pickup bool) string {
	if q, ok := firstQuote(obj); ok {
		return cleanAnchor(q)
	}
	if m := bgngRe.FindStringSubmatch(obj); m != nil {
		return cleanAnchor(m[1])
	}
	if m := afterPvRe.FindStringSubmatch(obj); pickup && m != nil {
		return cleanAnchor(m[1])
	}
	return ""
}

// firstQuote is the text of the first quotation in s, to its closing
// mark or, for one left open (`The home...), to the end.
func firstQuote(s string) (string, bool) {
	i := strings.IndexAny(s, "`\"")
	if i < 0 {
		return "", false
	}
	var body, closing string
	switch {
	case strings.HasPrefix(s[i:], "``"):
		body, closing = s[i+2:], "''"
	case s[i] == '"':
		body, closing = s[i+1:], `"`
	default:
		body, closing = s[i+1:], "'"
	}
	for j := 0; j < len(body); j++ {
		if strings.HasPrefix(body[j:], closing) && (closing != "'" || !letterAt(body, j+1)) {
			return body[:j], true
		}
	}
	return body, true
}

// cleanAnchor cuts quoted opening words at their ellipsis and trims the
// punctuation around them: "Police described ...," gives "Police
// described", "Members of...trip participants." gives "Members of".
func cleanAnchor(s string) string {
	if i := strings.Index(s, ".."); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(s, " ,.:;`'\"")
}

package apwire

import (
	"strings"

	"lede/revision"
)

var edsRe = revision.LazyRegexp(`(?i)^\(?\s*(eds|editors|editor's note)\s*[:_]\s*`)

// IsEds reports whether a head or paragraph is an editor's note: "Eds:",
// "EDS:", "(Eds: ...)", "Editor's Note _". A paragraph opening "EDITORS:"
// is an advisory's text, not a note on a story, and is not one.
func IsEds(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0] != '(' && s[0] != 'E' && s[0] != 'e' {
		return false // most lines: no regexp run
	}
	m := edsRe.FindStringSubmatch(s)
	return m != nil && !strings.EqualFold(m[1], "editors")
}

// EdsText is the note without its "Eds:" and, for "(Eds: ...)", its
// parentheses.
func EdsText(s string) string {
	s = strings.TrimSpace(s)
	paren := strings.HasPrefix(s, "(")
	if m := edsRe.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	if paren {
		s = strings.TrimSuffix(strings.TrimSpace(s), ")")
	}
	return strings.TrimSpace(s)
}

var (
	correctsRe = revision.LazyRegexp(`(?i)\bcorrect(s|ed|ion|ing)?\b`)
	killRe     = revision.LazyRegexp(`(?i)\b(kill|kills|withdrawn|withdraws|withdrawal|elimination)\b|\bWITHDRAW\b|\bELIMINATE\b`)
	updatesRe  = revision.LazyRegexp(`\bUPDAT(E|ES|ING)\b`)
)

// NoteSignals says what a note claims the item does to its story:
// corrects it ("SUBS to CORRECT spelling", "CORRECTS number aboard"),
// kills or withdraws it, updates it.
func NoteSignals(note string) (correction, kill, update bool) {
	return correctsRe.MatchString(note), killRe.MatchString(note), updatesRe.MatchString(note)
}

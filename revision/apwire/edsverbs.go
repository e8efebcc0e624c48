package apwire

import (
	"strings"
	"unicode"

	"lede/revision"
)

// edsVerbs maps the words AP's editors open a claim with, lower case and
// in every form the notes use ("SUBS", "Sub", "SUBSTITUTES", "to UPDATE",
// "UPDATING"), to the one verb lede's actions name them by.
var edsVerbs = map[string]string{
	"leads": "LEADS", "lead": "LEADS", "leading": "LEADS",
	"subs": "SUBS", "sub": "SUBS", "substitutes": "SUBS", "substitute": "SUBS",
	"inserts": "INSERTS", "insert": "INSERTS",
	"eliminates": "ELIMINATES", "eliminate": "ELIMINATES",
	"deletes": "DELETES", "delete": "DELETES", "drops": "DROPS", "drop": "DROPS",
	"adds": "ADDS", "add": "ADDS", "updates": "UPDATES", "update": "UPDATES", "updating": "UPDATES",
	"corrects": "CORRECTS", "correct": "CORRECTS", "correcting": "CORRECTS",
	"fixes": "FIXES", "fix": "FIXES", "restores": "RESTORES", "restore": "RESTORES",
	"trims": "TRIMS", "trim": "TRIMS", "rewrites": "REWRITES", "rewrite": "REWRITES",
	"clarifies": "CLARIFIES", "clarify": "CLARIFIES", "conforms": "CONFORMS", "conform": "CONFORMS",
	"recasts": "RECASTS", "recast": "RECASTS", "changes": "CHANGES", "change": "CHANGES",
	"replaces": "REPLACES", "removes": "REMOVES", "remove": "REMOVES", "moves": "MOVES",
	"expands": "EXPANDS", "includes": "INCLUDES", "include": "INCLUDES",
	"retransmitting": "RETRANSMITS", "retransmits": "RETRANSMITS", "retransmitted": "RETRANSMITS",
	"retransmission": "RETRANSMITS", "combines": "COMBINES", "combining": "COMBINES",
	"splits": "SPLITS", "kill": "KILLS", "kills": "KILLS", "withdraws": "WITHDRAWS",
}

// lowerVerbs are the verbs a note also writes in lower case in the middle
// of a sentence (", deletes reference to ...", "and adds graf", "to
// correct area to arena"). Others, such as "lead" or "change", are
// read as verbs there only in capitals: in lower case they are nouns.
var lowerVerbs = map[string]bool{
	"adds": true, "add": true, "updates": true, "update": true, "corrects": true, "correct": true,
	"fixes": true, "fix": true, "restores": true, "restore": true, "trims": true, "trim": true,
	"rewrites": true, "deletes": true, "delete": true, "drops": true, "drop": true,
	"inserts": true, "subs": true, "clarify": true, "clarifies": true, "conform": true,
	"include": true, "includes": true, "eliminates": true,
}

// Verbs lede's actions use beyond the ones editors write as a word.
const (
	verbPickup   = revision.VerbPickup   // "picks up 4th graf pvs": the rest follows from there
	verbNoPickup = revision.VerbNoPickup // "no pickup": the item is whole
	verbNew      = "NEW"                 // "New throughout", "New approach"
	verbEdits    = "EDITS"               // "Minor editing to trim"
)

// verbMode says in which case a verb may open a claim at a place in a
// sentence: anywhere at its start, after a comma or a quote, after "to"
// or "and", or with nothing before it but a space (capitals only).
type verbMode int

const (
	atStart verbMode = iota
	afterComma
	afterLink
	bare
)

// verbAt reports whether the words w begin a claim in mode m, and if so
// with which verb and how many words the verb takes.
func verbAt(w []string, m verbMode) (string, int, bool) {
	if len(w) == 0 {
		return "", 0, false
	}
	first := strings.Trim(w[0], ":,.;")
	low := strings.ToLower(first)
	next := ""
	if len(w) > 1 {
		next = strings.ToLower(strings.Trim(w[1], ":,.`'\""))
	}
	upper, lower := isUpperWord(first), first == low
	switch {
	case (low == "picks" || low == "pick" || low == "picking") && next == "up", low == "pickup":
		if m != bare || upper {
			return verbPickup, 1 + btoi(low != "pickup"), true
		}
		return "", 0, false
	case low == "no" && (next == "pickup" || next == "pick" && len(w) > 2 && strings.EqualFold(strings.Trim(w[2], ".,;"), "up")):
		if m == atStart || m == afterComma {
			return verbNoPickup, 2 + btoi(next == "pick"), true
		}
	case low == "new" && m == atStart:
		return verbNew, 1, true
	case low == "top" && m == atStart && topNew.MatchString(strings.Join(w, " ")):
		return "LEADS", 1, true
	case low == "minor" && strings.HasPrefix(next, "edit") && (m == atStart || m == afterComma):
		return verbEdits, 2, true
	}
	v, ok := edsVerbs[low]
	if !ok {
		return "", 0, false
	}
	switch {
	case m == atStart, upper && len(first) >= 3:
		return v, 1, true
	case m == afterComma && (lower && lowerVerbs[low] || !lower && isCapitalized(first)):
		return v, 1, true
	case m == afterLink && lower && lowerVerbs[low]:
		return v, 1, true
	}
	return "", 0, false
}

func isUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

func isCapitalized(s string) bool {
	for i, r := range s {
		if i == 0 {
			if !unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

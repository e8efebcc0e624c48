package apwire

import (
	"regexp"
	"strings"

	"lede/revision"
)

var edsRe = regexp.MustCompile(`(?i)^\(?\s*(eds|editors|editor's note)\s*[:_]\s*`)

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
	correctsRe = regexp.MustCompile(`(?i)\bcorrect(s|ed|ion|ing)?\b`)
	killRe     = regexp.MustCompile(`(?i)\b(kill|kills|withdrawn|withdraws|withdrawal|elimination)\b|\bWITHDRAW\b|\bELIMINATE\b`)
	updatesRe  = regexp.MustCompile(`\bUPDAT(E|ES|ING)\b`)
)

// NoteSignals says what a note claims the item does to its story:
// corrects it ("SUBS to CORRECT spelling", "CORRECTS number aboard"),
// kills or withdraws it, updates it.
func NoteSignals(note string) (correction, kill, update bool) {
	return correctsRe.MatchString(note), killRe.MatchString(note), updatesRe.MatchString(note)
}

// noteVerbs are the Eds: verbs mapped to actions, with the target they
// name when the object does not say.
var noteVerbs = map[string]revision.Target{
	"UPDATES": revision.TargetBody, "UPDATE": revision.TargetBody, "UPDATING": revision.TargetBody,
	"CORRECTS": revision.TargetBody, "CORRECT": revision.TargetBody,
	"ADDS": revision.TargetBody, "ADD": revision.TargetBody, "INSERTS": revision.TargetParas,
	"SUBS": revision.TargetParas, "DELETES": revision.TargetParas, "LEADS": revision.TargetLead,
	"RECASTS": revision.TargetBody, "REWRITES": revision.TargetBody, "CHANGES": revision.TargetBody,
	"FIXES": revision.TargetBody, "FIX": revision.TargetBody,
}

var verbRe = regexp.MustCompile(`\b[A-Z]{3,}\b`)

// NoteActions maps the simple part of an Eds: note to actions: each
// upper-case verb AP's editors use, with the words after it up to the
// next verb or clause end as its object. Paragraph numbers are left to
// the full grammar of a later issue; "throughout" and a lead are read.
func NoteActions(note string) []revision.Action {
	var out []revision.Action
	locs := verbRe.FindAllStringIndex(note, -1)
	for i, l := range locs {
		verb := note[l[0]:l[1]]
		target, ok := noteVerbs[verb]
		if !ok {
			continue
		}
		end := len(note)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		obj := note[l[1]:end]
		if j := strings.IndexAny(obj, ";."); j >= 0 {
			obj = obj[:j]
		}
		obj = strings.Trim(strings.TrimSpace(obj), ",")
		obj = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(obj), " to"))
		switch low := strings.ToLower(obj); {
		case strings.Contains(low, "throughout"):
			target = revision.TargetThroughout
		case strings.Contains(low, "lead") || strings.Contains(low, "top"):
			target = revision.TargetLead
		case strings.Contains(low, "headline"):
			target = revision.TargetHeadline
		case strings.Contains(low, "byline"):
			target = revision.TargetByline
		case strings.Contains(low, "photo"):
			target = revision.TargetPhoto
		}
		out = append(out, revision.Action{Verb: canonVerb(verb), Object: obj, Target: target, Paras: []int{}})
	}
	return out
}

// canonVerb spells a verb the way notes usually do ("UPDATE" in "to
// UPDATE casualty toll" is the claim UPDATES).
func canonVerb(v string) string {
	switch v {
	case "UPDATE", "UPDATING":
		return "UPDATES"
	case "CORRECT":
		return "CORRECTS"
	case "ADD":
		return "ADDS"
	case "FIX":
		return "FIXES"
	}
	return v
}

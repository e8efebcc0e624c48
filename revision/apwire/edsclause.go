package apwire

import (
	"strings"

	"lede/revision"
)

// readClause reads one clause of a note into an action: its verb, its
// object as written, the paragraphs it names in AP's numbering (the
// version the note is on, except that ELIMINATES, DELETES and DROPS and a
// pick-up name the previous version's), and the quoted opening words of
// the paragraph it names. A clause that opens with no verb lede knows is
// not an action.
func readClause(c string) (revision.Action, bool) {
	words := strings.Split(c, " ")
	skip := 0
	var place []int
	if words[0] == "to" || words[0] == "and" {
		skip = 1
	}
	for i := 2; i < len(words) && i <= 4; i++ { // "In 29th graf, CORRECTS ..."
		if m := inGrafRe.FindStringSubmatch(strings.Join(words[:i], " ")); m != nil {
			place, skip = []int{number(m[1])}, i
			break
		}
	}
	verb, n, ok := verbAt(words[skip:], atStart)
	if !ok {
		return revision.Action{}, false
	}
	obj := strings.Join(words[skip+n:], " ")
	obj = strings.TrimSpace(strings.TrimLeft(obj, ":,"))
	a := revision.Action{Verb: verb, Object: obj, Target: revision.TargetBody, Paras: []int{}, Text: c}
	fill(&a, obj)
	if len(place) > 0 && len(a.Paras) == 0 {
		a.Paras, a.Target = place, revision.TargetParas
	}
	if a.Paras == nil {
		a.Paras = []int{} // the JSON contract's paras is a list
	}
	return a, true
}

// fill sets what the object of a verb says: which paragraphs, which
// part of the story, which anchor.
func fill(a *revision.Action, obj string) {
	switch a.Verb {
	case "LEADS":
		a.Target = revision.TargetLead
		if k := leadCount(obj); k > 0 {
			a.Paras = span(1, k)
		}
	case "SUBS":
		a.Paras, a.From = grafRefs(obj, true)
		if m := withCountRe.FindStringSubmatch(obj); m != nil && len(a.Paras) == 1 {
			a.Paras = span(a.Paras[0], a.Paras[0]+number(m[1])-1)
		}
		if len(a.Paras) == 0 && a.From == 0 && revision.NamesLead(obj) {
			a.Target, a.Paras = revision.TargetLead, []int{1}
		}
	case "INSERTS":
		if m := afterRe.FindStringSubmatch(obj); m != nil {
			a.After = number(m[1])
			k := insertCount(obj)
			a.Paras = span(a.After+1, a.After+k)
		} else {
			a.Paras, _ = grafRefs(obj, false)
		}
	case "ELIMINATES", "DELETES", "DROPS":
		a.Paras, _ = grafRefs(obj, true)
	case verbPickup:
		if ps, from := grafRefs(obj, true); from > 0 {
			a.From = from
		} else if len(ps) > 0 {
			a.From = ps[0]
		}
		a.Target = revision.TargetParas
	case verbNoPickup, "RETRANSMITS", "COMBINES", "SPLITS", "KILLS", "WITHDRAWS":
		a.Target = revision.TargetItem
		return
	case "INCLUDES":
		if textRefRe.MatchString(obj) {
			a.Target = revision.TargetItem
			return
		}
	case verbNew:
		a.Target = revision.TargetThroughout
		return
	default:
		a.Paras, a.From = grafRefs(obj, false)
	}
	if a.Target == revision.TargetBody {
		a.Target = revision.TargetOf(obj)
	}
	if len(a.Paras) > 0 || a.From > 0 || a.After > 0 {
		if a.Target == revision.TargetBody {
			a.Target = revision.TargetParas
		}
		a.Anchor = anchor(obj, a.Verb == verbPickup)
	}
}

var countFirstRe = revision.LazyRegexp(`(?i)^` + count + `\s+` + graf + `\b`)

// leadCount is N of "LEADS with N grafs" (or "Top N grafs new").
func leadCount(obj string) int {
	if m := withCountRe.FindStringSubmatch(obj); m != nil {
		return number(m[1])
	}
	if m := topNew.FindStringSubmatch("top " + obj); m != nil {
		return number(m[1])
	}
	if m := countFirstRe.FindStringSubmatch(obj); m != nil {
		return number(m[1])
	}
	return 0
}

// insertCount is how many paragraphs an INSERTS adds: "2 grafs after",
// "new graf after", "graf after" (one).
func insertCount(obj string) int {
	if m := countGrafRe.FindStringSubmatch(obj); m != nil {
		return max(number(m[1]), 1)
	}
	if m := withCountRe.FindStringSubmatch(obj); m != nil {
		return max(number(m[1]), 1)
	}
	return 1
}

// grafRefs reads the paragraphs an object names: "grafs 8-9", "8-12th
// grafs", "3rd graf", "2nd pvs", and with bare also a lone ordinal
// ("SUBS 24th", "PICKS UP 7th `Two...'"); "from 6th graf to end" is
// from. Only the first reference counts: later ones are in quotes or
// name what the paragraph replaces ("SUBS one graf for 6th pvs").
func grafRefs(obj string, bare bool) (paras []int, from int) {
	if m := fromRe.FindStringSubmatchIndex(obj); m != nil && toEndRe.MatchString(obj[m[1]:]) {
		return nil, number(obj[m[2]:m[3]])
	}
	type hit struct {
		at    int
		paras []int
	}
	var best *hit
	try := func(re *revision.Regexp, read func(m []string) []int) {
		if loc := re.FindStringSubmatchIndex(obj); loc != nil && (best == nil || loc[0] < best.at) {
			if ps := read(subs(obj, loc)); len(ps) > 0 {
				best = &hit{loc[0], ps}
			}
		}
	}
	try(grafsNumRe, func(m []string) []int { return rangeOf(m[1], m[2]) })
	try(ordRangeRe, func(m []string) []int { return rangeOf(m[1], m[2]) })
	try(ordGrafRe, func(m []string) []int { return rangeOf(m[1], "") })
	if best == nil && bare {
		try(bareOrdRe, func(m []string) []int { return rangeOf(m[1], "") })
	}
	if best == nil || quotedAt(obj, best.at) {
		return nil, 0
	}
	return best.paras, 0
}

func subs(s string, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return out
}

func rangeOf(a, b string) []int {
	from := number(a)
	if b == "" {
		return span(from, from)
	}
	return span(from, number(b))
}

// quotedAt reports whether byte i of obj is inside a quotation.
func quotedAt(obj string, i int) bool {
	q := strings.IndexAny(obj, "`\"")
	return q >= 0 && q < i
}

package apwire

import (
	"strings"

	"lede/revision"
)

// Other agencies write their notes to editors in their own languages:
// dpa "Bildhinweis ergänzt", STT "Korjattu aiempaa uutista: ...", TT "Ny
// rubrik, delvis omskriven ingress", NTB "Noe utvidet." Where such a note
// says what an AP note says, it gives the same action, so the note check
// and the alerts read every agency alike.

// foreignVerbs maps the words of German, Finnish, Swedish, Norwegian and
// Danish notes (and STT's English "complemented") to the verbs of AP's
// notes. A word that ends with one of the stems (lower case) counts.
var foreignVerbs = []struct{ stem, verb string }{
	{"ergänzt", "ADDS"}, {"ergänzung", "ADDS"}, {"täydennetty", "ADDS"}, {"täydennys", "ADDS"},
	{"kompletterad", "ADDS"}, {"tillägg", "ADDS"}, {"supplert", "ADDS"}, {"tilføjet", "ADDS"},
	{"complemented", "ADDS"},
	{"aktualisiert", "UPDATES"}, {"aktualisierung", "UPDATES"}, {"päivitetty", "UPDATES"},
	{"päivitys", "UPDATES"}, {"uppdaterad", "UPDATES"}, {"uppdatering", "UPDATES"},
	{"oppdatert", "UPDATES"}, {"oppdatering", "UPDATES"}, {"opdateret", "UPDATES"},
	{"berichtigt", "CORRECTS"}, {"berichtigung", "CORRECTS"}, {"korrigiert", "CORRECTS"},
	{"korrektur", "CORRECTS"}, {"korjattu", "CORRECTS"}, {"korjaus", "CORRECTS"},
	{"rättad", "CORRECTS"}, {"rättelse", "CORRECTS"}, {"korrigerad", "CORRECTS"},
	{"rettet", "CORRECTS"}, {"rettelse", "CORRECTS"}, {"korrigert", "CORRECTS"},
	{"utvidet", "EXPANDS"}, {"udvidet", "EXPANDS"}, {"utökad", "EXPANDS"}, {"erweitert", "EXPANDS"},
	{"omskriven", "REWRITES"}, {"omskrevet", "REWRITES"}, {"umgeschrieben", "REWRITES"},
	{"gestrichen", "DELETES"}, {"strøket", "DELETES"}, {"struken", "DELETES"},
	{"neufassung", verbNew},
}

// foreignParts name the parts of a story in those languages; "ny"/"neu"
// before one ("Ny rubrik", "neue Überschrift") says it changed.
var foreignParts = []struct {
	prefix string
	target revision.Target
}{
	{"rubrik", revision.TargetHeadline}, {"tittel", revision.TargetHeadline}, {"titel", revision.TargetHeadline},
	{"überschrift", revision.TargetHeadline}, {"otsikko", revision.TargetHeadline},
	{"ingress", revision.TargetLead}, {"vorspann", revision.TargetLead},
	{"bild", revision.TargetPhoto}, {"foto", revision.TargetPhoto}, {"kuva", revision.TargetPhoto},
	{"byline", revision.TargetByline}, {"dateline", revision.TargetDateline},
}

var newWords = map[string]bool{"ny": true, "nytt": true, "nya": true, "neu": true, "neue": true, "neuer": true, "uusi": true}

// foreignClause reads a clause of another agency's note: each comma-part
// that holds a verb word gives an action; a clause whose parts do not all
// hold one gives one action when it holds exactly one verb word in all.
func foreignClause(c string) ([]revision.Action, bool) {
	var out []revision.Action
	for _, part := range strings.Split(c, ", ") {
		a, n := foreignAction(part)
		if n != 1 {
			out = nil
			break
		}
		out = append(out, a)
	}
	if out != nil {
		return out, true
	}
	if a, n := foreignAction(c); n == 1 {
		return []revision.Action{a}, true
	}
	return nil, false
}

// foreignAction reads one part; n is how many verb words it holds.
func foreignAction(part string) (revision.Action, int) {
	words := strings.Fields(part)
	a := revision.Action{Target: revision.TargetOf(part), Paras: []int{}, Text: part, Object: part}
	n := 0
	for i, w := range words {
		low := strings.ToLower(strings.Trim(w, ".,:;()"))
		if i == 0 && (low == "med" || low == "mit") && len(words) > 1 {
			// TT's "Med Ann Linde samt ...": with what the version adds.
			a.Verb, a.Object, n = "ADDS", strings.Join(words[1:], " "), n+1
			continue
		}
		for _, p := range foreignParts {
			if strings.HasPrefix(low, p.prefix) {
				a.Target = p.target
				if i > 0 && newWords[strings.ToLower(words[i-1])] && a.Verb == "" {
					a.Verb, n = "CHANGES", n+1
				}
			}
		}
		for _, v := range foreignVerbs {
			if strings.HasSuffix(low, v.stem) {
				a.Verb, n = v.verb, n+1
				break
			}
		}
	}
	if a.Verb == verbNew {
		a.Target = revision.TargetThroughout
	}
	return a, n
}

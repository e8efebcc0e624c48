package diff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"lede/revision"
)

// Verdicts of the note check.
const (
	Confirmed    = "confirmed"    // the change the note claims is there
	NotSeen      = "not-seen"     // the text shows no such change
	Unverifiable = "unverifiable" // the text cannot tell (photos, slugs, cut-off pages)
)

// Verdict is the note check of one action of the editor's note. Paras are
// the new paragraph numbers (old ones for deletions) that bear it out.
type Verdict struct {
	Action string `json:"action"`
	Verb   string `json:"verb"`
	Target string `json:"target"`
	Result string `json:"verdict"`
	Paras  []int  `json:"paras"`
	Why    string `json:"why"`
}

// Unannounced is a change no action of the note covers.
type Unannounced struct {
	Part string `json:"part"` // "para", "headline", "byline", "dateline"
	Op   Op     `json:"op,omitempty"`
	Old  *int   `json:"old,omitempty"`
	New  *int   `json:"new,omitempty"`
}

// verbKind groups verbs by the paragraph operations that bear them out.
func verbKind(verb string) []Op {
	switch verb {
	case "ADDS", "INSERTS", "EXPANDS":
		return []Op{OpInsert, OpChange}
	case "TRIMS", "REMOVES", "DELETES", "ELIMINATES", "DROPS":
		return []Op{OpDelete, OpChange}
	case "RESTRUCTURES", "MOVES":
		return []Op{OpMove}
	}
	return []Op{OpInsert, OpChange, OpMove, OpDelete}
}

// checkNote compares each action of the new revision's note with the
// diff and lists the changes no action announced.
func checkNote(old, new *revision.Revision, r *Result) ([]Verdict, []Unannounced) {
	verdicts := []Verdict{}
	covered := map[*Para]bool{}
	var fieldCovered = map[string]bool{}
	changed := changedParas(r)
	var pickups []int // checked last, once the other actions cover theirs
	for i, a := range new.Actions {
		v := Verdict{Action: actionText(a), Verb: a.Verb, Target: string(a.Target), Paras: []int{}}
		if a.Verb == revision.VerbPickup && a.From > 0 {
			pickups = append(pickups, i)
			verdicts = append(verdicts, v)
			continue
		}
		if res, ps, why, ok := apVerdict(a, new.Actions, new.Pickup, old, r, covered); ok {
			v.Result, v.Paras, v.Why = res, ps, why
			verdicts = append(verdicts, v)
			continue
		}
		switch a.Target {
		case revision.TargetHeadline, revision.TargetByline, revision.TargetDateline:
			f := map[revision.Target]Field{revision.TargetHeadline: r.Headline, revision.TargetByline: r.Byline, revision.TargetDateline: r.Dateline}[a.Target]
			fieldCovered[string(a.Target)] = true
			v.Result, v.Why = fieldVerdict(a, f)
			if a.Target == revision.TargetDateline && f.Changed() {
				for _, p := range changed {
					if p.New != nil && *p.New == 1 {
						covered[p] = true
					}
				}
			}
		case revision.TargetPhoto:
			v.Result, v.Why = photoVerdict(old, new)
		case revision.TargetSlug:
			v.Result, v.Why = Unverifiable, "slugs are not part of the page"
		default:
			v.Result, v.Paras, v.Why = paraVerdict(a, new, changed, partialParas(r), covered)
		}
		verdicts = append(verdicts, v)
	}
	for _, i := range pickups {
		v := &verdicts[i]
		v.Result, v.Paras, v.Why = pickupVerdict(new.Actions[i], new.Pickup, old, r, covered)
	}
	var un []Unannounced
	for _, p := range changed {
		if !covered[p] {
			un = append(un, Unannounced{Part: "para", Op: p.Op, Old: p.Old, New: p.New})
		}
	}
	// Fields in the page's order: ranging over a map of them listed two
	// changed fields in either order from one run to the next.
	fields := []struct {
		part string
		f    Field
	}{{"headline", r.Headline}, {"byline", r.Byline}, {"dateline", r.Dateline}}
	for _, x := range fields {
		if x.f.Changed() && !fieldCovered[x.part] {
			un = append(un, Unannounced{Part: x.part, Op: x.f.Op})
		}
	}
	sort.SliceStable(un, func(i, j int) bool { return un[i].Part != "para" && un[j].Part == "para" })
	if un == nil {
		un = []Unannounced{}
	}
	return verdicts, un
}

// partialParas lists the new numbers of the paragraphs a page was cut off
// inside (see Para.Cut): what they show cannot bear a note out.
func partialParas(r *Result) []int {
	var out []int
	for _, p := range r.Paragraphs {
		if p.Cut && p.New != nil {
			out = append(out, *p.New)
		}
	}
	return out
}

// changedParas lists the entries that are not equal, leaving out those
// beyond the end of a cut-off page.
func changedParas(r *Result) []*Para {
	var out []*Para
	for i := range r.Paragraphs {
		if r.Paragraphs[i].Op != OpEqual && !r.Paragraphs[i].Cut {
			out = append(out, &r.Paragraphs[i])
		}
	}
	return out
}

func fieldVerdict(a revision.Action, f Field) (string, string) {
	switch {
	case a.Verb == "ADDS" && f.Op == OpInsert:
		return Confirmed, "added: " + f.New
	case f.Changed():
		return Confirmed, fmt.Sprintf("%s: %q -> %q", f.Op, f.Old, f.New)
	}
	return NotSeen, "unchanged"
}

// photoVerdict can only confirm a photo change through its caption; the
// images themselves are not in the text.
func photoVerdict(old, new *revision.Revision) (string, string) {
	if strings.Join(old.Captions, "\n") != strings.Join(new.Captions, "\n") {
		return Confirmed, "photo captions changed"
	}
	return Unverifiable, "photos are not in the text"
}

// paraVerdict checks an action on story text: the paragraphs it names (or
// all for "throughout" and unspecified objects) must hold a change of the
// kind its verb implies. Paragraphs past the end of a cut-off page cannot
// be judged, nor can one that a page was cut off inside (partial). The
// reason names the paragraphs that bear the action out, and those it
// names that show no such change or are cut.
func paraVerdict(a revision.Action, new *revision.Revision, changed []*Para, partial []int, covered map[*Para]bool) (string, []int, string) {
	kinds := verbKind(a.Verb)
	want := map[int]bool{}
	whole := a.Target == revision.TargetThroughout || a.Target == revision.TargetBody
	for _, p := range a.ParaSet(len(new.Paragraphs)) {
		want[p] = true
	}
	var beyond []int
	if a.From > len(new.Paragraphs) {
		beyond = append(beyond, a.From)
	}
	for _, p := range a.Paras {
		if p > len(new.Paragraphs) {
			beyond = append(beyond, p)
		}
	}
	var hits []int
	for _, p := range changed {
		if !hasOp(kinds, p.Op) {
			continue
		}
		n := p.New
		if n == nil {
			n = p.Old
		}
		if whole || want[*n] {
			covered[p] = true
			hits = appendUnique(hits, *n)
		}
	}
	sort.Ints(hits)
	cut := ""
	if len(beyond) > 0 && !new.Complete {
		cut = "past the end of the cut-off page: " + paraRanges(beyond)
		if a.From > len(new.Paragraphs) {
			cut += " on"
		}
	}
	// A page that reached its end has no paragraphs past it: a note
	// naming one claims what is not there.
	missing := ""
	if len(beyond) > 0 && new.Complete {
		missing = fmt.Sprintf("the complete page ends at para %d: no %s", len(new.Paragraphs), paraRanges(beyond))
	}
	var short []int // named paragraphs a page was cut off inside
	for _, p := range partial {
		if want[p] && !whole {
			short = append(short, p)
		}
	}
	if len(short) > 0 {
		if cut != "" {
			cut += "; "
		}
		cut += "cut off inside: " + paraRanges(short)
	}
	switch {
	case len(hits) > 0:
		if a.Target == revision.TargetThroughout && len(hits) < 2 && len(new.Paragraphs) > 3 {
			return NotSeen, hits, "claims changes throughout; changed: " + paraRanges(hits) + " only"
		}
		why := "changed: " + paraRanges(hits)
		if !whole {
			// Paragraphs named one by one ("paras 2, 8-11", not "from
			// para 3" or "last 3 paras") that hold no such change.
			var missed []int
			for _, p := range a.Paras {
				if p <= len(new.Paragraphs) && !slices.Contains(hits, p) && !slices.Contains(missed, p) && !slices.Contains(short, p) {
					missed = append(missed, p)
				}
			}
			if len(missed) > 0 {
				why += "; unchanged: " + paraRanges(missed)
			}
		}
		if cut != "" {
			why += "; " + cut
		}
		if missing != "" {
			why += "; " + missing
		}
		return Confirmed, hits, why
	case missing != "":
		return NotSeen, []int{}, missing
	case cut != "":
		return Unverifiable, []int{}, "the named paragraphs are " + cut
	case len(want) == 0 && !whole:
		return Unverifiable, []int{}, "no paragraph of the new version has that number"
	}
	return NotSeen, []int{}, "no such change in the text"
}

func hasOp(ops []Op, op Op) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// actionText writes an action back as a note clause: "ADDS details in
// paras 13-16".
func actionText(a revision.Action) string {
	if a.Object == "" {
		return a.Verb
	}
	return a.Verb + " " + a.Object
}

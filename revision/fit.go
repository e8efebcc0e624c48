package revision

// Fits remembers, for the members of one story, how well each member
// fits the rest of the story (its best match with the others). Decide
// needs that figure whenever a new revision claims a member's version
// (displaceable), and it does not depend on the new revision: a batch
// that brings several candidates for one version, or a story that is a
// candidate of many revisions, asks for it again and again. The store
// keeps one Fits beside the members it caches for a story and drops both
// when the story changes, so a Fits only ever sees the members it was
// made for. It is not safe for concurrent use; one transaction owns it.
type Fits struct {
	fit  []Match
	done []bool
}

// NewFits returns an empty memo for a story of n members.
func NewFits(n int) *Fits {
	return &Fits{fit: make([]Match, n), done: make([]bool, n)}
}

// of is the best match of members[at] with the other members, computed
// once per member.
func (fs *Fits) of(members []Features, at int) Match {
	if fs == nil || at >= len(fs.done) {
		return bestMatchBut(members[at], members, at)
	}
	if !fs.done[at] {
		fs.fit[at], fs.done[at] = bestMatchBut(members[at], members, at), true
	}
	return fs.fit[at]
}

// bestMatchBut is bestMatch of f with members but members[skip], without
// copying the rest out.
func bestMatchBut(f Features, members []Features, skip int) Match {
	best := Match{}
	for i, m := range members {
		if i == skip {
			continue
		}
		if pm := Grouping.matching(f, m); pm.OK && pm.beats(best) {
			best = pm
		}
	}
	return best
}

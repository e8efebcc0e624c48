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

// displaceMargin is how much better a newcomer must fit a story than the
// member it would displace.
const displaceMargin = 0.1

// displaceable reports whether f fits the rest of a story clearly better
// than members[at] does, the one member that claims f's version (at is
// conflictAt's: below 0 when several do, and then none can go); evict
// is at, mine f's best match with the rest. It gives up early,
// reporting false, when f's match with the rest is beaten anyway.
//
// How well the member fits the rest does not depend on f, so fits
// remembers it from one decision to the next.
func displaceable(f Features, at int, members []Features, fits *Fits, beaten func(Match) bool) (evict int, mine Match, ok bool) {
	if at < 0 || len(members) < 2 {
		return 0, Match{}, false
	}
	mine = bestMatchBut(f, members, at)
	if !mine.OK || beaten(mine) {
		return 0, Match{}, false
	}
	theirs := fits.of(members, at)
	return at, mine, mine.Strength > theirs.Strength ||
		mine.Strength == theirs.Strength && mine.Score > theirs.Score+displaceMargin
}

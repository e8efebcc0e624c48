package revision

// versionOf orders URGENT before the first version so that an URGENT
// flash and its first full version may share a story.
func versionOf(f Features) int {
	if f.Seq == 0 && f.Urgent {
		return -1
	}
	return f.Seq
}

// Conflicts reports whether f cannot join a story holding members: the
// story already has a revision with the same version (two different
// "2nd LD"s, or two first versions), unless one is a correction or
// repeat of the other, or the same page captured twice (one cut off, say).
//
// Two revisions of one key never conflict: the agency says they are one
// story, and one version sent twice under its key is a substitute, a
// correction or a part of a version sent in takes, never another story.
func Conflicts(f Features, members []Features) bool {
	return conflictAt(f, members) != noConflict
}

// conflictAt is the one member f conflicts with (Conflicts), noConflict
// when there is none and manyConflicts when there are more: Decide
// needs the member to weigh displacing it, and finding it in the same
// pass as the answer spares comparing pages twice (Recapture).
func conflictAt(f Features, members []Features) int {
	if !f.SeqKnown || f.Repeat {
		return noConflict
	}
	at := noConflict
	for i := range members {
		m := &members[i]
		if SameKey(f, *m) {
			continue
		}
		if m.SeqKnown && !m.Repeat && versionOf(*m) == versionOf(f) && !Recapture(f, *m) {
			if at != noConflict {
				return manyConflicts
			}
			at = i
		}
	}
	return at
}

const (
	noConflict    = -1
	manyConflicts = -2
)

// Recapture reports whether two revisions with the same version are one
// page captured twice: the same headline, the same lead and one body
// containing the other (a capture cut off after 2,000 characters and a
// full one, or a page saved twice).
func Recapture(a, b Features) bool {
	return Dice(a.Words, b.Words) >= 0.9 && a.Lead.Containment(b.Lead) >= 0.9 &&
		(a.Body.N == 0 || b.Body.N == 0 || a.Body.Containment(b.Body) >= 0.9)
}

package diff

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"lede/revision"
)

// AP's Eds: notes speak of both versions at once: "LEADS with 3 grafs"
// and "SUBS 3rd graf" count the paragraphs of the version they come
// with, "ELIMINATES 7th graf" and "picks up 4th graf pvs" those of the
// version before (pvs: previous). The checks below read each claim in
// its own numbering against the diff of the two whole versions.

// apVerdict checks an action the general paragraph check would misread,
// and reports whether it did: a new top (LEADS), a paragraph gone from
// the previous version (ELIMINATES, DELETES, DROPS with numbers), a claim
// about the transmission rather than the text. Pick-ups are checked last,
// by pickupVerdict, once every other action has covered its changes.
func apVerdict(a revision.Action, note []revision.Action, pk *revision.Pickup, old *revision.Revision, r *Result, covered map[*Para]bool) (string, []int, string, bool) {
	switch {
	case a.Verb == "LEADS" && a.Target == revision.TargetLead:
		v, ps, why := leadVerdict(a, pickupAfter(a, note, pk, old), r, covered)
		return v, ps, why, true
	case (a.Verb == "ELIMINATES" || a.Verb == "DELETES" || a.Verb == "DROPS") && len(a.Paras) > 0:
		v, ps, why := goneVerdict(a.Paras, len(old.Paragraphs), r, covered)
		return v, ps, why, true
	case a.Verb == revision.VerbNoPickup:
		return Unverifiable, []int{}, "says the item is whole, replacing the version before; nothing in the text to check", true
	case a.Target == revision.TargetItem:
		return Unverifiable, []int{}, "speaks of the transmission (retransmission, combination, takes), not of its text", true
	}
	return "", nil, "", false
}

// pickupAfter is the paragraph of the previous version a new top picks
// up from: the first pick-up the note gives after the LEADS, found by
// its anchor words where they name another paragraph; 0 when none.
func pickupAfter(lead revision.Action, note []revision.Action, pk *revision.Pickup, old *revision.Revision) int {
	after := false
	for _, a := range note {
		if a.Text == lead.Text && a.Verb == lead.Verb {
			after = true
			continue
		}
		if after && a.Verb == revision.VerbPickup && a.From > 0 {
			p, _ := anchored(a, pk, old)
			return p
		}
	}
	return 0
}

// leadVerdict: "LEADS with 3 grafs" holds when paragraphs 1-3 are new or
// changed and nothing of the previous version before the pick-up is
// left over unchanged (the new top replaced it). It covers the top's
// changes and the removal of the old top.
func leadVerdict(a revision.Action, pickup int, r *Result, covered map[*Para]bool) (string, []int, string) {
	n := len(a.Paras)
	if n == 0 {
		n = 1
	}
	var hits, same, left []int
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		if p.Cut {
			continue
		}
		switch {
		case p.New != nil && *p.New <= n && p.Op != OpEqual:
			hits, covered[p] = append(hits, *p.New), true
		case p.New != nil && *p.New <= n:
			same = append(same, *p.New)
		}
		if pickup > 1 && p.Old != nil && *p.Old < pickup {
			switch {
			case p.Op == OpEqual || p.Op == OpMove:
				if p.New == nil || *p.New > n {
					left = append(left, *p.Old)
				}
			case p.Op == OpDelete:
				covered[p] = true
			}
		}
	}
	top := fmt.Sprintf("new top of %s", paraRanges(span1(n)))
	switch {
	case len(hits) == 0:
		return NotSeen, []int{}, top + " unchanged"
	case len(left) > 0:
		return NotSeen, hits, fmt.Sprintf("%s; but previous %s before the pick-up (para %d) left over", top, paraRanges(left), pickup)
	}
	why := "changed: " + paraRanges(hits)
	if len(same) > 0 {
		why += "; unchanged: " + paraRanges(same)
	}
	return Confirmed, hits, why
}

func span1(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// goneVerdict: "ELIMINATES 7th graf" holds when paragraph 7 of the
// previous version is gone from the new one. Paras are old numbers.
func goneVerdict(paras []int, oldN int, r *Result, covered map[*Para]bool) (string, []int, string) {
	var gone, kept, beyond []int
	for _, n := range paras {
		if n > oldN {
			beyond = append(beyond, n)
			continue
		}
		found := false
		for i := range r.Paragraphs {
			p := &r.Paragraphs[i]
			if p.Old != nil && *p.Old == n && p.Op == OpDelete && !p.Cut {
				gone, covered[p], found = append(gone, n), true, true
			}
		}
		if !found {
			kept = append(kept, n)
		}
	}
	switch {
	case len(gone) > 0 && len(kept) == 0:
		return Confirmed, gone, "gone: previous " + paraRanges(gone)
	case len(gone) > 0:
		return Confirmed, gone, "gone: previous " + paraRanges(gone) + "; still there: " + paraRanges(kept)
	case len(beyond) > 0 && len(kept) == 0:
		return Unverifiable, []int{}, "the previous version has no " + paraRanges(beyond)
	}
	return NotSeen, []int{}, "previous " + paraRanges(kept) + " still there"
}

// pickupVerdict: "picks up 4th graf pvs" holds when the previous version
// from paragraph 4 on is unchanged in the new one, but for the changes
// other actions of the note announce. The paragraph is found by number
// and checked by the quoted anchor words; where they disagree the anchor
// wins, and the reason says so.
func pickupVerdict(a revision.Action, pk *revision.Pickup, old *revision.Revision, r *Result, covered map[*Para]bool) (string, []int, string) {
	if a.From > len(old.Paragraphs) {
		return Unverifiable, []int{}, fmt.Sprintf("the previous version has no para %d", a.From)
	}
	from, note := anchored(a, pk, old)
	var at *Para
	var after []string // changes after the pick-up no other action covers
	for i := range r.Paragraphs {
		p := &r.Paragraphs[i]
		if at == nil && p.Old != nil && *p.Old == from {
			at = p
			continue
		}
		if at != nil && p.Op != OpEqual && !p.Cut && !covered[p] {
			after = append(after, entryName(p))
		}
	}
	why := fmt.Sprintf("previous para %d", from)
	if at != nil && at.New != nil {
		why += fmt.Sprintf(" is para %d", *at.New)
	}
	why += note
	switch {
	case at == nil || at.Op != OpEqual:
		return NotSeen, []int{}, why + "; it changed"
	case len(after) > 0:
		return NotSeen, []int{*at.New}, why + "; changed after it and not announced: " + strings.Join(after, ", ")
	}
	return Confirmed, []int{*at.New}, why + "; unchanged from there on"
}

// entryName names a diff entry by the number of the side it is on:
// "para 9" (new), "previous para 12" (a deletion).
func entryName(p *Para) string {
	if p.New != nil {
		return fmt.Sprintf("para %d", *p.New)
	}
	return fmt.Sprintf("previous para %d", *p.Old)
}

// anchored is the previous version's paragraph a pick-up names: its
// number, unless the anchor words open another paragraph and not that
// one. The note says which it took and why. pk is the new version's
// pick-up: when the version was rebuilt from a partial item
// (revision/assemble), its Found is the paragraph the rest was taken
// from, and the check takes that one, so that it judges the text as it
// was rebuilt.
func anchored(a revision.Action, pk *revision.Pickup, old *revision.Revision) (int, string) {
	p := a.From
	if pk != nil && pk.Found >= 1 && pk.Found <= len(old.Paragraphs) && pk.Para == p && pk.Anchor == a.Anchor {
		switch {
		case pk.AnchorMissed:
			return p, fmt.Sprintf(" (the anchor %q opens no paragraph of it)", a.Anchor)
		case pk.Found != p:
			return pk.Found, fmt.Sprintf(" (the anchor %q opens para %d, not %d)", a.Anchor, pk.Found, p)
		}
		return p, ""
	}
	if a.Anchor == "" || p < 1 || p > len(old.Paragraphs) || opensWith(old.Paragraphs[p-1], a.Anchor) {
		return p, ""
	}
	for i, text := range old.Paragraphs {
		if opensWith(text, a.Anchor) {
			return i + 1, fmt.Sprintf(" (the anchor %q opens para %d, not %d)", a.Anchor, i+1, p)
		}
	}
	return p, fmt.Sprintf(" (the anchor %q opens no paragraph of it)", a.Anchor)
}

// opensWith reports whether a paragraph opens with the anchor words,
// letters and digits compared without regard to case, punctuation or a
// dateline before them.
func opensWith(para, anchor string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	}
	pw, aw := words(para), words(anchor)
	if len(aw) == 0 {
		return false
	}
	for skip := 0; skip <= min(len(pw)-len(aw), 8); skip++ { // a dateline, "(AP) _"
		if slices.Equal(pw[skip:skip+len(aw)], aw) {
			return true
		}
		if skip == 0 && !strings.Contains(para, "(AP)") {
			break
		}
	}
	return false
}

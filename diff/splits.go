package diff

import "strings"

// splitsAndMerges finds an old paragraph now written as two consecutive
// new ones, and two consecutive old paragraphs now written as one. The
// whole must start with the first part's opening words, which rules out
// almost every pair before any word set is built; an index of the parts
// by their first two words finds the few that can (see startIndex).
func (al *aligner) splitsAndMerges() {
	parts := newStartIndex(al.b, func(j int) bool { return j+1 < len(al.b) && al.newU[j] < 0 && al.newU[j+1] < 0 })
	for i := range al.a {
		for _, j := range parts.candidates(al.a[i]) {
			if al.oldU[i] >= 0 {
				break
			}
			if al.newU[j] < 0 && al.newU[j+1] < 0 && sameStart(al.a[i], al.b[j]) &&
				al.joinedLike(al.set(0, i), al.set(1, j), al.set(1, j+1)) {
				al.add(unit{oldAt: i, newAt: j, kind: kindSplit})
			}
		}
	}
	parts = newStartIndex(al.a, func(i int) bool { return i+1 < len(al.a) && al.oldU[i] < 0 && al.oldU[i+1] < 0 })
	for j := range al.b {
		for _, i := range parts.candidates(al.b[j]) {
			if al.newU[j] >= 0 {
				break
			}
			if al.oldU[i] < 0 && al.oldU[i+1] < 0 && sameStart(al.b[j], al.a[i]) &&
				al.joinedLike(al.set(1, j), al.set(0, i), al.set(0, i+1)) {
				al.add(unit{oldAt: i, newAt: j, kind: kindMerge})
			}
		}
	}
}

// joinedLike reports whether a paragraph with words whole reads as the
// paragraphs with words part1 and part2 together.
func (al *aligner) joinedLike(whole, part1, part2 idSet) bool {
	if part1.containment(whole) < minSplitSim || part2.containment(whole) < minSplitSim {
		return false
	}
	return whole.dice(part1.union(part2)) >= minSplitSim
}

// sameStart reports whether whole opens with part's first three words.
func sameStart(whole, part string) bool {
	return strings.HasPrefix(whole, startOf(part))
}

// startOf is a paragraph's first three words as sameStart compares them:
// the text before its third space, or all of it.
func startOf(part string) string {
	end, words := 0, 0
	for end < len(part) && words < 3 {
		sp := strings.IndexByte(part[end:], ' ')
		if sp < 0 {
			end = len(part)
			break
		}
		end += sp + 1
		words++
	}
	return strings.TrimRight(part[:end], " ")
}

// startIndex files the paragraphs that may be the first part of a split
// (or merge) by their first two words. A whole can only open with a
// part's first three words if it opens with the same first two words,
// spaces included, when the part has three words or more; parts shorter
// than that are few and kept in a list every whole is checked against.
type startIndex struct {
	byTwo map[string][]int
	short []int
}

func newStartIndex(paras []string, eligible func(int) bool) startIndex {
	x := startIndex{byTwo: map[string][]int{}}
	for k, p := range paras {
		if !eligible(k) {
			continue
		}
		if two, ok := firstTwo(p); ok && strings.Count(startOf(p), " ") == 2 {
			x.byTwo[two] = append(x.byTwo[two], k)
		} else {
			x.short = append(x.short, k)
		}
	}
	return x
}

// candidates lists, in ascending order, the parts a whole may open with.
func (x startIndex) candidates(whole string) []int {
	var out []int
	if two, ok := firstTwo(whole); ok {
		out = x.byTwo[two]
	}
	if len(x.short) == 0 {
		return out
	}
	return mergeSorted(out, x.short)
}

// firstTwo is the text before a paragraph's second space.
func firstTwo(p string) (string, bool) {
	sp := strings.IndexByte(p, ' ')
	if sp < 0 {
		return "", false
	}
	sp2 := strings.IndexByte(p[sp+1:], ' ')
	if sp2 < 0 {
		return "", false
	}
	return p[:sp+1+sp2], true
}

func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

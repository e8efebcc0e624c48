package diff

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page cut off inside its last paragraph (revision.PartialLast) shows
// only the start of that paragraph. Compared with the whole paragraph on
// the other page, the missing rest would read as deleted (or, for a cut
// older page, as added) and the paragraph as changed: a change no note
// announces, made by the cut and not by the editor. So the partial
// paragraph is paired with the paragraph it is the start of, before any
// other pairing, and shown as unchanged but cut.

// Thresholds for locating the cut in the whole paragraph.
const (
	minAnchorWords = 2  // words of the partial's end that must be found in the whole
	maxAnchorWords = 12 // the longest end tried
)

// partialEnd finds where, in the whole paragraph, the text of partial
// stops: partial is a prefix of whole, or it is close to whole's start
// (an edit in the opening words, the rest as it was) and its last words,
// the last perhaps cut in two ("so" of "southeast"), stand in whole. It
// returns the byte offset in whole just past the matching text.
func partialEnd(partial, whole string) (int, bool) {
	if partial == "" || len(partial) >= len(whole) {
		return 0, false
	}
	if strings.HasPrefix(whole, partial) {
		return len(partial), true
	}
	toks := tokenize(partial)
	// words[m] counts the words among the last m tokens: a tail of
	// tokens tokenises again into the same tokens, so counting them once
	// gives what counting the words of each joined tail did.
	most := min(len(toks), 2*maxAnchorWords)
	words := make([]int, most+1)
	for m := 1; m <= most; m++ {
		words[m] = words[m-1]
		if isWord(strings.ToLower(toks[len(toks)-m])) {
			words[m]++
		}
	}
	last := toks[len(toks)-1]
	for m := most; m > 0; m-- {
		if words[m] < minAnchorWords || spaceAtEnds(toks[len(toks)-m], last) {
			continue
		}
		tail := partial[len(partial)-tailLen(toks, m):] // the tokens are the whole of partial
		if end := nearestEnd(whole, tail, len(partial)); end > 0 {
			return end, end < len(whole)
		}
	}
	return 0, false
}

// tailLen is the length in bytes of the last m tokens.
func tailLen(toks []string, m int) int {
	n := 0
	for _, t := range toks[len(toks)-m:] {
		n += len(t)
	}
	return n
}

// spaceAtEnds says whether the text from token first to token last
// starts or ends in white space, as strings.TrimSpace would trim.
func spaceAtEnds(first, last string) bool {
	r, _ := utf8.DecodeRuneInString(first)
	l, _ := utf8.DecodeLastRuneInString(last)
	return unicode.IsSpace(r) || unicode.IsSpace(l)
}

// nearestEnd finds the occurrence of tail in whole that ends nearest to
// want and returns where it ends, 0 when tail does not occur: a cut page
// shows about as much of the paragraph as its partial text is long.
func nearestEnd(whole, tail string, want int) int {
	best := 0
	for from := 0; ; {
		i := strings.Index(whole[from:], tail)
		if i < 0 {
			return best
		}
		end := from + i + len(tail)
		if best == 0 || abs(end-want) < abs(best-want) {
			best = end
		}
		from += i + 1
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// partialSim is how alike partial is to the start of whole up to end,
// leaving out partial's last word, which the cut may have broken. A
// prefix, however short, is the start of whole as it stands.
func partialSim(partial, whole string, end int) float64 {
	if end == len(partial) && strings.HasPrefix(whole, partial) {
		return 1
	}
	toks := tokenize(partial)
	if n := len(toks); n > 1 && isWord(strings.ToLower(toks[n-1])) {
		partial = strings.Join(toks[:n-1], "")
	}
	return dice(wordSet(partial), wordSet(whole[:end]))
}

// partialPairs pairs the partial last paragraph of each side that has
// one (cutOld, cutNew), the new side's first.
func (al *aligner) partialPairs(cutOld, cutNew bool) {
	if cutNew {
		al.partialPair(true)
	}
	if cutOld {
		al.partialPair(false)
	}
}

// partialPair pairs the partial last paragraph of a cut-off page with
// the unaligned paragraph of the other page it is the start of, the most
// alike if several are. newSide says the cut page is the new one.
func (al *aligner) partialPair(newSide bool) {
	parts, wholes, used, other := al.a, al.b, al.oldU, al.newU
	if newSide {
		parts, wholes, used, other = al.b, al.a, al.newU, al.oldU
	}
	p := len(parts) - 1
	if p < 0 || used[p] >= 0 {
		return
	}
	best, bestEnd, bestSim := -1, 0, 0.0
	for w := range wholes {
		if other[w] >= 0 {
			continue
		}
		end, ok := partialEnd(parts[p], wholes[w])
		if !ok {
			continue
		}
		threshold := minPairSim
		if p == 0 && w == 0 {
			threshold = minLeadSim // the lead slot, as in edits
		}
		if sim := partialSim(parts[p], wholes[w], end); sim >= threshold && sim > bestSim {
			best, bestEnd, bestSim = w, end, sim
		}
	}
	if best < 0 {
		return
	}
	u := unit{oldAt: best, newAt: p, kind: kindPartial, cutNew: true, cutAt: bestEnd}
	if !newSide {
		u = unit{oldAt: p, newAt: best, kind: kindPartial, cutAt: bestEnd}
	}
	al.add(u)
}

// partialEntry renders a partial paragraph paired with its whole: equal,
// since what the cut page shows of it is as it was (or nearly), and cut,
// so that neither the summary nor the note check counts it. Its words
// rebuild both sides: the shown part compared word by word, then the rest
// of the whole paragraph as one Word marked Cut, on the whole side only.
func (al *aligner) partialEntry(u unit) Para {
	var ws []Word
	if u.cutNew {
		whole := al.a[u.oldAt]
		ws = append(al.words(whole[:u.cutAt], al.b[u.newAt]), Word{Op: OpDelete, Text: whole[u.cutAt:], Cut: true})
	} else {
		whole := al.b[u.newAt]
		ws = append(al.words(al.a[u.oldAt], whole[:u.cutAt]), Word{Op: OpInsert, Text: whole[u.cutAt:], Cut: true})
	}
	return Para{Op: OpEqual, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt], Words: ws, Cut: true}
}

// CutNote says, for an entry marked Cut, why it is not counted, in the
// words every renderer shows: "past the end of the cut-off newer page"
// for a paragraph the cut page does not reach, and for the partial last
// paragraph which page was cut inside it and, when its number moved,
// which paragraph of the older page it is the start of.
func CutNote(p Para) string {
	if p.Op == OpDelete {
		return "past the end of the cut-off newer page"
	}
	note := "the newer page is cut off inside this paragraph"
	for _, w := range p.Words {
		if w.Cut && w.Op == OpInsert {
			note = "the older page is cut off inside this paragraph"
		}
	}
	if p.Old != nil && p.New != nil && *p.Old != *p.New {
		note += fmt.Sprintf(", para %d of the older page", *p.Old)
	}
	return note + "; not counted as a change"
}

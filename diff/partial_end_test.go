package diff

import (
	"math/rand"
	"strings"
	"testing"
)

// partialEndBefore is partialEnd as first written: each tail of tokens is
// joined and tokenised again to count its words and trimmed to test its
// ends. partialEnd must find what it finds.
func partialEndBefore(partial, whole string) (int, bool) {
	if partial == "" || len(partial) >= len(whole) {
		return 0, false
	}
	if strings.HasPrefix(whole, partial) {
		return len(partial), true
	}
	toks := tokenize(partial)
	for m := min(len(toks), 2*maxAnchorWords); m > 0; m-- {
		tail := strings.Join(toks[len(toks)-m:], "")
		if countWordsBefore(tail) < minAnchorWords || strings.TrimSpace(tail) != tail {
			continue
		}
		if end := nearestEnd(whole, tail, len(partial)); end > 0 {
			return end, end < len(whole)
		}
	}
	return 0, false
}

func countWordsBefore(s string) int {
	n := 0
	for _, t := range tokenize(s) {
		if isWord(strings.ToLower(t)) {
			n++
		}
	}
	return n
}

// TestPartialEndAsBefore cuts every paragraph of the bundled pages at
// random points, edits some cuts near their start, ends some in white
// space, punctuation or a broken word, and checks partialEnd against
// partialEndBefore on each.
func TestPartialEndAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	var paras []string
	for _, a := range articles(t) {
		paras = append(paras, a...)
	}
	paras = append(paras, "Ａ　全角 text,\u00a0with\u2003odd  spaces\t and (brackets) — dashes – here.",
		"one two", "  lead space then words here and more", "x")
	tails := []string{"", " ", "\u00a0", "\u2003", ",", " (", "-", "so", "\t"}
	checked, found := 0, 0
	for _, whole := range paras {
		for range 12 {
			if len(whole) < 2 {
				continue
			}
			cut := 1 + rng.Intn(len(whole)-1)
			partial := strings.ToValidUTF8(whole[:cut], "")
			if rng.Intn(2) == 0 && len(partial) > 8 {
				partial = "The " + partial[4:] // an edit in the opening words
			}
			if rng.Intn(2) == 0 {
				partial += tails[rng.Intn(len(tails))]
			}
			gotEnd, gotOK := partialEnd(partial, whole)
			wantEnd, wantOK := partialEndBefore(partial, whole)
			if gotEnd != wantEnd || gotOK != wantOK {
				t.Fatalf("partialEnd(%q, %q) = %d, %v; before %d, %v", partial, whole, gotEnd, gotOK, wantEnd, wantOK)
			}
			checked++
			if gotEnd > 0 && !strings.HasPrefix(whole, partial) {
				found++ // found by its last words, not as a prefix
			}
		}
	}
	if checked < 1000 || found < checked/10 {
		t.Errorf("checked %d cuts, %d found by their last words: too few to tell", checked, found)
	}
}

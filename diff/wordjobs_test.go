package diff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestWordsAheadAsInTurn compares long texts with their pairs' words
// diffed ahead on several goroutines and in turn as emit meets them:
// the comparison must be the same. The cases cover what the order of
// encoding decides: the 1 MB pair with paragraphs split and merged,
// whose tokens run past the codec's 3-byte runes, and pairs of so many
// distinct tokens that the shared codec runs out and pairs get their own.
func TestWordsAheadAsInTurn(t *testing.T) {
	old, edited := bigPair(t)
	edited = splitAndMerge(edited)
	cases := []struct {
		name     string
		old, new []string
		tokens   int // distinct tokens the case must reach
	}{
		{"edited, split and merged", old, edited, 0},
		{"past 3-byte runes", manyTokens(200, 60, 0), manyTokens(200, 60, 7), 0xF8FF - 0xE000 + 1},
		{"codec runs out", manyTokens(2600, 60, 0), manyTokens(2600, 60, 7), 0xF8FF - 0xE000 + 1 + 0x10FFFD - 0xF0000 + 1},
	}
	for _, c := range cases {
		ro, rn := rev("h", "", c.old...), rev("h", "", c.new...)
		ahead := Compare(ro, rn, Options{})
		if n := diffedTokens(ahead.Paragraphs); n <= c.tokens {
			t.Fatalf("%s: %d distinct tokens diffed word by word, not past %d", c.name, n, c.tokens)
		}
		inTurn := compareWithout(&parallelWords, ro, rn)
		if !sameResult(ahead, inTurn) {
			t.Errorf("%s: the comparison differs with words diffed ahead (summary %+v) and in turn (%+v)",
				c.name, ahead.Summary, inTurn.Summary)
		}
		if !sameRunes(c.old, c.new) {
			t.Errorf("%s: the tokens got other runes diffed ahead than in turn", c.name)
		}
		if c.name == cases[0].name {
			var splits, merges int
			for _, p := range ahead.Paragraphs {
				splits += b2i(p.Split)
				merges += b2i(p.Merge)
			}
			if splits == 0 || merges == 0 {
				t.Errorf("%s: %d split and %d merged entries, want some of each", c.name, splits, merges)
			}
		}
	}
}

// sameRunes aligns old and new twice, diffs the words ahead in one and
// in turn in the other, and reports whether every token got the same
// rune in both: go-diff's clean-up reads the runes' width, so they must.
func sameRunes(old, new []string) bool {
	deadline := time.Now().Add(time.Minute)
	ahead, inTurn := aligned(old, new, false, false, deadline), aligned(old, new, false, false, deadline)
	ahead.diffWordsAhead()
	ahead.emit()
	inTurn.emit()
	if ahead.ahead == nil || inTurn.ahead != nil {
		return false // not the two paths
	}
	return reflect.DeepEqual(ahead.codec.ids, inTurn.codec.ids) && reflect.DeepEqual(ahead.codec.tokens, inTurn.codec.tokens)
}

// splitAndMerge splits every 50th paragraph of ps at its middle space
// and joins every 70th with the next.
func splitAndMerge(ps []string) []string {
	var out []string
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		switch {
		case i%50 == 7:
			if at := strings.IndexByte(p[len(p)/2:], ' '); at > 0 {
				out = append(out, p[:len(p)/2+at], p[len(p)/2+at+1:])
				continue
			}
		case i%70 == 9 && i+1 < len(ps):
			out = append(out, p+" "+ps[i+1])
			i++
			continue
		}
		out = append(out, p)
	}
	return out
}

// manyTokens is n paragraphs of m words each, every word of the text
// distinct; edit > 0 changes every edit-th word of each paragraph, so
// that each paragraph pairs with its edited self.
func manyTokens(n, m, edit int) []string {
	out := make([]string, n)
	for i := range out {
		ws := make([]string, m)
		for j := range ws {
			ws[j] = fmt.Sprintf("w%dx%d", i, j)
			if edit > 0 && j%edit == 3 {
				ws[j] = fmt.Sprintf("v%dx%d", i, j)
			}
		}
		out[i] = strings.Join(ws, " ")
	}
	return out
}

// diffedTokens counts the distinct tokens of the entries diffed word by
// word, what the comparison's codec was given.
func diffedTokens(ps []Para) int {
	seen := map[string]bool{}
	for _, p := range ps {
		for _, w := range p.Words {
			eachToken(w.Text, func(t string) { seen[t] = true })
		}
	}
	return len(seen)
}

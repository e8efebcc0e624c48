package diff

import (
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// oldWords is vocab.words as it was before its ASCII loop: the tokens of
// the lower-cased text that isWord accepts, numbered in order of first
// appearance.
func oldWords(ids map[string]int32, s string) []int32 {
	var out []int32
	eachToken(strings.ToLower(s), func(t string) {
		if !isWord(t) {
			return
		}
		id, ok := ids[t]
		if !ok {
			id = int32(len(ids))
			ids[t] = id
		}
		out = append(out, id)
	})
	return out
}

// TestVocabWordsAsTokenize feeds one vocabulary and the old code the same
// texts, in the same order: every paragraph of the bundled pages, every
// line of every bundled file, the edges of the ASCII loop, and random
// texts over an alphabet of word characters, capitals, joiners, spaces
// and non-ASCII runes. Both must number the same words the same way.
func TestVocabWordsAsTokenize(t *testing.T) {
	texts := []string{"", "a", "A", "-", "a-", "-a", "a-b", "a--b", "A.B.", "3,526", "6.69.",
		"N.K.'s", "don't", "Jong-Un", "x,", ",x", "a'", "'a", "ÉTÉ", "Ünited", "a\xffb", "a’s",
		"ΣΑΣ", "İstanbul", "a\u00a0b", "a\u2003 b", "—", "“Q”", "K-pop.", "1.5-2.0"}
	for _, a := range articles(t) {
		texts = append(texts, a...)
	}
	files, _ := filepath.Glob("../testdata/*/*")
	more, _ := filepath.Glob("../testdata/*/*/*")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err == nil {
			texts = append(texts, strings.Split(string(b), "\n")...)
		}
	}
	alphabet := []string{"a", "Z", "q", "0", "7", "-", "'", ".", ",", " ", "  ", "\t", "\n",
		"’", "é", "É", "\u00a0", "\u2003", "\xff", "ß", "İ", "K", "—", "!", "A"}
	rng := rand.New(rand.NewSource(1))
	for range 50000 {
		var b strings.Builder
		for range rng.Intn(24) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	v, ids := newVocab(0), map[string]int32{}
	for _, s := range texts {
		if got, want := v.words(s), oldWords(ids, s); !slices.Equal(got, want) {
			t.Fatalf("words of %q: %v, want %v", s, got, want)
		}
	}
	if len(v.ids) != len(ids) {
		t.Fatalf("%d words numbered, want %d", len(v.ids), len(ids))
	}
	t.Logf("%d texts, %d distinct words", len(texts), len(ids))
}

// TestBothSidesAsCodec: bothSides finds the paragraphs on both sides and
// gives them the runes a runeCodec gives them when each side's texts are
// put in sets and the paragraphs found in both are encoded in reading
// order (what ordered did before it numbered each text once), so go-diff
// is handed the same runes. The pairs are the corpus's, repeats, single
// spaces, empty sides and unrelated texts.
func TestBothSidesAsCodec(t *testing.T) {
	reference := func(a, b []string) (ia, ib []int, ra, rb []rune) {
		inA, inB := map[string]bool{}, map[string]bool{}
		for _, p := range a {
			inA[p] = true
		}
		for _, p := range b {
			inB[p] = true
		}
		c := newRuneCodec()
		for i, p := range a {
			if inB[p] {
				ia, ra = append(ia, i), append(ra, c.runeOf(p))
			}
		}
		for j, p := range b {
			if inA[p] {
				ib, rb = append(ib, j), append(rb, c.runeOf(p))
			}
		}
		return ia, ib, ra, rb
	}
	cases := [][2][]string{
		{{"x", " ", "y", "x", "z"}, {" ", "z", "x", "q", "x", " "}},
		{{}, {"a"}}, {{"a"}, {}}, {{"a", "b"}, {"c", "d"}},
		{{"same", "same", "same"}, {"same"}},
	}
	for _, p := range corpusPairs(t) {
		cases = append(cases, [2][]string{p[0].Paragraphs, p[1].Paragraphs}, [2][]string{p[1].Paragraphs, p[0].Paragraphs})
	}
	for n, tc := range cases {
		ia, ib, ra, rb, ok := bothSides(tc[0], tc[1])
		wia, wib, wra, wrb := reference(tc[0], tc[1])
		if !ok || !slices.Equal(ia, wia) || !slices.Equal(ib, wib) || !slices.Equal(ra, wra) || !slices.Equal(rb, wrb) {
			t.Fatalf("case %d: %v %v %q %q (ok %v), want %v %v %q %q", n, ia, ib, ra, rb, ok, wia, wib, wra, wrb)
		}
	}
}

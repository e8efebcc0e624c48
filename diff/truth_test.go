package diff

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

// articles are the corpus pages with at least six distinct paragraphs.
func articles(t testing.TB) [][]string {
	t.Helper()
	paths, _ := filepath.Glob("../testdata/yonhap/pages/*.txt")
	var out [][]string
	for _, p := range paths {
		r, _, err := wire.ParseFile(p, nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		dup := false
		for _, para := range r.Paragraphs {
			dup = dup || seen[para]
			seen[para] = true
		}
		if len(r.Paragraphs) >= 6 && !dup {
			out = append(out, r.Paragraphs)
		}
	}
	if len(out) < 40 {
		t.Fatalf("only %d usable articles", len(out))
	}
	return out
}

// TestSyntheticEdits applies random known edits to real articles and
// requires exactly those edits back, and the lossless property always.
func TestSyntheticEdits(t *testing.T) {
	arts := articles(t)
	rng := rand.New(rand.NewSource(42))
	kinds := []string{"insert", "delete", "words", "move"}
	cases := 0
	for trial := 0; trial < 600; trial++ {
		base := arts[rng.Intn(len(arts))]
		donor := arts[rng.Intn(len(arts))]
		kind := kinds[trial%len(kinds)]
		newParas, want := applyEdit(rng, kind, base, donor)
		if newParas == nil {
			continue
		}
		cases++
		r := Compare(&revision.Revision{Paragraphs: base, Complete: true}, &revision.Revision{Paragraphs: newParas, Complete: true}, Options{})
		assertLossless(t, base, newParas, r.Paragraphs)
		if got := changesOf(r.Paragraphs); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d (%s): got %v, want %v", trial, kind, got, want)
		}
	}
	t.Logf("%d synthetic edit cases, every one exact and lossless", cases)
}

// changesOf lists the non-equal entries as "op old>new" with, for word
// changes, the words that changed.
func changesOf(ps []Para) []string {
	out := []string{}
	for _, p := range ps {
		if p.Op == OpEqual {
			continue
		}
		s := fmt.Sprintf("%s %s>%s", p.Op, n(p.Old), n(p.New))
		for _, w := range p.Words {
			if w.Op != OpEqual {
				s += fmt.Sprintf(" %s:%q", w.Op, w.Text)
			}
		}
		out = append(out, s)
	}
	return out
}

func n(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// applyEdit makes one kind of known edit and returns the new paragraphs
// and the changes a correct diff reports. It returns nil when the edit
// would be ambiguous (a donor paragraph already in the article).
func applyEdit(rng *rand.Rand, kind string, base, donor []string) ([]string, []string) {
	out := append([]string(nil), base...)
	switch kind {
	case "insert":
		k := 1 + rng.Intn(3)
		var at []int
		for i := 0; i < k; i++ {
			p := donor[1+rng.Intn(len(donor)-1)]
			if contains(out, p) {
				return nil, nil
			}
			pos := 1 + rng.Intn(len(out))
			out = append(out[:pos], append([]string{p}, out[pos:]...)...)
			for j := range at {
				if at[j] >= pos {
					at[j]++
				}
			}
			at = append(at, pos)
		}
		sort.Ints(at)
		var want []string
		for _, p := range at {
			want = append(want, fmt.Sprintf("insert ->%d", p+1))
		}
		return out, want
	case "delete":
		pos := 1 + rng.Intn(len(out)-1)
		out = append(out[:pos], out[pos+1:]...)
		return out, []string{fmt.Sprintf("delete %d>-", pos+1)}
	case "words":
		pos := rng.Intn(len(out))
		toks := tokenize(out[pos])
		var cand []int
		for i, tk := range toks {
			if len(tk) >= 5 && isWord(strings.ToLower(tk)) && strings.Count(out[pos], tk) == 1 {
				cand = append(cand, i)
			}
		}
		if len(cand) == 0 {
			return nil, nil
		}
		i := cand[rng.Intn(len(cand))]
		old := toks[i]
		toks[i] = "Xylophone"
		out[pos] = strings.Join(toks, "")
		return out, []string{fmt.Sprintf("change %d>%d delete:%q insert:%q", pos+1, pos+1, old, "Xylophone")}
	default: // move one paragraph two or more places later
		if len(out) < 5 {
			return nil, nil
		}
		from := 1 + rng.Intn(len(out)-3)
		to := from + 2 + rng.Intn(len(out)-from-2)
		p := out[from]
		out = append(out[:from], out[from+1:]...)
		out = append(out[:to], append([]string{p}, out[to:]...)...)
		// The paragraph that jumped is the one reported moved: the others
		// keep their order, which is the longest one.
		return out, []string{fmt.Sprintf("move %d>%d", from+1, to+1)}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzCompare diffs two texts split into paragraphs at line breaks: never
// a panic, always lossless.
func FuzzCompare(f *testing.F) {
	arts := articles(f)
	for i := 0; i+1 < len(arts) && i < 20; i++ {
		f.Add(strings.Join(arts[i], "\n"), strings.Join(arts[i+1], "\n"))
		f.Add(strings.Join(arts[i], "\n"), strings.Join(append(arts[i][1:], "New text."), "\n"))
	}
	f.Add("a b c\nd e f", "a b\nc d e f")
	f.Fuzz(func(t *testing.T, a, b string) {
		pa, pb := paras(a), paras(b)
		r := Compare(&revision.Revision{Paragraphs: pa, Headline: firstOf(pa)}, &revision.Revision{Paragraphs: pb, Headline: firstOf(pb)}, Options{})
		assertLossless(t, pa, pb, r.Paragraphs)
		if got := NewText(r.Headline.Words); r.Headline.Words != nil && got != firstOf(pb) {
			t.Fatalf("headline words rebuild %q, want %q", got, firstOf(pb))
		}
	})
}

// paras splits fuzz input the way pages are: non-empty trimmed lines.
func paras(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

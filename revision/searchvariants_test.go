package revision

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// regexSearchWords is SearchWords as first written: every rewrite of
// headlineVariants run across the whole text.
func regexSearchWords(text string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if !stopWords[w] && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	low := strings.ToLower(text)
	for _, w := range letterRuns(low) {
		add(w)
	}
	for _, w := range letterRuns(unifyVariants(low)) {
		add(w)
		if w == "nkorea" || w == "skorea" {
			add("korea")
		}
	}
	return out
}

// TestVariantWordsAgree: SearchWords finds the same words as the
// regular expressions on every bundled page and AP item, and on
// hand-made spellings of each rewrite.
func TestVariantWordsAgree(t *testing.T) {
	texts := []string{
		"N.K. and N. K.'s leader; N. Korea, N.Korea, North  Korean troops, North Koreans, Pyongyang's",
		"S.K. and S. Korea's; South Korean, Seoul's mayor; the U.S. and U. S.'s; the United States' role",
		"gov't and int'l, gov’t, 5 pct, 3 mln, 2 bln won, the FM said; Korean War; koreanx; northkorea",
		"n.k n.kim. s.korean u.s united\tstates united_states _korean korean_ fm_",
	}
	for _, glob := range []string{"../testdata/yonhap/pages/*.txt", "../testdata/ap/*", "*/testdata/*", "../../shared/corpus/ap89/raw/*", "../../shared/corpus/formats/*/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	if len(texts) < 100 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, s := range texts {
		got, want := SearchWords(s), regexSearchWords(s)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%.80q: words differ:\n got %v\nwant %v", s, diffWords(got, want), diffWords(want, got))
		}
	}
	t.Logf("%d texts agree", len(texts))
}

// diffWords lists the words of a missing from b.
func diffWords(a, b []string) []string {
	var out []string
	for _, w := range a {
		if !slices.Contains(b, w) {
			out = append(out, w)
		}
	}
	return out
}

package revision

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// searchWordsBefore is SearchWords before it lowered the text and cut it
// into tokens once: strings.ToLower, letterRuns for the words as
// written, and the rewrites on a second lowered copy with the quotes
// folded, cut again by rune ranging.
func searchWordsBefore(text string) []string {
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
	folded := quoteFold.Replace(low)
	for _, w := range variantWordsOf(folded, tokensBefore(folded)) {
		add(w)
		if w == "nkorea" || w == "skorea" {
			add("korea")
		}
	}
	return out
}

// tokensBefore is tokensInto as first written, ranging over runes.
func tokensBefore(s string) []tok {
	var out []tok
	start := -1
	for i, r := range s {
		word := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
			r >= 'A' && r <= 'Z'
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, tok{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, tok{s[start:], start, len(s)})
	}
	return out
}

// TestSearchWordsAsBefore: the one-pass SearchWords gives the words of
// the two-pass one in the same order (the text index files a huge
// page's first maxTextWords, so order counts) on every bundled text and
// on random strings of the pieces that touch its rules: capitals in and
// out of ASCII, the typographic quotes, bytes that are not UTF-8,
// letters whose lower case is longer or shorter in UTF-8, and the
// spellings the rewrites look for.
func TestSearchWordsAsBefore(t *testing.T) {
	texts := []string{"", "THE", "Ünited  STATES", "N.\xffK.", "gov’T", "İstanbul ǅ Ⱥ ẞ", "a\xe2\x80", "KELVIN \u212a"}
	for _, glob := range []string{"../testdata/yonhap/pages/*.txt", "../testdata/ap/*", "*/testdata/*", "../../shared/corpus/ap89/raw/*", "../../shared/corpus/formats/*/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	pieces := []string{"N", "n", "K", ".", ". ", " ", "\t", "Korea", "KOREANS", "north", "South", "u", "S",
		"United", "states", "gov", "'", "’", "‘", "t", "int", "l", "PCT", "mln", "Bln", "FM", "_",
		"Seoul", "pyongyang", "\xff", "\xe2\x80", "İ", "Ⱥ", "ẞ", "\u212a", "é", "É", "the", "The", "1", "２"}
	texts = append(texts, pieced(rand.New(rand.NewPCG(1, 2)), pieces, 5000, 30)...)
	for _, s := range texts {
		if got, want := SearchWords(s), searchWordsBefore(s); !slices.Equal(got, want) {
			t.Fatalf("%.80q:\n got %q\nwant %q", s, got, want)
		}
	}
}

// TestTokensAsBefore checks tokensInto against tokensBefore, the rune
// loop it replaced, on the bundled pages and on random strings of
// letters in and out of ASCII, digits, separators and bytes that are
// not UTF-8.
func TestTokensAsBefore(t *testing.T) {
	texts := []string{"", "a", " a", "a ", "\xff", "é", "_a_", "a\xe2\x80b", "２３x"}
	paths, _ := filepath.Glob("../testdata/yonhap/pages/*.txt")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(data))
		}
	}
	pieces := []string{"a", "Z", "9", " ", ".", "_", "-", "é", "É", "İ", "２", "\u212a", "\xff", "\xe2\x80", "“", "\t", "ǅ"}
	texts = append(texts, pieced(rand.New(rand.NewPCG(3, 4)), pieces, 20000, 12)...)
	for _, s := range texts {
		got, want := tokensInto(nil, s), tokensBefore(s)
		if i := firstDiff(got, want); i >= 0 {
			t.Fatalf("%.80q: %d tokens, want %d; the first that differs, #%d: got %v, want %v",
				s, len(got), len(want), i, at(got, i), at(want, i))
		}
	}
}

// firstDiff is the first place two token lists differ, -1 for none.
func firstDiff(a, b []tok) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	return -1
}

// at is ts[i], or a zero token past its end.
func at(ts []tok, i int) tok {
	if i < len(ts) {
		return ts[i]
	}
	return tok{}
}

// pieced is n random strings of fewer than most pieces each.
func pieced(rng *rand.Rand, pieces []string, n, most int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.IntN(most) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out[i] = b.String()
	}
	return out
}

// markupLoweredBefore is markupLowered as first written, a byte at a
// time.
func markupLoweredBefore(raw []byte) string {
	buf := make([]byte, 0, len(raw)+8)
	inTag, bad := false, false
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '<':
			inTag, bad = true, false
			buf = append(buf, ' ')
		case inTag:
			inTag = c != '>'
		case c < utf8.RuneSelf:
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf, bad = append(buf, c), false
		default:
			r, n := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				if !bad {
					buf = append(buf, ' ')
				}
				bad = true
			case r == '’' || r == '‘':
				buf, bad = append(buf, '\''), false
			default:
				buf, bad = utf8.AppendRune(buf, unicode.ToLower(r)), false
			}
			i += n
			continue
		}
		i++
	}
	return string(buf)
}

// TestMarkupLoweredAsBefore checks markupLowered against the byte loop
// it replaced, on the bundled pages and on random strings of markup,
// capitals in and out of ASCII, the typographic quotes and bytes that
// are not UTF-8.
func TestMarkupLoweredAsBefore(t *testing.T) {
	texts := []string{"", "<", ">", "<<>", "a<b<c>d", "<a\xff>b", "\xff\xfe", "A\xffB"}
	for _, glob := range []string{"../testdata/yonhap/pages/*.txt", "../testdata/ap/*", "*/testdata/*"} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	pieces := []string{"<", ">", "<p>", "</a>", "a", "Z", "The ", "İ", "É", "ẞ", "\u212a", "’", "‘", "\xff", "\xe2\x80", " ", "\n", "1"}
	texts = append(texts, pieced(rand.New(rand.NewPCG(5, 6)), pieces, 20000, 16)...)
	for _, s := range texts {
		if got, want := markupLowered([]byte(s)), markupLoweredBefore([]byte(s)); got != want {
			t.Fatalf("%.80q:\n got %.200q\nwant %.200q", s, got, want)
		}
	}
}

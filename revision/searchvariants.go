package revision

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchWords runs on every stored page's whole text, so the spellings
// headlineVariants rewrites are found here on the text's words rather
// than by running each of those regular expressions across the text
// (7.5 MB/s, ten times a page's parse). The words a rewrite yields are
// the same: "n.k.", "n. korea", "north korea(n|ns)", "pyongyang" give
// nkorea; "s.k.", "s. korea", "south korea(n|ns)", "seoul" skorea;
// "u.s.", "united states" us; "gov't", "int'l", "pct", "mln", "bln",
// "fm", "korean" their long forms (TestVariantWordsAgree).

// tok is one run of letters and digits of a lower-cased text.
type tok struct {
	w          string
	start, end int
}

// tokensInto appends the runs of letters and digits of s with their
// places, as letterRuns splits them, to out. It steps over the bytes
// between runs, then along a run, each in a loop of its own: one loop
// asking of every byte both whether it is a letter and whether a run had
// begun was a quarter of filing a page's words.
func tokensInto(out []tok, s string) []tok {
	for i := 0; i < len(s); {
		word, n := asciiWord[s[i]], 1
		if s[i] >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if !word {
			i += n
			continue
		}
		start := i
		i = runEnd(s, i+n)
		out = append(out, tok{s[start:i], start, i})
	}
	return out
}

// runEnd is where a run of letters and digits that goes on at s[i] ends.
func runEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		i += n
	}
	return i
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// variantWordsOf lists, in the order they occur, the words the rewrites
// of headlineVariants put in low (lower-cased, ’ and ‘ read as '), given
// low's tokens (tokensInto).
func variantWordsOf(low string, ts []tok) []string {
	var out []string
	// between is the text from token i's end to token i+1's start.
	between := func(i int) string { return low[ts[i].end:ts[i+1].start] }
	// bounded: no ASCII word character (\w) touches the token's ends,
	// as \b requires; letterRuns already split on everything but '_'.
	bounded := func(t tok) bool {
		return (t.start == 0 || low[t.start-1] != '_') && (t.end == len(low) || low[t.end] != '_')
	}
	// dotted: tokens i and i+1 are single letters a and b written "a.b."
	// or "a. b." (one white space at most).
	dotted := func(i int, a, b string) bool {
		if i+1 >= len(ts) || ts[i].w != a || ts[i+1].w != b || !bounded(ts[i]) {
			return false
		}
		sep := between(i)
		if sep != "." && !(len(sep) == 2 && sep[0] == '.' && isRESpace(sep[1])) {
			return false
		}
		return ts[i+1].end < len(low) && low[ts[i+1].end] == '.'
	}
	// korea: token i+1 is korea, korean or koreans after "a." / "a. "
	// (a single letter) or after the word full and white space.
	korea := func(i int, a, full string) bool {
		if i+1 >= len(ts) || !bounded(ts[i]) || !bounded(ts[i+1]) {
			return false
		}
		switch ts[i+1].w {
		case "korea", "korean", "koreans":
		default:
			return false
		}
		sep := between(i)
		switch ts[i].w {
		case a:
			return sep == "." || len(sep) == 2 && sep[0] == '.' && isRESpace(sep[1])
		case full:
			return sep != "" && strings.TrimLeft(sep, " \t\n\f\r") == ""
		}
		return false
	}
	// apos: tokens i and i+1 are a and b written "a'b".
	apos := func(i int, a, b string) bool {
		return i+1 < len(ts) && ts[i].w == a && ts[i+1].w == b && between(i) == "'" && bounded(ts[i]) && bounded(ts[i+1])
	}
	for i, t := range ts {
		switch t.w { // every rule begins at one of these words
		case "n", "s", "u", "north", "south", "pyongyang", "seoul", "united", "gov", "int",
			"pct", "mln", "bln", "fm", "korean":
		default:
			continue
		}
		switch {
		case dotted(i, "n", "k"), korea(i, "n", "north"), t.w == "pyongyang" && bounded(t):
			out = append(out, "nkorea")
		case dotted(i, "s", "k"), korea(i, "s", "south"), t.w == "seoul" && bounded(t):
			out = append(out, "skorea")
		case dotted(i, "u", "s"):
			out = append(out, "us")
		case t.w == "united" && i+1 < len(ts) && ts[i+1].w == "states" && bounded(t) && bounded(ts[i+1]) &&
			between(i) != "" && strings.TrimLeft(between(i), " \t\n\f\r") == "":
			out = append(out, "us")
		case apos(i, "gov", "t"):
			out = append(out, "government")
		case apos(i, "int", "l"):
			out = append(out, "international")
		case !bounded(t):
		case t.w == "pct":
			out = append(out, "percent")
		case t.w == "mln":
			out = append(out, "million")
		case t.w == "bln":
			out = append(out, "billion")
		case t.w == "fm":
			out = append(out, "foreign", "minister")
		case t.w == "korean":
			out = append(out, "korea")
		}
	}
	return out
}

// isRESpace is the white space of a regular expression's \s.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

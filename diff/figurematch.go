package diff

import "strings"

// The figure expression (figurePattern, in figure_expr_test.go) read by
// hand. Tried at every place a figure may start in every changed
// paragraph, Go's regexp took a tenth of comparing the 1 MB pair and a
// twentieth of a typical one; the expression is small and has one answer
// at each place, so it is read here directly. TestMatchFigureAsExpression
// checks that it finds what the expression finds, anchored, on every
// place of the bundled paragraphs and on random text, and
// FuzzMatchFigureAsExpression on any text.
//
// The expression is case-insensitive: a letter of it matches either
// case, and, as Go's (?i) folds them, "k" also matches the Kelvin sign
// (U+212A) and "s" the long s (U+017F). \s is ASCII space, tab, line
// feed, form feed and carriage return; \b is a boundary of ASCII word
// characters (letters, digits, _); \d an ASCII digit.

// unitWords are the alternatives of units' word list, in order, each
// followed by \b; plural marks the ones written "word?", which take a
// final "s" when they can (unitForms).
var unitWords = []struct {
	word   string
	plural bool
}{
	{"percentage point", true}, {"percent", false}, {"per cent", false}, {"billion", false},
	{"million", false}, {"trillion", false}, {"thousand", false}, {"hundred", false}, {"won", false},
	{"dollar", true}, {"yen", false}, {"yuan", false}, {"euro", true}, {"km", false},
	{"kilometer", true}, {"mile", true}, {"meter", true}, {"kg", false}, {"ton", true},
	{"degree", true}, {"year", true}, {"month", true}, {"week", true}, {"day", true}, {"hour", true},
	{"minute", true}, {"people", false}, {"persons", false}, {"dead", false}, {"death", true},
	{"killed", false}, {"injured", false}, {"wounded", false}, {"missing", false}, {"case", true},
	{"vote", true}, {"seat", true}, {"point", true}, {"times", false}, {"hectopascals", false},
	{"kph", false}, {"mph", false},
}

// unitForms are unitWords as unitsAt tries them: a plural word's form
// with "s" before its form without.
var unitForms = func() []string {
	var out []string
	for _, w := range unitWords {
		if w.plural {
			out = append(out, w.word+"s")
		}
		out = append(out, w.word)
	}
	return out
}()

// unitSecond are the words a unit may take after it; unitRate the
// words of a rate ("per hour").
var (
	unitSecond = []string{"won", "dollars", "yen", "yuan", "euros", "people", "dead", "deaths", "cases"}
	unitRate   = []string{"hour", "second", "minute", "day"}
)

// matchFigure is the end of the figure at the start of s, -1 for none.
func matchFigure(s string) int {
	if n := numberFigureAt(s); n >= 0 {
		return n
	}
	return wordFigureAt(s)
}

// numberFigureAt reads numberFigure: a currency, digits, separated
// groups, an ordinal ending, a range's second number, "%" or a unit.
// Everything after the first digits is optional, so the first choice
// that matches at each step is the expression's.
func numberFigureAt(s string) int {
	if s == "" {
		return -1
	}
	i := 0
	if !isDigitByte(s[0]) {
		if n := foldPrefix(s, "us$"); n > 0 {
			i = n
		} else {
			i = currencySign(s)
		}
	}
	j := digitsEnd(s, i)
	if j == i {
		return -1 // with the currency or without it, no digit follows
	}
	j = groupsEnd(s, j, ".,:")
	if j < len(s) && (mayFold(s[j], 's') || mayFold(s[j], 'n') || mayFold(s[j], 'r') || mayFold(s[j], 't')) {
		for _, end := range []string{"st", "nd", "rd", "th"} {
			if n := foldPrefix(s[j:], end); n > 0 {
				j += n
				break
			}
		}
	}
	if j+1 < len(s) && s[j] == '-' && isDigitByte(s[j+1]) {
		j = groupsEnd(s, digitsEnd(s, j+1), ".,")
	}
	switch {
	case j+1 < len(s) && isRESpace(s[j]) && s[j+1] == '%':
		return j + 2
	case j < len(s) && s[j] == '%':
		return j + 1
	case j < len(s) && isRESpace(s[j]):
		if n := unitsAt(s[j+1:]); n >= 0 {
			return j + 1 + n
		}
	}
	return j
}

// wordFigureAt reads wordFigure: a number word at a word boundary, white
// space and a unit. The unit is required, so a number word that matches
// without one gives way to the next ("dozens" to "dozen").
func wordFigureAt(s string) int {
	if s == "" || !isWordByte(s[0]) {
		return -1
	}
	for _, w := range numberWordList {
		n := foldPrefix(s, w)
		if n <= 0 || n >= len(s) || !isRESpace(s[n]) {
			continue
		}
		if k := unitsAt(s[n+1:]); k >= 0 {
			return n + 1 + k
		}
	}
	return -1
}

// unitsAt is the length of the unit at the start of u, -1 for none:
// "a.m.", "p.m." or a word of unitWords ending at a word boundary, then
// perhaps a second word or a rate.
func unitsAt(u string) int {
	k := -1
	if u != "" && (mayFold(u[0], 'a') || mayFold(u[0], 'p')) {
		if k = foldPrefix(u, "a.m."); k < 0 {
			k = foldPrefix(u, "p.m.")
		}
	}
	for i := 0; k < 0 && u != "" && i < len(unitForms); i++ {
		if w := unitForms[i]; mayFold(u[0], w[0]) {
			k = wordAt(u, w)
		}
	}
	if k < 0 {
		return -1
	}
	if k >= len(u) || !isRESpace(u[k]) {
		return k
	}
	rest := u[k+1:]
	for _, w := range unitSecond {
		if n := wordAt(rest, w); n > 0 {
			return k + 1 + n
		}
	}
	if n := foldPrefix(rest, "per"); n > 0 && n < len(rest) && isRESpace(rest[n]) {
		for _, w := range unitRate {
			if m := wordAt(rest[n+1:], w); m > 0 {
				return k + 1 + n + 1 + m
			}
		}
	}
	return k
}

// wordAt is foldPrefix(x, lit) when a word boundary follows the match,
// else -1.
func wordAt(x, lit string) int {
	n := foldPrefix(x, lit)
	if n < 0 || isWordByte(x[n-1]) == (n < len(x) && isWordByte(x[n])) {
		return -1
	}
	return n
}

// foldPrefix is the length in bytes of the start of x that matches lit
// (lower-case ASCII, non-empty) case-insensitively, -1 when it does not.
func foldPrefix(x, lit string) int {
	i := 0
	for j := 0; j < len(lit); j++ {
		c := lit[j]
		switch {
		case i >= len(x):
			return -1
		case c == 'k' && strings.HasPrefix(x[i:], "\u212a"): // the Kelvin sign
			i += len("\u212a")
		case c == 's' && strings.HasPrefix(x[i:], "\u017f"): // the long s
			i += len("\u017f")
		case x[i] == c, c >= 'a' && c <= 'z' && x[i] == c-('a'-'A'):
			i++
		default:
			return -1
		}
	}
	return i
}

// mayFold says whether byte b may begin a match of the letter c: it is
// c in either case, or the first byte of a character that is not ASCII.
func mayFold(b, c byte) bool { return b|0x20 == c || b >= 0x80 }

// currencySign is the length of a currency sign at the start of s
// ([$€£¥₩]), 0 for none.
func currencySign(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] == '$':
		return 1
	case s[0] < 0x80:
		return 0
	}
	for _, c := range []string{"€", "£", "¥", "₩"} {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}

// digitsEnd is the end of the run of digits from i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

// groupsEnd reads (?:[seps]\d+)* from j.
func groupsEnd(s string, j int, seps string) int {
	for j+1 < len(s) && isSep(s[j], seps) && isDigitByte(s[j+1]) {
		j = digitsEnd(s, j+1)
	}
	return j
}

func isSep(c byte, seps string) bool {
	for i := 0; i < len(seps); i++ {
		if seps[i] == c {
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is \w: an ASCII letter, digit or _. A byte of a multi-byte
// character is none.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// isRESpace is \s.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

package yonhap

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The patterns every page goes through (the " date" line, the byline, the
// dateline, the marker groups of the headline) are written out as string
// code below rather than compiled as regular expressions: compiling them
// cost a third of a millisecond at every start of lede, more than parsing
// a page. Each function says which pattern it stands for, and
// match_test.go checks it against that pattern on every line of the corpus
// and under fuzzing. The rarer patterns stay regular expressions, compiled
// on first use (lazyRE) and only after a plain string test shows they
// could match.

// isSpace is \s in Go's regular expressions: ASCII white space only.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// skipSpace returns the index of the first byte at or after i that is
// not \s.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// trimSpaceRight drops trailing \s.
func trimSpaceRight(s string) string {
	i := len(s)
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	return s[:i]
}

// foldPrefix reports whether s starts with lit under the case folding of
// (?i) (each letter matches its whole Unicode fold orbit, so "s" matches
// "ſ" too) and returns the length of that prefix in s.
func foldPrefix(s, lit string) (int, bool) {
	i := 0
	for _, want := range lit {
		if i >= len(s) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !foldEq(r, want) {
			return 0, false
		}
		i += n
	}
	return i, true
}

// foldEq reports whether r and want are equal under simple case folding.
func foldEq(r, want rune) bool {
	if r == want {
		return true
	}
	if r < utf8.RuneSelf && want < utf8.RuneSelf {
		// Two ASCII characters fold together only as the two cases of
		// a letter; SimpleFold's table search was most of a note's
		// parse.
		l := r | 0x20
		return l == want|0x20 && l >= 'a' && l <= 'z'
	}
	for f := unicode.SimpleFold(want); f != want; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// containsFold reports whether lit occurs in s under (?i) case folding.
// It is the quick test run before a lazily compiled (?i) pattern that
// needs lit.
func containsFold(s, lit string) bool {
	if lit == "" {
		return true
	}
	first := rune(lit[0])
	for i := 0; i < len(s); i++ {
		if c := rune(s[i]); c < utf8.RuneSelf && first < utf8.RuneSelf && !foldEq(c, first) {
			continue // an ASCII byte that cannot start lit
		}
		if _, ok := foldPrefix(s[i:], lit); ok {
			return true
		}
	}
	return false
}

// matchDateLine reads the first line most stored pages start with,
// " date 2019-12-30 " then the rest of the first line of the page. It
// stands for ^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+(.*))?$ and returns
// the year, month, day and the rest of the line.
func matchDateLine(s string) (y, mo, d, rest string, ok bool) {
	i := skipSpace(s, 0)
	if !strings.HasPrefix(s[i:], "date") {
		return "", "", "", "", false
	}
	i += len("date")
	j := skipSpace(s, i)
	if j == i || len(s)-j < len("2006-01-02") {
		return "", "", "", "", false
	}
	ds := s[j : j+10]
	for k := 0; k < 10; k++ {
		if k == 4 || k == 7 {
			if ds[k] != '-' {
				return "", "", "", "", false
			}
		} else if !isDigit(ds[k]) {
			return "", "", "", "", false
		}
	}
	i = j + 10
	if i < len(s) {
		// The rest follows white space and is one line: "." does not
		// match a newline.
		j = skipSpace(s, i)
		if j == i || strings.IndexByte(s[j:], '\n') >= 0 {
			return "", "", "", "", false
		}
		rest = s[j:]
	}
	return ds[:4], ds[5:7], ds[8:10], rest, true
}

// matchLeadingGroup finds one parenthesised group at the start of a
// headline, such as "(2nd LD) ". It stands for ^\(([^()]{1,80})\)\s* and
// returns the end of the group's inner text and the end of the match.
func matchLeadingGroup(s string) (innerEnd, end int, ok bool) {
	if !strings.HasPrefix(s, "(") {
		return 0, 0, false
	}
	i, n := 1, 0
	for i < len(s) && s[i] != '(' && s[i] != ')' {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n++
	}
	if n < 1 || n > 80 || i >= len(s) || s[i] != ')' {
		return 0, 0, false
	}
	return i, skipSpace(s, i+1), true
}

// matchNthLD reads "2nd LD", "11th LD" and the typo "2nd D" seen on real
// pages. It stands for (?i)^(\d{1,2})(?:st|nd|rd|th)\s*(?:LD|D|LEAD)$ and
// returns the number's digits.
func matchNthLD(s string) (string, bool) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < 1 || i > 2 {
		return "", false
	}
	num := s[:i]
	n, ok := 0, false
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if n, ok = foldPrefix(s[i:], suf); ok {
			break
		}
	}
	if !ok {
		return "", false
	}
	rest := s[skipSpace(s, i+n):]
	for _, w := range [...]string{"LD", "D", "LEAD"} {
		if n, ok := foldPrefix(rest, w); ok && n == len(rest) {
			return num, true
		}
	}
	return "", false
}

// isNameRune is [\p{L}.'-], a character of a word in a byline.
func isNameRune(r rune) bool {
	return r == '.' || r == '\'' || r == '-' || unicode.IsLetter(r)
}

// matchByline reads "By Koh Byung-joon", "By Song Sang-ho and Kim
// Seung-yeon". It stands for
// ^By\s+([A-Z][\p{L}.'-]*(?:[\s,]+(?:and\s+)?[\p{L}.'-]+){0,12})$ and
// returns the names after "By". Name words and separators ([\s,]+) never
// share a character, so the line splits into words one way only; the
// pattern allows twelve more words after the first, and an "and" followed
// by plain white space does not count, as (?:and\s+)? takes it with the
// word after it.
func matchByline(s string) (string, bool) {
	if !strings.HasPrefix(s, "By") {
		return "", false
	}
	start := skipSpace(s, 2)
	if start == 2 || start >= len(s) || !isUpperASCII(s[start]) {
		return "", false
	}
	type token struct {
		word  string
		comma bool // a separator holding a comma
	}
	var toks []token // alternating words and separators, from a word
	i := start
	for i < len(s) {
		j := i
		for j < len(s) {
			r, w := utf8.DecodeRuneInString(s[j:])
			if !isNameRune(r) {
				break
			}
			j += w
		}
		if j == i {
			return "", false
		}
		toks = append(toks, token{word: s[i:j]})
		if j == len(s) {
			break
		}
		k := j
		for k < len(s) && (isSpace(s[k]) || s[k] == ',') {
			k++
		}
		if k == j || k == len(s) {
			return "", false
		}
		toks = append(toks, token{comma: strings.IndexByte(s[j:k], ',') >= 0})
		i = k
	}
	// Words after the first, less the "and"s that join the next word.
	words := len(toks) / 2
	for w := 1; w < len(toks)/2; w++ {
		if toks[2*w].word == "and" && !toks[2*w+1].comma {
			words--
			w++ // the word after "and" cannot be one itself
		}
	}
	if words > 12 {
		return "", false
	}
	return s[start:], true
}

// isWordByte is \w, the word characters of \b.
func isWordByte(c byte) bool {
	return isDigit(c) || isUpperASCII(c) || isLowerASCII(c) || c == '_'
}

// matchNoteLine reads an editor's note line, "(ATTN: ...)", or the
// variants "(ATT: ...)" and "(ATTN ...)" seen on real pages; the closing
// parenthesis is optional because pages get cut off. It stands for
// (?i)^\(\s*ATTN?\b\s*[:;.]?\s*(.*?)\s*\)?\s*$ and returns the note's text:
// the rest of the line without white space and one closing parenthesis at
// its end. The text is one line.
func matchNoteLine(s string) (string, bool) {
	if !strings.HasPrefix(s, "(") {
		return "", false
	}
	i := skipSpace(s, 1)
	n, ok := foldPrefix(s[i:], "ATT")
	if !ok {
		return "", false
	}
	i += n
	if n, ok := foldPrefix(s[i:], "N"); ok {
		i += n
	}
	if i < len(s) && isWordByte(s[i]) {
		return "", false // no \b after ATT or ATTN
	}
	i = skipSpace(s, i)
	if i < len(s) && strings.IndexByte(":;.", s[i]) >= 0 {
		i++
	}
	i = skipSpace(s, i)
	end := len(trimSpaceRight(strings.TrimSuffix(trimSpaceRight(s), ")")))
	if end < i {
		end = i
	}
	if strings.IndexByte(s[i:end], '\n') >= 0 {
		return "", false
	}
	return s[i:end], true
}

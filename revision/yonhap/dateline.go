package yonhap

import (
	"strings"
	"unicode/utf8"
)

// datelineMatch is what matchDateline finds: the end of the match and of
// its parts, as byte offsets into the paragraph; a part that is absent has
// its end at -1.
type datelineMatch struct {
	place                      int // "SEOUL", "BEIJING/SEOUL": [0, place)
	monthAt, month, dayAt, day int // "Dec.", "30"
	agencyAt, agency           int // "Yonhap"
	end                        int
}

// isPlaceByte is [A-Z.'&-], a character of a dateline's place name.
func isPlaceByte(c byte) bool {
	return isUpperASCII(c) || c == '.' || c == '\'' || c == '&' || c == '-'
}

// matchDateline reads the dateline that opens the lead:
// "SEOUL, Dec. 30 (Yonhap) -- ", "BEIJING/SEOUL, Dec. 19 (Yonhap) -- ",
// and the bare "SEOUL -- " of digests. It stands for
//
//	^([A-Z][A-Z.'&-]*(?:[ /][A-Z][A-Z.'&-]*)*)(?:,\s*([A-Z][a-z]{2,8}\.?)\s+(\d{1,2}))?(?:\s*\(([^()]{2,40})\))?\s*(?:--|—|–)\s*
//
// with the same leftmost-first choice of parts. The place may end inside
// one of its words (a place such as "SEOUL--" holds the dashes the
// pattern needs next), so ends are tried in the order the pattern tries
// them: the last word of the place from its longest to its shortest, then
// the word before it, and so on. Every other part has one way to match.
func matchDateline(s string) (datelineMatch, bool) {
	if len(s) == 0 || !isUpperASCII(s[0]) {
		return datelineMatch{}, false
	}
	// The words of the place: each starts with [A-Z], after a space or a
	// slash that ends the word before it.
	var starts, ends []int
	for i := 0; ; {
		j := i + 1
		for j < len(s) && isPlaceByte(s[j]) {
			j++
		}
		starts, ends = append(starts, i), append(ends, j)
		if j+1 >= len(s) || (s[j] != ' ' && s[j] != '/') || !isUpperASCII(s[j+1]) {
			break
		}
		i = j + 1
	}
	for w := len(starts) - 1; w >= 0; w-- {
		for e := ends[w]; e > starts[w]; e-- {
			if m, ok := matchDatelineRest(s, e); ok {
				return m, true
			}
		}
	}
	return datelineMatch{}, false
}

// matchDatelineRest matches what follows a place ending at i: the
// optional date, the optional agency, then the dash.
func matchDatelineRest(s string, i int) (datelineMatch, bool) {
	m := datelineMatch{place: i, month: -1, day: -1, agency: -1}
	if j, ok := matchDatelineDate(s, i, &m); ok {
		if m, ok := matchDatelineAgency(s, j, m); ok {
			return m, true
		}
		m.month, m.day = -1, -1
	}
	return matchDatelineAgency(s, i, m)
}

// matchDatelineDate matches ,\s*([A-Z][a-z]{2,8}\.?)\s+(\d{1,2}) at i.
func matchDatelineDate(s string, i int, m *datelineMatch) (int, bool) {
	if i >= len(s) || s[i] != ',' {
		return 0, false
	}
	j := skipSpace(s, i+1)
	if j >= len(s) || !isUpperASCII(s[j]) {
		return 0, false
	}
	k := j + 1
	for k < len(s) && isLowerASCII(s[k]) {
		k++
	}
	if n := k - j - 1; n < 2 || n > 8 {
		return 0, false
	}
	if k < len(s) && s[k] == '.' {
		k++
	}
	d := skipSpace(s, k)
	if d == k {
		return 0, false
	}
	e := d
	for e < len(s) && e-d < 2 && isDigit(s[e]) {
		e++
	}
	if e == d {
		return 0, false
	}
	m.monthAt, m.month, m.dayAt, m.day = j, k, d, e
	return e, true
}

// matchDatelineAgency matches (?:\s*\(([^()]{2,40})\))?\s*(?:--|—|–)\s* at i.
func matchDatelineAgency(s string, i int, m datelineMatch) (datelineMatch, bool) {
	if j := skipSpace(s, i); j < len(s) && s[j] == '(' {
		k, n := j+1, 0
		for k < len(s) && s[k] != '(' && s[k] != ')' && n <= 40 {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
			n++
		}
		if n >= 2 && n <= 40 && k < len(s) && s[k] == ')' {
			a := m
			a.agencyAt, a.agency = j+1, k
			if end, ok := matchDatelineDash(s, k+1); ok {
				a.end = end
				return a, true
			}
		}
	}
	end, ok := matchDatelineDash(s, i)
	m.end = end
	return m, ok
}

// matchDatelineDash matches \s*(?:--|—|–)\s* at i.
func matchDatelineDash(s string, i int) (int, bool) {
	j := skipSpace(s, i)
	for _, d := range [...]string{"--", "—", "–"} {
		if strings.HasPrefix(s[j:], d) {
			return skipSpace(s, j+len(d)), true
		}
	}
	return 0, false
}

// isDateline reports whether s opens with a dateline (matchDateline).
func isDateline(s string) bool {
	_, ok := matchDateline(s)
	return ok
}

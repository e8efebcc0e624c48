package ninjs

import (
	"strings"
	"unicode/utf8"

	"lede/revision"
)

// bylineOf picks the byline: ninjs 1.x "byline", 3.0 "by", else the
// writers in "bylines" (AP's {"by"}, TT's {"byline"}), photographers
// left out. The "By" that opens it, in English or the languages of the
// agencies that send ninjs ("Von", "Av", "Af"), is dropped as the
// contract asks.
func bylineOf(it *item) string {
	s := it.Byline
	if s == "" {
		s = it.By
	}
	if s == "" {
		var names []string
		for _, b := range it.Bylines {
			role := strings.ToLower(b.Role)
			if strings.Contains(role, "foto") || strings.Contains(role, "photo") {
				continue
			}
			if n := strings.TrimSpace(b.By + b.Byline); n != "" {
				names = append(names, n)
			}
		}
		s = strings.Join(names, " and ")
	}
	s = collapse(s)
	for _, by := range []string{"By ", "Von ", "Av ", "Af "} {
		if rest, ok := cutFold(s, by); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// authors splits a byline into names, leaving out the agency's own
// credit ("Christian Hollmann, dpa" is one author; TT's "Martin
// Hardenberger/TT" is Martin Hardenberger).
func authors(byline, agency string) []string {
	var out []string
	f := func(r rune) bool { return r == ',' || r == ';' }
	for _, part := range strings.FieldsFunc(byline, f) {
		for _, name := range splitAnd(part) {
			if i := strings.LastIndexByte(name, '/'); i > 0 && strings.EqualFold(strings.TrimSpace(name[i+1:]), agency) {
				name = name[:i]
			}
			name = strings.TrimSpace(name)
			if name != "" && !strings.EqualFold(name, agency) {
				out = append(out, name)
			}
		}
	}
	return out
}

// splitAnd splits "A and B" (also "und", "og", "och").
func splitAnd(s string) []string {
	for _, and := range []string{" and ", " und ", " og ", " och "} {
		if strings.Contains(s, and) {
			return strings.Split(s, and)
		}
	}
	return []string{s}
}

// dateline reads the dateline that opens the lead. located, when the
// item gives it ("BUFFALO, N.Y."), is the place; the lead is then
// expected to open with it, followed by the agency's credit in
// parentheses and a dash: "BUFFALO, N.Y. (AP) — ". Without located, a
// place in capitals followed by a credit and a dash is read the same way.
func dateline(lead, located string) revision.Dateline {
	var d revision.Dateline
	place := strings.TrimSpace(located)
	rest := lead
	if place != "" {
		d.Place = place
		r, ok := cutFold(lead, place)
		if !ok {
			return d
		}
		rest = r
	} else {
		i := strings.Index(lead, " (")
		if i <= 0 || i > 60 || !upperPlace(lead[:i]) {
			return d
		}
		place, rest = lead[:i], lead[i:]
	}
	credit, after, ok := parenCredit(rest)
	if !ok {
		return d
	}
	dash, ok := leadDash(after)
	if !ok {
		return d
	}
	d.Place, d.Agency = place, credit
	d.Text = lead[:len(lead)-len(after)+dash]
	return d
}

// parenCredit reads " (AP)" at the start of s.
func parenCredit(s string) (credit, rest string, ok bool) {
	s2 := strings.TrimLeft(s, " ")
	if !strings.HasPrefix(s2, "(") {
		return "", s, false
	}
	end := strings.IndexByte(s2, ')')
	if end < 2 || end > 40 {
		return "", s, false
	}
	return strings.TrimSpace(s2[1:end]), s2[end+1:], true
}

// leadDash returns the length of the " — " (em or en dash, "--", "-")
// that ends a dateline at the start of s.
func leadDash(s string) (int, bool) {
	t := strings.TrimLeft(s, " ")
	for _, d := range []string{"—", "–", "--", "-"} {
		if strings.HasPrefix(t, d) {
			n := len(s) - len(t) + len(d)
			return n + len(s[n:]) - len(strings.TrimLeft(s[n:], " ")), true
		}
	}
	return 0, false
}

// upperPlace reports whether s reads as a dateline place: letters in
// capitals, with spaces, commas, periods, apostrophes, slashes and
// hyphens.
func upperPlace(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r == ' ' || r == ',' || r == '.' || r == '\'' || r == '/' || r == '-':
		case r >= 'A' && r <= 'Z', r > utf8.RuneSelf && strings.ToUpper(string(r)) == string(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2
}

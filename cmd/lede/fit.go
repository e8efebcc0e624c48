package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fitText wraps every line of text that is wider than width columns at
// spaces, with a hanging indent: continuation lines start under the
// text after the line's gutter ("~   3  " of a diff, the columns of a
// history line, "summary   "), so paragraph numbers and labels stand
// clear as they do in lede parse. A word wider than the room left is
// broken. Colour codes (ESC [ ... m) take no room; a colour open at a
// break is closed before it and opened again after the indent, so the
// indent is never struck through. width <= 0 leaves text as it is.
func fitText(text string, width int) string {
	if width <= 0 {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	var b strings.Builder
	for _, line := range lines {
		body := strings.TrimSuffix(line, "\n")
		if visibleWidth(body) <= width {
			b.WriteString(line)
			continue
		}
		b.WriteString(fitLine(body, width))
		if len(body) < len(line) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// piece is a run of a line: a colour code, a run of spaces or a word.
type piece struct {
	text  string
	sgr   bool
	space bool
	width int
}

// pieces splits a line into colour codes, spaces and words.
func pieces(line string) []piece {
	var out []piece
	for i := 0; i < len(line); {
		if end := sgrEnd(line, i); end > 0 {
			out = append(out, piece{text: line[i:end], sgr: true})
			i = end
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		space := r == ' '
		j := i + n
		for j < len(line) && sgrEnd(line, j) == 0 {
			r2, n2 := utf8.DecodeRuneInString(line[j:])
			if (r2 == ' ') != space {
				break
			}
			j += n2
		}
		out = append(out, piece{text: line[i:j], space: space, width: visibleWidth(line[i:j])})
		i = j
	}
	return out
}

// sgrEnd is the end of the colour code ESC [ digits ; m at i, 0 for none.
func sgrEnd(s string, i int) int {
	if !strings.HasPrefix(s[i:], "\x1b[") {
		return 0
	}
	for j := i + 2; j < len(s); j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case c != ';' && (c < '0' || c > '9'):
			return 0
		}
	}
	return 0
}

// hangAt is the column continuation lines of line start at: the end of
// the last run of two or more spaces (or of the leading spaces) within
// the first width-20 columns, 0 when there is none.
func hangAt(ps []piece, width int) int {
	hang, col := 0, 0
	for i, p := range ps {
		if col > width-20 {
			break
		}
		if p.space && (p.width >= 2 || i == 0) && col+p.width <= width-20 {
			hang = col + p.width
		}
		col += p.width
	}
	return hang
}

// fitLine breaks one line into lines of at most width columns.
func fitLine(line string, width int) string {
	ps := pieces(line)
	hang := hangAt(ps, width)
	indent := strings.Repeat(" ", hang)
	var b strings.Builder
	col, open := 0, "" // open: the colour code in force, "" for none
	newLine := func() {
		if open != "" {
			b.WriteString("\x1b[0m")
		}
		b.WriteString("\n" + indent + open)
		col = hang
	}
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		switch {
		case p.sgr:
			b.WriteString(p.text)
			if p.text == "\x1b[0m" {
				open = ""
			} else {
				open = p.text
			}
		case p.space:
			if col+p.width >= width || col+p.width+nextWord(ps[i+1:]) > width && col > hang {
				newLine() // a break takes the place of the spaces
				continue
			}
			b.WriteString(p.text)
			col += p.width
		default:
			text := p.text
			for col+visibleWidth(text) > width {
				if col > hang && (visibleWidth(text) <= width-hang || col >= width) {
					newLine()
					continue
				}
				head, rest := splitWidth(text, width-col)
				b.WriteString(head)
				text = rest
				newLine()
			}
			b.WriteString(text)
			col += visibleWidth(text)
		}
	}
	return b.String()
}

// nextWord is the width of the word that follows, colour codes aside.
func nextWord(ps []piece) int {
	for _, p := range ps {
		if !p.sgr {
			if p.space {
				return 0
			}
			return p.width
		}
	}
	return 0
}

// splitWidth cuts s after at most n columns (at least one character).
func splitWidth(s string, n int) (string, string) {
	w := 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > n && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

// visibleWidth is how many columns s takes on a terminal, colour codes
// aside.
func visibleWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		if end := sgrEnd(s, i); end > 0 {
			i = end
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\t' {
			w += 8 - w%8
		} else {
			w += runeWidth(r)
		}
		i += n
	}
	return w
}

// runeWidth is the columns one character takes: two for the wide
// characters of Hangul, CJK and full-width forms, none for combining
// marks, one otherwise.
func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || r == 0x200B:
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1FAFF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

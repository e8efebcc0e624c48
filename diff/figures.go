package diff

import (
	"strings"
	"unicode/utf8"

	"lede/revision"
)

// Figure is a changed number of a paragraph (see revision.Figure).
type Figure = revision.Figure

// A figure in text is an optional currency sign, a number
// (with thousands separators, decimals, a time's colon, an ordinal
// ending, a score's or range's second number) and an optional unit or
// word ("%", "a.m.", "billion won", "dead"); or a number word that a unit
// follows ("three dead"). A bare number word ("one of the") is not a
// figure: it changes in rewording far more often than in the news. The
// expression is written out in figure_expr_test.go, the reference the
// hand-written reader of figurematch.go is checked against.
//
// figureAtStart is the figure at the start of text: its end, -1 for none
// (matchFigure, figurematch.go).
func figureAtStart(text string) int { return matchFigure(text) }

// span is a place in a text, [start, end) in bytes.
type span struct{ start, end int }

// overlaps reports whether a figure at f is touched by the change at h.
// An empty h (an insertion on the other side) touches f only strictly
// inside it, so that words added next to a figure do not count as
// changing it.
func (f span) overlaps(h span) bool {
	if h.start == h.end {
		return f.start < h.start && h.start < f.end
	}
	return f.start < h.end && h.start < f.end
}

// figureSpans lists the figures of text. A match inside a word
// ("COVID-19", "G20") is not one.
func figureSpans(text string) []span {
	var out []span
	for p := 0; p < len(text); {
		if !mayStartFigure(text, p) {
			p++
			continue
		}
		n := figureAtStart(text[p:figureWindow(text, p)])
		if n < 0 {
			p++
			continue
		}
		start, end := p, p+n
		p = end
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && (isWordRune(r) || r == '-') {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isWordRune(r) {
			continue
		}
		out = append(out, span{start, end})
	}
	return out
}

// figureWindow is where the text a figure starting at p could span
// ends: its number's digits and separators, then room for the longest
// unit and the character after it that a word boundary looks at. The
// regular expression machine costs by the length of what it is given.
func figureWindow(text string, p int) int {
	j := p + min(len(text)-p, 4) // a currency sign or "US$"
	for j < len(text) && strings.IndexByte("0123456789.,:-", text[j]) >= 0 {
		j++
	}
	return min(len(text), j+64)
}

// mayStartFigure reports whether a figure can begin at text[p]: a digit,
// a currency sign, "US$", or the first letter of a number word at the
// start of a word. The expression searched unanchored tries itself at
// every place of every changed paragraph, most of a diff's time; the
// anchored expression is tried only here, and finds the same matches
// (TestFigureSpansAgreeWithSearch).
func mayStartFigure(text string, p int) bool {
	c := text[p]
	switch {
	case c >= '0' && c <= '9', c == '$':
		return true
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(text[p:])
		return strings.ContainsRune("€£¥₩", r)
	}
	if p > 0 {
		if b := text[p-1]; b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' {
			return false // \b: not the start of a word
		}
	}
	end := p
	for end < len(text) && (text[end]|0x20 >= 'a' && text[end]|0x20 <= 'z') {
		end++
	}
	// The word is ASCII letters, lower-cased by setting one bit, into a
	// buffer on the stack: every word start of every changed paragraph
	// comes here, and a lower-cased copy of each was half of finding a
	// diff's figures. No number word is longer than nine letters.
	if end < len(text) && text[end] >= utf8.RuneSelf {
		// A letter the expression folds to s or k (ſ, K) may go on
		// with the word ("thouſands"): matchFigure decides.
		return true
	}
	n := end - p
	if n < 2 || n > 9 {
		return false
	}
	var buf [9]byte
	for i := range n {
		buf[i] = text[p+i] | 0x20
	}
	w := buf[:n]
	return numberWords[string(w)] || string(w) == "us" && end < len(text) && text[end] == '$'
}

// numberWordList are the words figurePattern takes for a number when a unit
// follows, a longer word before its prefix ("dozens", "dozen");
// numberWords is the set of them, for mayStartFigure.
var (
	numberWordList = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "dozens", "dozen", "hundreds", "thousands"}
	numberWords = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range numberWordList {
			m[w] = true
		}
		return m
	}()
)

// hunk is one run of changed words, its place on the old and new sides.
type hunk struct{ old, new span }

// hunks lists the runs of deleted and inserted words between equal ones.
func hunks(ws []Word) []hunk {
	var out []hunk
	o, n := 0, 0
	open := false
	for _, w := range ws {
		if w.Op == OpEqual || w.Cut {
			open = false
			o += len(w.Text)
			n += len(w.Text)
			continue
		}
		if !open {
			out = append(out, hunk{span{o, o}, span{n, n}})
			open = true
		}
		h := &out[len(out)-1]
		if w.Op == OpDelete {
			o += len(w.Text)
			h.old.end = o
		} else {
			n += len(w.Text)
			h.new.end = n
		}
	}
	return out
}

// touched lists the figures of spans a change at h touches.
func touched(spans []span, h span) []span {
	var out []span
	for _, s := range spans {
		if s.overlaps(h) {
			out = append(out, s)
		}
	}
	return out
}

// Figures lists the figures an update changed: in each changed
// paragraph, every run of changed words that replaces a figure with
// another, paired in order ("18 dead" → "21 dead", "3 a.m." → "9 p.m.").
// A figure only added or only removed with the words around it (a new
// sentence that mentions a year) is not a changed figure and is left out.
func Figures(ps []Para) []Figure {
	out := []Figure{}
	for _, p := range ps {
		if p.Cut || p.Words == nil || p.New == nil || p.Old == nil {
			continue
		}
		oldText, newText := OldText(p.Words), NewText(p.Words)
		oldSpans, newSpans := figureSpans(oldText), figureSpans(newText)
		if len(oldSpans) == 0 || len(newSpans) == 0 {
			continue
		}
		seen := map[[2]span]bool{}
		for _, h := range hunks(p.Words) {
			olds, news := touched(oldSpans, h.old), touched(newSpans, h.new)
			for i := range min(len(olds), len(news)) {
				o, n := olds[i], news[i]
				of, nf := oldText[o.start:o.end], newText[n.start:n.end]
				if of == nf || seen[[2]span{o, n}] {
					continue
				}
				seen[[2]span{o, n}] = true
				out = append(out, Figure{Para: *p.New, Old: of, New: nf,
					Context: figureContext(newText, n), Label: figureLabel(newText[prevEnd(newSpans, n):n.start])})
			}
		}
	}
	return out
}

// prevEnd is where the figure before f ends, 0 for none: the words
// after a figure label that one ("13 km per hour"), not the next.
func prevEnd(spans []span, f span) int {
	end := 0
	for _, s := range spans {
		if s.end <= f.start {
			end = s.end
		}
	}
	return end
}

// clauseStart is where the clause holding the text's end begins: after
// the last sentence or clause break, or a dateline's "--".
func clauseStart(text string) int {
	at := 0
	for _, brk := range []string{". ", "; ", ": ", ", ", "? ", "! ", "-- ", "— ", "(", ")", "\""} {
		if i := strings.LastIndex(text, brk); i >= 0 && i+len(brk) > at {
			at = i + len(brk)
		}
	}
	return at
}

// figureContext is the new text around a figure: up to five words of
// its clause before it and two after.
func figureContext(text string, f span) string {
	before := strings.Fields(text[clauseStart(text[:f.start]):f.start])
	before = before[max(0, len(before)-5):]
	after := strings.Fields(text[f.end:])
	after = after[:min(2, len(after))]
	for i, w := range after {
		if strings.ContainsAny(w, ".,;:") {
			after = append(after[:i], strings.TrimRight(w, ".,;:"))
			break
		}
	}
	return strings.TrimSpace(strings.Join(append(append(before, text[f.start:f.end]), after...), " "))
}

// labelSkip are the words between a figure and what it counts that the
// label drops: "the death toll rose to 21" is labelled "death toll".
var labelSkip = map[string]bool{
	"a": true, "an": true, "the": true, "to": true, "at": true, "of": true, "by": true, "from": true,
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true, "been": true,
	"rose": true, "climbed": true, "jumped": true, "fell": true, "dropped": true, "reached": true,
	"stood": true, "hit": true, "totaled": true, "totalled": true, "with": true, "on": true, "in": true,
	"about": true, "some": true, "nearly": true, "around": true, "over": true, "than": true, "more": true,
	"least": true, "and": true, "as": true, "for": true, "up": true, "down": true, "only": true, "just": true,
	"now": true, "since": true, "until": true, "after": true, "before": true, "almost": true, "approximately": true,
	"or": true, "that": true, "said": true, "says": true, "per": true, "its": true, "it": true,
}

// figureLabel is the few words before a figure, in its clause, that say
// what it counts; "" when none do.
func figureLabel(before string) string {
	words := strings.Fields(before[clauseStart(before):])
	// Words up to an earlier figure count that one, not this.
	for i := len(words) - 1; i >= 0; i-- {
		if strings.ContainsAny(words[i], "0123456789") {
			words = words[i+1:]
			break
		}
	}
	for len(words) > 0 && labelSkip[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	words = words[max(0, len(words)-3):]
	for len(words) > 0 && labelSkip[strings.ToLower(words[0])] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

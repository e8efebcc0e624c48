package revisiontest

import (
	"strconv"
	"strings"
)

// Edits inside a sentence: a figure updated ("3 more cases" becomes "5
// more cases"), a word swapped for another, an attribution appended.

// eachFigure calls fn with the bounds of every standalone figure in
// text[from:] ("142", "7,134", "6.69", "US$45.6") until fn returns false.
// Parts of names and ranges (COVID-19, B-1B, 1950-53, 2+2, 300-member),
// clock times and years are not figures.
func eachFigure(text string, from int, fn func(start, end int) bool) {
	for i := from; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && text[i-1] != ' ' && text[i-1] != '$' {
			continue
		}
		j, dotted := i, false
		for j < len(text) {
			if isDigit(text[j]) {
				j++
			} else if (text[j] == ',' || text[j] == '.') && j+1 < len(text) && isDigit(text[j+1]) {
				dotted = true
				j++
			} else {
				break
			}
		}
		end := j
		if j < len(text) && !strings.ContainsRune(" ,.;)", rune(text[j])) {
			i = j
			continue
		}
		if !dotted && end-i == 4 && text[i] <= '2' && (text[i] == '2' || text[i+1] == '9') {
			i = j // a year
			continue
		}
		if !fn(i, end) {
			return
		}
		i = j
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// bumpFigure returns another value for a figure, in the same format:
// higher, as tolls and counts rise through the day, or with mayDrop
// sometimes lower.
func (s *story) bumpFigure(fig string, mayDrop bool) string {
	intPart, frac, _ := strings.Cut(fig, ".")
	digits := strings.ReplaceAll(intPart, ",", "") + frac
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return fig
	}
	delta := 1 + s.r.Int64N(max(1, v/4))
	if mayDrop && s.r.IntN(100) < 20 && v > delta {
		delta = -delta
	}
	v += delta
	scale := int64(1)
	for range frac {
		scale *= 10
	}
	out := appendThousands(nil, int(v/scale))
	if len(frac) > 0 {
		f := strconv.FormatInt(v%scale, 10)
		out = append(out, '.')
		out = append(out, strings.Repeat("0", len(frac)-len(f))...)
		out = append(out, f...)
	}
	return string(out)
}

// tryOrder is the order in which to try three ways of making an edit,
// each falling back on the next: the first way first, except in p2
// percent of cases the second and in p3 percent the third.
func (s *story) tryOrder(p2, p3 int) [3]int {
	switch k := s.r.IntN(100); {
	case k < p2:
		return [3]int{1, 0, 2}
	case k < p2+p3:
		return [3]int{2, 0, 1}
	}
	return [3]int{0, 1, 2}
}

// changeWords changes words inside paragraph i; it reports whether it did.
func (s *story) changeWords(i int) bool {
	from := 0
	if i == 0 {
		from = len(s.dateline)
	}
	text := s.paras[i].text
	ways := [3]func(string, int) (string, bool){s.changeFigure, s.swapWords, s.appendClause}
	for _, w := range s.tryOrder(30, 10) {
		if out, ok := ways[w](text, from); ok {
			s.paras[i].text = out
			return true
		}
	}
	return false
}

// changeFigure updates one figure of text[from:], chosen at random.
func (s *story) changeFigure(text string, from int) (string, bool) {
	start, end, seen := 0, 0, 0
	eachFigure(text, from, func(a, b int) bool {
		seen++
		if s.r.IntN(seen) == 0 {
			start, end = a, b
		}
		return true
	})
	if seen == 0 {
		return text, false
	}
	return text[:start] + s.bumpFigure(text[start:end], true) + text[end:], true
}

// swapWords replaces one word or phrase with another of the same sense.
func (s *story) swapWords(text string, from int) (string, bool) {
	return swapFrom(s, bodySwaps, text, from)
}

func swapFrom(s *story, swaps [][2]string, text string, from int) (string, bool) {
	k := s.r.IntN(len(swaps))
	for n := 0; n < len(swaps); n++ {
		pair := swaps[(k+n)%len(swaps)]
		if out, ok := replaceWord(text, from, pair[0], pair[1]); ok {
			return out, true
		}
		if out, ok := replaceWord(text, from, pair[1], pair[0]); ok {
			return out, true
		}
	}
	return text, false
}

// replaceWord replaces the first whole-word a in text[from:] with b.
func replaceWord(text string, from int, a, b string) (string, bool) {
	for off := from; off < len(text); {
		i := strings.Index(text[off:], a)
		if i < 0 {
			return text, false
		}
		i += off
		j := i + len(a)
		before := i == 0 || text[i-1] == ' '
		after := j == len(text) || strings.IndexByte(" ,.;:\")", text[j]) >= 0
		if before && after {
			return text[:i] + b + text[j:], true
		}
		off = i + 1
	}
	return text, false
}

// appendClause adds an attribution to a sentence that has none.
func (s *story) appendClause(text string, from int) (string, bool) {
	n := len(text)
	if n-from < 20 || text[n-1] != '.' || strings.Contains(text, " said") || strings.Contains(text, "according to") {
		return text, false
	}
	if c := text[n-2]; !(c >= 'a' && c <= 'z' || isDigit(c)) {
		return text, false
	}
	return text[:n-1] + clauses[s.r.IntN(len(clauses))] + ".", true
}

// changeHeadline rewords the headline: a figure updated (and the same
// figure in the body with it), words swapped, or another headline on the
// same facts. It reports whether the headline changed.
func (s *story) changeHeadline() bool {
	old := s.headline
	ways := [3]func() bool{s.headlineFigure, s.headlineSwap, s.headlineAlt}
	for _, w := range s.tryOrder(35, 30) {
		if ways[w]() && s.headline != old {
			return true
		}
		s.headline = old
	}
	return false
}

func (s *story) headlineFigure() bool {
	fig, ok := "", false
	eachFigure(s.headline, 0, func(a, b int) bool {
		fig, ok = s.headline[a:b], true
		return s.r.IntN(2) == 0
	})
	if !ok {
		return false
	}
	to := s.bumpFigure(fig, false)
	s.headline = replaceFigure(s.headline, 0, fig, to)
	for i := range s.facts {
		if s.facts[i].s == fig {
			s.facts[i].s = to // a recast lead keeps the new figure
		}
	}
	for i := range s.paras {
		from := 0
		if i == 0 {
			from = len(s.dateline)
		}
		s.paras[i].text = replaceFigure(s.paras[i].text, from, fig, to)
	}
	return true
}

func (s *story) headlineSwap() bool {
	out, ok := swapFrom(s, headSwaps, s.headline, 0)
	s.headline = out
	return ok
}

func (s *story) headlineAlt() bool {
	t := s.topic
	s.headIdx = (s.headIdx + 1 + s.r.IntN(len(t.headT)-1)) % len(t.headT)
	s.headline = s.renderString(t.headT[s.headIdx])
	return true
}

// replaceFigure replaces every standalone figure fig in text[from:] by to.
func replaceFigure(text string, from int, fig, to string) string {
	var b strings.Builder
	last := 0
	eachFigure(text, from, func(i, j int) bool {
		if text[i:j] == fig {
			if last == 0 {
				b.Grow(len(text) + 8)
			}
			b.WriteString(text[last:i])
			b.WriteString(to)
			last = j
		}
		return true
	})
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

package diff

import "strings"

// wordSet is the set of lower-cased words of a text, for similarity.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(strings.ToLower(s)) {
		if isWord(t) {
			out[t] = true
		}
	}
	return out
}

func isWord(t string) bool {
	for _, r := range t {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && !isSpaceRune(r)
	}
	return false
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' }

// dice is 2|A∩B|/(|A|+|B|).
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

// containment is the share of a's words found in b.
func containment(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(common(a, b)) / float64(len(a))
}

func common(a, b map[string]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}

// cut divides the word diff of a joined text at the single space that
// joined two paragraphs. tracked is the side the joining space was added
// to: OpInsert when two new paragraphs were joined (a split), OpDelete
// when two old ones were (a merge). at is the byte offset of that space
// on that side. If the other side has a real space there, it stays with
// the first part; otherwise the space is dropped. Both parts' sides then
// rebuild the paragraphs exactly.
func cut(ws []Word, at int, tracked Op) (first, second []Word) {
	other := OpDelete
	if tracked == OpDelete {
		other = OpInsert
	}
	add := func(part *[]Word, op Op, text string) {
		if text == "" {
			return
		}
		if n := len(*part); n > 0 && (*part)[n-1].Op == op {
			(*part)[n-1].Text += text
			return
		}
		*part = append(*part, Word{Op: op, Text: text})
	}
	off := 0
	for _, w := range ws {
		if w.Op == other {
			if off <= at {
				add(&first, w.Op, w.Text)
			} else {
				add(&second, w.Op, w.Text)
			}
			continue
		}
		start, end := off, off+len(w.Text)
		off = end
		if end <= at {
			add(&first, w.Op, w.Text)
			continue
		}
		if start > at {
			add(&second, w.Op, w.Text)
			continue
		}
		add(&first, w.Op, w.Text[:at-start])
		if w.Op == OpEqual {
			add(&first, other, " ")
		}
		add(&second, w.Op, w.Text[at-start+1:])
	}
	return first, second
}

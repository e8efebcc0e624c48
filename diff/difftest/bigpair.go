// Package difftest builds the large inputs the diff benchmarks and tests
// share, so that the in-process benchmark and the whole-command race with
// git compare the very same texts.
package difftest

import (
	"fmt"
	"strings"
)

// BigPair builds a text of about size bytes from the paragraphs of pool
// (real paragraphs, repeated and numbered so that each is distinct), and
// a new version of it with every tenth paragraph edited, a paragraph
// added after every 25th and every 40th removed.
func BigPair(pool []string, size int) (old, new []string) {
	n := 0
	for i := 0; n < size; i++ {
		p := pool[i%len(pool)] + fmt.Sprintf(" (%d)", i)
		old = append(old, p)
		n += len(p)
	}
	for i, p := range old {
		switch {
		case i%40 == 39:
			continue
		case i%10 == 0:
			p = strings.Replace(p, " the ", " a ", 1) + " Officials said more details would follow."
		}
		new = append(new, p)
		if i%25 == 24 {
			new = append(new, fmt.Sprintf("An added paragraph number %d with fresh details from the scene.", i))
		}
	}
	return old, new
}

// Counts are what BigPair did to a text of n paragraphs: paragraphs
// added, removed and changed.
func Counts(n int) (added, removed, changed int) {
	for i := range n {
		switch {
		case i%40 == 39:
			removed++
			continue
		case i%10 == 0:
			changed++
		}
		if i%25 == 24 {
			added++
		}
	}
	return added, removed, changed
}

// Unrelated is a text of as many paragraphs as old sharing no word with
// it. Each paragraph ends a sentence: a page's line that does not is
// read as wrapped, and joined with the next.
func Unrelated(old []string) []string {
	out := make([]string, len(old))
	for i := range old {
		out[i] = strings.Repeat(fmt.Sprintf("zeta%d omega%d ", i, i*7), 12) + "end."
	}
	return out
}

// Page writes paragraphs as a plain text page: a headline, then the
// paragraphs, each followed by a blank line, then Yonhap's sign-off, so
// that the page reads as complete (a page without one is read as cut
// off, and what it lacks is neither deleted nor added).
func Page(headline string, paras []string) []byte {
	var b strings.Builder
	b.WriteString(headline + "\n\n")
	for _, p := range paras {
		b.WriteString(p + "\n\n")
	}
	b.WriteString("(END)\n")
	return []byte(b.String())
}

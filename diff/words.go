package diff

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Word is one run of tokens with the same operation inside a changed text.
// Concatenating the texts of the equal and delete words gives the old text
// exactly; the equal and insert words give the new one.
type Word struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
	// Cut marks the rest of a paragraph past the point where the other
	// page was cut off inside it: on one side only, as its Op says, but
	// not deleted or inserted by the update (see Para.Cut).
	Cut bool `json:"cut,omitempty"`
	// Abuts marks a deletion or insertion that follows one of the other
	// kind with no space between ("3 a.m" replaced by "9 p.m"): shown
	// side by side they would read as one word ("3 a.m9 p.m", "590330"),
	// so every renderer puts a visible boundary before it.
	Abuts bool `json:"abuts,omitempty"`
}

// tokenize splits text into words (with inner hyphens, apostrophes, dots
// and commas: "Jong-un", "N.K", "3,526", "6.69"), runs of white space, and
// single other characters. A changed number is one token, so a diff shows
// "12" -> "14", never "1[2->4]". The tokens concatenate to s.
func tokenize(s string) []string {
	out := make([]string, 0, len(s)/3+1)
	eachToken(s, func(t string) { out = append(out, t) })
	return out
}

// eachToken calls f with each token of s in order, as tokenize lists them,
// for callers that need no slice of them. ASCII, most of any wire text,
// is read a byte at a time without decoding.
func eachToken(s string, f func(string)) {
	for i := 0; i < len(s); {
		r, size := runeAt(s, i)
		j := i + size
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, n2 := runeAt(s, j)
				if isWordRune(r2) {
					j += n2
					continue
				}
				if (r2 == '-' || r2 == '\'' || r2 == '.' || r2 == ',' || r2 == '’') && j+n2 < len(s) {
					if r3, _ := runeAt(s, j+n2); isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
		case isSpace(r):
			for j < len(s) {
				r2, n2 := runeAt(s, j)
				if !isSpace(r2) {
					break
				}
				j += n2
			}
		}
		f(s[i:j])
		i = j
	}
}

// runeAt decodes the rune at s[i], a byte for ASCII.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace is unicode.IsSpace with its ASCII cases first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= 128 && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

// wordTimeout bounds one word diff; go-diff returns a correct but coarser
// diff when it runs out of time, so results stay lossless.
const wordTimeout = 500 * time.Millisecond

// runeCodec maps tokens to runes so that go-diff, which diffs runes,
// diffs tokens. A single space maps to itself, so go-diff's semantic
// clean-up still sees where words end and aligns edits to them; every
// other token gets a private-use rune of its own.
type runeCodec struct {
	ids    map[string]rune
	tokens []string // indexed by rune - base
	next   rune
	full   bool
}

func newRuneCodec() *runeCodec {
	return &runeCodec{ids: map[string]rune{}, next: 0xE000}
}

// encode maps tokens (or whole paragraphs) to runes, in order.
func (c *runeCodec) encode(tokens []string) []rune {
	out := make([]rune, len(tokens))
	for i, t := range tokens {
		out[i] = c.runeOf(t)
	}
	return out
}

// encodeText is encode(tokenize(s)), read token by token: the slices of
// strings, one per paragraph diffed, were a fifth of what a diff of the
// 1 MB pair allocated.
func (c *runeCodec) encodeText(s string) []rune {
	out := make([]rune, 0, len(s)/3+1)
	eachToken(s, func(t string) { out = append(out, c.runeOf(t)) })
	return out
}

// runeOf is token t's rune, given it if new.
func (c *runeCodec) runeOf(t string) rune {
	if t == " " {
		return ' '
	}
	r, ok := c.ids[t]
	if !ok {
		r = c.alloc()
		c.ids[t] = r
		c.tokens = append(c.tokens, t)
	}
	return r
}

// alloc hands out private-use runes: the BMP area, then planes 15 and 16.
func (c *runeCodec) alloc() rune {
	r := c.next
	switch {
	case r == 0xF8FF:
		c.next = 0xF0000
	case r == 0x10FFFD:
		c.full = true
	default:
		c.next++
	}
	return r
}

func (c *runeCodec) decode(s string) string {
	// Sized first: most segments are a token or a few, and growing a
	// builder a token at a time was a tenth of a typical diff's time.
	n, only := 0, ""
	for _, r := range s {
		only = c.token(r)
		n += len(only)
	}
	if n == len(only) {
		return only // one token, or none
	}
	var b strings.Builder
	b.Grow(n)
	for _, r := range s {
		b.WriteString(c.token(r))
	}
	return b.String()
}

// token is the token rune r stands for.
func (c *runeCodec) token(r rune) string {
	switch {
	case r == ' ':
		return " "
	case r >= 0xE000 && r <= 0xF8FF:
		return c.tokens[r-0xE000]
	}
	return c.tokens[int(r-0xF0000)+(0xF8FF-0xE000+1)]
}

// Words diffs two texts word by word: go-diff over tokens mapped to runes,
// then go-diff's semantic clean-up, which folds tiny equalities between
// edits into the edits so a rewritten clause reads as one change.
func Words(old, new string) []Word {
	return wordsWith(nil, old, new)
}

// wordsWith is Words with a rune codec shared by the many paragraph pairs
// of one comparison, so each distinct token is mapped once; nil, or a
// codec that has run out of runes, gives each pair a codec of its own.
// go-diff's alignment sees only which tokens are equal, but its semantic
// clean-up does not: DiffCommonOverlap measures an overlap in bytes and
// compares it with half a count of runes, so the width of the runes
// counts. Every rune is three bytes until a codec has handed out the
// 6,400 of the private-use area, and four after: a shared codec gives
// the result a pair diffed alone would give while the comparison's
// tokens fit in that area, and codecs must be shared as they are to keep
// a large comparison's result.
func wordsWith(c *runeCodec, old, new string) []Word {
	if old == new {
		return sameWords(old)
	}
	c, a, b := encodePair(c, old, new)
	if c == nil {
		return replaceWords(old, new)
	}
	return diffRunes(c, a, b)
}

// sameWords is the word diff of a text with itself.
func sameWords(text string) []Word {
	if text == "" {
		return nil
	}
	return []Word{{Op: OpEqual, Text: text}}
}

// encodePair maps the tokens of old and new to runes for diffRunes with
// c, as wordsWith shares it, and returns the codec that holds them: c, or
// one of the pair's own when c is nil or runs out of runes; nil when
// even that runs out (the pair is replaced whole). Encoding is the part
// of a word diff that must keep its order, since it gives out the runes.
func encodePair(c *runeCodec, old, new string) (*runeCodec, []rune, []rune) {
	if c == nil || c.full {
		c = newRuneCodec()
	}
	a, b := c.encodeText(old), c.encodeText(new)
	if c.full { // a shared codec ran out of runes: this pair on its own
		c = newRuneCodec()
		a, b = c.encodeText(old), c.encodeText(new)
		if c.full {
			return nil, nil, nil
		}
	}
	return c, a, b
}

// diffRunes is the word diff of two texts encodePair encoded in c. It
// only reads c, so that the pairs of one codec can be diffed at once.
func diffRunes(c *runeCodec, a, b []rune) []Word {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = wordTimeout
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	out := make([]Word, 0, len(diffs))
	for _, d := range diffs {
		w := Word{Text: c.decode(d.Text)}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			w.Op = OpEqual
		case diffmatchpatch.DiffInsert:
			w.Op = OpInsert
		default:
			w.Op = OpDelete
		}
		if w.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == w.Op {
			out[n-1].Text += w.Text
			continue
		}
		out = append(out, w)
	}
	return markAbuts(out)
}

// markAbuts sets Abuts on each change that directly follows a change of
// the other kind, where neither side of the meeting point is a space.
func markAbuts(ws []Word) []Word {
	for i := 1; i < len(ws); i++ {
		a, b := ws[i-1], ws[i]
		if a.Op == OpEqual || b.Op == OpEqual || a.Op == b.Op || a.Cut || b.Cut {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(a.Text)
		first, _ := utf8.DecodeRuneInString(b.Text)
		ws[i].Abuts = !unicode.IsSpace(last) && !unicode.IsSpace(first)
	}
	return ws
}

// replaceWords is the whole-text replacement used when a text has more
// distinct tokens than there are private-use runes.
func replaceWords(old, new string) []Word {
	var out []Word
	if old != "" {
		out = append(out, Word{Op: OpDelete, Text: old})
	}
	if new != "" {
		out = append(out, Word{Op: OpInsert, Text: new})
	}
	return markAbuts(out)
}

// OldText and NewText rebuild the two sides of a word diff.
func OldText(ws []Word) string { return side(ws, OpDelete) }

// NewText rebuilds the new side of a word diff.
func NewText(ws []Word) string { return side(ws, OpInsert) }

func side(ws []Word, keep Op) string {
	n, only := 0, ""
	for _, w := range ws {
		if w.Op == OpEqual || w.Op == keep {
			n, only = n+len(w.Text), w.Text
		}
	}
	if n == len(only) {
		return only // one word kept, or none
	}
	var b strings.Builder
	b.Grow(n)
	for _, w := range ws {
		if w.Op == OpEqual || w.Op == keep {
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

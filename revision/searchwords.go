package revision

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SearchWords lists the distinct search words of text, stop words left
// out (no query needs them and an index is smaller without), in the
// order they first occur, the words as written before the words the
// rewrites give. It runs on every stored page's whole text at ingest, so
// it lowers the text once (lowerFolded) and cuts it into tokens once for
// both the words as written and the rewrites, and asks the stop-word
// list only of a word it has not seen (a page repeats "the" a hundred
// times).
func SearchWords(text string) []string { return lowWords(lowerFolded(text)) }

// MarkupSearchWords is SearchWords of an input as received (the text
// index's words, which must not need a parse): its text with everything
// from a < to the next > read as one space, and each run of bytes that
// are not UTF-8 as one space, as bytes.ToValidUTF8 replaces them. It
// drops the markup, checks the encoding and lowers the text in one pass.
func MarkupSearchWords(raw []byte) []string { return lowWords(markupLowered(raw)) }

// MarkupSearchText is the first max of MarkupSearchWords(raw) joined by
// single spaces, what the text index keeps of a page: made as one string,
// without the list of words between.
func MarkupSearchText(raw []byte, max int) string {
	low := markupLowered(raw)
	var b strings.Builder
	n := 0
	eachLowWord(low, func(w string) bool {
		if n == max {
			return false
		}
		if n == 0 {
			b.Grow(len(low))
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		n++
		return true
	})
	return b.String()
}

// markupLowered is raw with its markup dropped, its bytes that are not
// UTF-8 replaced and its text lowered, as MarkupSearchWords reads it.
// Runs of bytes it keeps as they are (ASCII but capitals and <) are
// copied whole, and the result is built in place: a byte at a time and
// copied out at the end, it was a fifth of reading a page's words.
func markupLowered(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) + 8)
	inTag, bad := false, false // bad: the last byte written replaced bytes that are not UTF-8
	for i := 0; i < len(raw); {
		if inTag {
			j := bytes.IndexAny(raw[i:], "<>")
			if j < 0 {
				break
			}
			if i += j; raw[i] == '>' {
				inTag = false
				i++
				continue
			}
			// a < inside a tag: a space, as any <
		}
		if j := plainRun(raw[i:]); j > 0 {
			b.Write(raw[i : i+j])
			i, bad = i+j, false
			continue
		}
		c := raw[i]
		switch {
		case c == '<':
			inTag, bad = true, false
			b.WriteByte(' ')
		case c < utf8.RuneSelf: // a capital
			b.WriteByte(c + 'a' - 'A')
			bad = false
		default:
			// No sequence of UTF-8 holds a < or >, so decoding the raw
			// bytes reads what the text without its markup holds.
			r, n := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				if !bad {
					b.WriteByte(' ')
				}
				bad = true
			case r == '’' || r == '‘':
				b.WriteByte('\'')
				bad = false
			default:
				b.WriteRune(unicode.ToLower(r))
				bad = false
			}
			i += n
			continue
		}
		i++
	}
	return b.String()
}

// plainRun is how many bytes at the start of p markupLowered keeps as
// they are: ASCII, but capitals and <.
func plainRun(p []byte) int {
	for i, c := range p {
		if !plainByte[c] {
			return i
		}
	}
	return len(p)
}

// plainByte marks the bytes plainRun keeps.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '<' && (c < 'A' || c > 'Z')
	}
	return t
}()

// wordScratch is what lowWords needs for one text and lets go of after:
// the text's tokens and the words it has met. lowWords runs on every
// stored page, and these two were a fifth of what an ingest allocated
// (0.74 of 3.9 GB on 20,000 pages), so of its collector's work: they are
// kept in a pool, emptied, except when a huge text grew them past
// keepScratch.
type wordScratch struct {
	ts   []tok
	seen wordSet
}

const keepScratch = 1 << 14

var wordScratchPool = sync.Pool{New: func() any { return new(wordScratch) }}

// lowWords is SearchWords of a text lowerFolded already.
func lowWords(low string) []string {
	var out []string
	eachLowWord(low, func(w string) bool {
		if out == nil {
			out = make([]string, 0, len(low)/8+1)
		}
		out = append(out, w)
		return true
	})
	if out == nil {
		out = []string{}
	}
	return out
}

// eachLowWord calls f with each of lowWords' words in order, until f
// returns false.
func eachLowWord(low string, f func(string) bool) {
	sc := wordScratchPool.Get().(*wordScratch)
	defer sc.release()
	sc.ts = tokensInto(sc.ts[:0], low)
	ts := sc.ts
	sc.seen.reset(len(ts))
	add := func(w string) bool {
		if isNew, keep := sc.seen.add(w); isNew && keep {
			return f(w)
		}
		return true
	}
	for _, t := range ts {
		if !add(t.w) {
			return
		}
	}
	for _, w := range variantWordsOf(low, ts) {
		if !add(w) {
			return
		}
		if w == "nkorea" || w == "skorea" {
			if !add("korea") {
				return
			}
		}
	}
}

// release empties sc, which must hold nothing of the text it was used
// for, and puts it back in the pool unless it grew too large.
func (sc *wordScratch) release() {
	if cap(sc.ts) > keepScratch || len(sc.seen.words) > keepScratch || cap(sc.seen.slots) > 4*keepScratch {
		return
	}
	clear(sc.ts)
	sc.ts = sc.ts[:0]
	sc.seen.reset(0)
	wordScratchPool.Put(sc)
}

// lowerFolded is strings.ToLower of s with ’ and ‘ read as ' (quoteFold),
// in one pass; s itself when that changes nothing. A byte that is not
// UTF-8 becomes U+FFFD, as strings.ToLower makes it.
func lowerFolded(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	buf := make([]byte, i, len(s)+8)
	copy(buf, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘':
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return string(buf)
}

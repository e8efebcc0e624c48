package revision

import (
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
func MarkupSearchWords(raw []byte) []string {
	buf := make([]byte, 0, len(raw)+8)
	inTag, bad := false, false // bad: the last byte written replaced bytes that are not UTF-8
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '<':
			inTag, bad = true, false
			buf = append(buf, ' ')
		case inTag:
			inTag = c != '>'
		case c < utf8.RuneSelf:
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf, bad = append(buf, c), false
		default:
			// No sequence of UTF-8 holds a < or >, so decoding the raw
			// bytes reads what the text without its markup holds.
			r, n := utf8.DecodeRune(raw[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				if !bad {
					buf = append(buf, ' ')
				}
				bad = true
			case r == '’' || r == '‘':
				buf, bad = append(buf, '\''), false
			default:
				buf, bad = utf8.AppendRune(buf, unicode.ToLower(r)), false
			}
			i += n
			continue
		}
		i++
	}
	return lowWords(string(buf))
}

// lowWords is SearchWords of a text lowerFolded already.
func lowWords(low string) []string {
	ts := tokens(low)
	out := make([]string, 0, len(ts)/3)
	// seen holds every word met so far, true for one out lists (false:
	// a stop word).
	seen := make(map[string]bool, len(ts)/2)
	add := func(w string) {
		if _, ok := seen[w]; ok {
			return
		}
		keep := !stopWords[w]
		seen[w] = keep
		if keep {
			out = append(out, w)
		}
	}
	for _, t := range ts {
		add(t.w)
	}
	for _, w := range variantWordsOf(low, ts) {
		add(w)
		if w == "nkorea" || w == "skorea" {
			add("korea")
		}
	}
	return out
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

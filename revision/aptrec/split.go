package aptrec

import (
	"bytes"
	"fmt"

	"lede/revision"
)

var (
	docOpen  = []byte("<DOC>")
	docClose = []byte("</DOC>")
	docnoRe  = revision.LazyRegexp(`<DOCNO>\s*([^<\s]{1,64})\s*</DOCNO>`)
)

// split cuts a TREC day file into one chunk per <DOC>, named by its
// DOCNO. A <DOC> that never ends (the file was cut inside it) is a chunk
// with an error, and so is text outside any <DOC>: nothing in the file
// is dropped without a word.
func split(data []byte) []revision.Chunk {
	var out []revision.Chunk
	rest := data
	for len(bytes.TrimSpace(rest)) > 0 {
		i := bytes.Index(rest, docOpen)
		if i < 0 {
			out = append(out, revision.Chunk{Data: rest, Err: &revision.InputError{
				Reason: fmt.Sprintf("text after the last </DOC>: %q", clip(string(firstLine(rest))))}})
			break
		}
		if pre := bytes.TrimSpace(rest[:i]); len(pre) > 0 && xmlDeclLen(pre) != len(pre) {
			// (an XML declaration before the first <DOC> is no text of its own)
			out = append(out, revision.Chunk{Data: rest[:i], Err: &revision.InputError{
				Reason: fmt.Sprintf("text outside any <DOC>: %q", clip(string(firstLine(pre))))}})
		}
		rest = rest[i:]
		// The </DOC> is looked for only up to the next <DOC>, so a file
		// of many unclosed <DOC>s is read in one pass, not once per <DOC>.
		body := rest[len(docOpen):]
		next := bytes.Index(body, docOpen)
		within := body
		if next >= 0 {
			within = body[:next]
		}
		end := bytes.Index(within, docClose)
		if end < 0 {
			cut := len(rest)
			if next >= 0 {
				cut = len(docOpen) + next
			}
			out = append(out, cutDoc(rest[:cut], next >= 0))
			rest = rest[cut:]
			continue
		}
		n := len(docOpen) + end + len(docClose)
		c := revision.Chunk{Data: rest[:n], Name: docno(rest[:n])}
		if !Detect(c.Data) {
			// The store parses each chunk again on its own, by detection.
			c.Err = &revision.InputError{Reason: "this <DOC> is not AP copy: no AP DOCNO or FILEID at its start"}
		}
		out = append(out, c)
		rest = rest[n:]
	}
	return out
}

// cutDoc is the chunk of a <DOC> without its </DOC>: the file ends
// inside it, or the next <DOC> begins first.
func cutDoc(data []byte, beforeNext bool) revision.Chunk {
	why := "the <DOC> is cut off: the file ends before its </DOC>"
	if beforeNext {
		why = "the <DOC> has no </DOC> before the next <DOC> begins"
	}
	return revision.Chunk{Data: data, Name: docno(data), Err: &revision.InputError{Reason: why}}
}

// docno is a <DOC>'s DOCNO, "" when it has none it can be named by.
func docno(doc []byte) string {
	if m := docnoRe.FindSubmatch(doc); m != nil {
		return string(m[1])
	}
	return ""
}

func firstLine(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

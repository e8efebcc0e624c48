package aptrec

import (
	"bytes"
	"fmt"
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// Format is the name of the format in Revision.Format.
const Format = "ap-trec"

// maxDoc bounds one <DOC>: real ones are a few kilobytes, a day file's
// digest a few tens.
const maxDoc = 1 << 20

// parseItem reads one <DOC>: the chunk Split cut, or a file holding one.
func parseItem(source string, data []byte) (*revision.Revision, error) {
	text, warns, err := apwire.Text(data, maxDoc, "<DOC>")
	if err != nil {
		return nil, err
	}
	inner, err := docBody(text)
	if err != nil {
		return nil, err
	}
	els, err := elements(inner)
	if err != nil {
		return nil, &revision.InputError{Reason: "malformed <DOC>: " + err.Error()}
	}
	r := &revision.Revision{Source: source, Warnings: warns, Complete: true}
	if err := readHeader(r, els); err != nil {
		return nil, err
	}
	readBody(r, els)
	if len(r.Paragraphs) == 0 && r.Headline == "" && r.Note == "" {
		return nil, &revision.InputError{Reason: fmt.Sprintf("<DOC> %s holds no story text", r.ID)}
	}
	return r, nil
}

// docBody returns the inside of the one <DOC> that text must hold.
func docBody(text string) (string, error) {
	t := strings.TrimSpace(text)
	if ft := firstTag(t); ft != "" && xmlDeclLen([]byte(ft)) == len(ft) {
		t = strings.TrimSpace(t[len(ft):])
	}
	if !strings.HasPrefix(t, "<DOC>") {
		return "", &revision.InputError{Reason: "not a TREC <DOC>: the input does not start with <DOC>"}
	}
	if n := bytes.Count([]byte(t), docOpen); n > 1 {
		return "", &revision.InputError{Reason: fmt.Sprintf("input holds %d <DOC>s, not one item", n)}
	}
	if !strings.HasSuffix(t, "</DOC>") {
		return "", &revision.InputError{Reason: "the <DOC> is cut off: no </DOC> at its end"}
	}
	return t[len("<DOC>") : len(t)-len("</DOC>")], nil
}

// readHeader reads DOCNO, FILEID, FIRST and SECOND. A DOC without a
// DOCNO is refused; a garbled FIRST or SECOND is a warning, the other
// line standing in for it.
func readHeader(r *revision.Revision, els []element) error {
	var h apwire.Header
	seen := map[string]bool{}
	for _, e := range els {
		if seen[e.Tag] {
			continue
		}
		v := strings.TrimSpace(decode(e.Text))
		switch e.Tag {
		case "DOCNO":
			r.ID = v
		case "FILEID":
			st, err := apwire.ParseStamp(v)
			h.Stamp, h.HasStamp = st, err == nil
			if err != nil {
				h.Warnings = append(h.Warnings, "FILEID: "+err.Error())
			}
		case "FIRST":
			h.Key, h.HasKey = apwire.ParseKeyline(v)
			if !h.HasKey {
				h.Warnings = append(h.Warnings, fmt.Sprintf("FIRST line garbled: %q", v))
			}
		case "SECOND":
			var odd []string
			h.Slug, odd, h.HasSlug = apwire.ParseSlugline(v)
			if !h.HasSlug || len(odd) > 0 {
				h.Warnings = append(h.Warnings, fmt.Sprintf("SECOND line garbled: %q", v))
			}
		default:
			continue
		}
		seen[e.Tag] = true
	}
	if r.ID == "" {
		return &revision.InputError{Reason: "<DOC> has no <DOCNO>"}
	}
	if !h.HasSlug && !h.HasKey {
		h.Warnings = append(h.Warnings, "no readable slug line (FIRST, SECOND)")
	}
	h.Apply(r)
	return nil
}

// firstTag is t up to its first ">", where an XML declaration would end.
func firstTag(t string) string {
	if i := strings.IndexByte(t, '>'); i >= 0 {
		return t[:i+1]
	}
	return ""
}

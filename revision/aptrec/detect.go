package aptrec

import "bytes"

// Detect reports whether head opens a TREC file of AP copy: <DOC>, then
// within its first lines a DOCNO of AP's ("AP890102-0132") or a FILEID
// stamped by an AP circuit ("AP-NR-..."), with or without the XML
// declaration some redistributions put before it. Other TREC collections
// (WSJ, FT, LA Times) also start with <DOC>; their DOCNOs and stamps are
// not AP's, and they are not read as AP.
//
// Every input meets every detector, so this is a scan of a few bytes,
// not a regular expression: the one it replaces, with its bounded
// repetitions, cost more to compile at start-up than a diff of two pages.
func Detect(head []byte) bool {
	b := bytes.TrimLeft(head, " \t\r\n")
	if n := xmlDeclLen(b); n > 0 {
		b = trimSpace(b[n:])
	}
	if !bytes.HasPrefix(b, docOpen) {
		return false
	}
	b = trimSpace(b[len(docOpen):])
	if rest, ok := bytes.CutPrefix(b, []byte("<DOCNO>")); ok {
		rest = trimSpace(rest)
		if len(rest) >= 3 && rest[0] == 'A' && rest[1] == 'P' && rest[2] >= '0' && rest[2] <= '9' {
			return true
		}
	}
	// A FILEID starting within the first 200 bytes, then "AP-".
	for from := 0; from <= 200 && from < len(b); {
		i := bytes.Index(b[from:min(len(b), 200+len(fileID))], fileID)
		if i < 0 {
			return false
		}
		at := from + i
		if bytes.HasPrefix(trimSpace(b[at+len(fileID):]), []byte("AP-")) {
			return true
		}
		from = at + 1
	}
	return false
}

var fileID = []byte("<FILEID>")

// xmlDeclLen is the length of the XML declaration that opens b ("<?xml",
// at most 200 bytes of anything but '>', "?>"), 0 when b opens with none.
func xmlDeclLen(b []byte) int {
	rest, ok := bytes.CutPrefix(b, []byte("<?xml"))
	if !ok {
		return 0
	}
	end := bytes.IndexByte(rest[:min(len(rest), 202)], '>')
	if end < 1 || rest[end-1] != '?' {
		return 0
	}
	return len("<?xml") + end + 1
}

// trimSpace drops the white space a regular expression's \s matches
// (space, tab, newline, form feed, carriage return) from the start of b.
func trimSpace(b []byte) []byte { return bytes.TrimLeft(b, " \t\n\f\r") }

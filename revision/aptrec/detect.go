package aptrec

import (
	"bytes"
	"regexp"
)

// apDocRe is the opening of an AP <DOC> in a TREC file: <DOC>, then
// within its first lines a DOCNO of AP's ("AP890102-0132") or a FILEID
// stamped by an AP circuit ("AP-NR-...").
var apDocRe = regexp.MustCompile(`^(?:<\?xml[^>]{0,200}\?>\s*)?<DOC>\s*(?:<DOCNO>\s*AP\d|[\s\S]{0,200}?<FILEID>\s*AP-)`)

// Detect reports whether head opens a TREC file of AP copy, with or
// without the XML declaration some redistributions put before it. Other TREC
// collections (WSJ, FT, LA Times) also start with <DOC>; their DOCNOs
// and stamps are not AP's, and they are not read as AP.
func Detect(head []byte) bool {
	return apDocRe.Match(bytes.TrimLeft(head, " \t\r\n"))
}

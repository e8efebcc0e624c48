// Package aptrec reads AP copy as the TREC collections hold it: day
// files of SGML <DOC>s, each one AP item with its DOCNO, the FILEID
// transmission stamp, the FIRST and SECOND slug lines, heads, bylines,
// dateline and hard-wrapped text. The AP parts that ANPA-1312 shares
// (slug line, version words, Eds: notes) are read by revision/apwire.
package aptrec

import "lede/revision"

// A TREC file has a signature of its own (<DOC> and an AP DOCNO), so it
// is asked with the other signed formats.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  split,
		Parse:  parseItem,
	})
}

package store

import (
	"strings"

	"lede/revision"
)

// Parser parses a stored version again from its source and its input as
// received (wire.Reparse): the store keeps inputs but parses nothing.
type Parser func(source string, raw []byte) (*revision.Revision, error)

// TextSearch sets opt to find the stories whose headlines or body text
// hold every word of q, the spellings of one actor alike ("N. Korea",
// "N.K.", "North Korea": revision.SearchQuery), each at the start of a
// word of the text. The text index narrows the stories; each candidate
// version is parsed again with parse, so that page furniture (the "most
// viewed" list after a Yonhap page's (END)) never matches. It is the
// search of both lede stories --search and lede serve's ?q=. A q without
// letters or digits leaves opt as it was.
func TextSearch(q string, parse Parser, opt *ListOptions) {
	query := revision.SearchQuery(q)
	if len(query) == 0 {
		return
	}
	opt.Headline = func(h string) bool { return revision.MatchesQuery(query, revision.SearchWords(h)) }
	opt.TextQuery = query
	opt.Text = func(source string, raw []byte) bool {
		rev, err := parse(source, raw)
		if err != nil {
			return false
		}
		text := make([]string, 0, len(rev.Paragraphs)+2)
		text = append(append(text, rev.Headline, rev.Byline), rev.Paragraphs...)
		return revision.MatchesQuery(query, revision.SearchWords(strings.Join(text, "\n")))
	}
}

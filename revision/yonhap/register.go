package yonhap

import (
	"lede/revision"
)

// Yonhap's pages are free text with no signature of their own, so the
// format is asked last, once every format with a signature has declined.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankText,
		Detect: func(head []byte) bool { return Detect(string(head)) },
		Parse:  parseItem,
	})
}

// parseItem is the format's parser: it checks and cleans the bytes
// (revision.CleanCut: empty, binary, not UTF-8, a page cut inside its last
// character) and refuses a page with no story text.
func parseItem(source string, data []byte) (*revision.Revision, error) {
	text, cut, err := revision.CleanCut(data, int64(len(data))+1)
	if err != nil {
		return nil, err
	}
	r := ParseCut(source, text, cut)
	if len(r.Paragraphs) == 0 {
		return nil, &revision.InputError{Reason: "no story text found"}
	}
	r.Agency = "Yonhap"
	identify(r, source)
	return r, nil
}

// identify takes the article id from the source's name when the name is
// exactly one ("pages/AEN20200201001252320.txt"), as saved pages usually
// are named: it gives the item's id, its story's key and its version.
// A name that merely contains an id, or any other name, gives nothing,
// and the page is grouped by its content alone.
func identify(r *revision.Revision, source string) {
	id, key, ok := ArticleID(source)
	if !ok {
		return
	}
	r.ID, r.Key = id, key
	if v, ok := ArticleVersion(id); ok {
		r.Version = v
	}
}

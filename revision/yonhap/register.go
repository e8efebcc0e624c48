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
	return r, nil
}

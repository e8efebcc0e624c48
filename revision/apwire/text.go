package apwire

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"lede/revision"
)

// Text checks and cleans an item's bytes (revision.CleanCut: empty,
// binary, CRLF) and returns its text. what names the item in the error
// for one over max bytes, the most one item of its format may have. AP copy is ASCII; bytes that are
// not UTF-8 are read as Latin-1, the encoding wire copy of that era used
// for its few accented letters, with a warning saying so.
func Text(data []byte, max int, what string) (string, []string, error) {
	if len(data) > max {
		return "", nil, &revision.InputError{Reason: fmt.Sprintf("%s is %s, over the %s one item may have",
			what, revision.HumanBytes(int64(len(data))), revision.HumanBytes(int64(max)))}
	}
	text, _, err := revision.CleanCut(data, int64(len(data))+1)
	if err == nil || !errors.Is(err, revision.ErrBadInput) || utf8.Valid(data) {
		return text, nil, err
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		b.WriteRune(rune(c))
	}
	text, _, err = revision.CleanCut([]byte(b.String()), int64(b.Len())+1)
	return text, []string{"input is not UTF-8: read as Latin-1"}, err
}

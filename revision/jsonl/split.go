package jsonl

import (
	"bytes"
	"fmt"

	"lede/revision"
)

// Split cuts the input into one chunk per non-blank line. Each line is
// read in full here, so that a bad line is an error naming its line
// number ("line 3: ..."), which the item's own parse, seeing only the
// line, could not know; its neighbours are read as usual.
func Split(data []byte) []revision.Chunk {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var out []revision.Chunk
	n := 0
	for len(data) > 0 {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		n++
		l = bytes.TrimRight(l, " \t\r")
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		c := revision.Chunk{Data: l}
		if _, err := parseLine("", l); err != nil {
			c.Err = fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, c)
	}
	return out
}

// Parse reads one line of lede's JSON lines schema into a revision. An
// input of several lines is for Split to cut first.
func Parse(source string, data []byte) (*revision.Revision, error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return nil, &revision.InputError{Reason: "JSON lines input of several lines: each line is one item"}
	}
	return parseLine(source, data)
}

package iptc7901

import (
	"bytes"

	"lede/revision"
)

// maxHeader is more than any 7901 header line's length.
const maxHeader = 256

// Split cuts a stream of messages at each SOH that opens a header line,
// so that every chunk is one message that Detect and Parse take alone. An
// input of one message is one chunk: the whole input.
func Split(data []byte) []revision.Chunk {
	var starts []int
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], soh)
		if j < 0 {
			break
		}
		at := i + j
		// A header line is short: looking no further than maxHeader
		// keeps a stream of many SOHs and no line breaks linear.
		line, _, _ := bytes.Cut(data[at+1:min(len(data), at+1+maxHeader)], []byte("\n"))
		if _, ok := parseHeader(string(line)); ok && (at == 0 || bytes.IndexByte([]byte("\n\x04\x7f"), data[at-1]) >= 0) {
			starts = append(starts, at)
		}
		i = at + 1
	}
	if len(starts) < 2 {
		return []revision.Chunk{{Data: data}}
	}
	out := make([]revision.Chunk, len(starts))
	for k, s := range starts {
		end := len(data)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		out[k] = revision.Chunk{Data: data[s:end]}
	}
	return out
}

package jsonl

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// Detect reports whether head, an input's first bytes, is lede's JSON
// lines: its first non-blank line is a JSON object whose fields are all
// the schema's and include a headline or a text. Other JSON lines (the
// corpus's labels, a log of events) have fields of their own and are
// left to be refused as "looks like JSON lines"; ninjs has a "uri". The
// first line may be cut off by the end of head: the fields read up to
// the cut decide.
func Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	first := firstLine(head)
	if len(first) == 0 || first[0] != '{' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(first))
	if _, err := dec.Token(); err != nil {
		return false
	}
	story, n := false, 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			break
		}
		k, _ := t.(string)
		key := strings.ToLower(k)
		if !slices.Contains(fields, key) {
			return false
		}
		n++
		story = story || key == "headline" || key == "text"
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			// Cut off inside this value: judge by the fields so far.
			return story || n > 0 && len(first) == len(bytes.TrimRight(head, " \t\r\n"))
		}
	}
	return story
}

// firstLine returns the first line of data holding anything but white
// space, trimmed.
func firstLine(data []byte) []byte {
	for len(data) > 0 {
		l, rest, _ := bytes.Cut(data, []byte("\n"))
		if l = bytes.TrimSpace(l); len(l) > 0 {
			return l
		}
		data = rest
	}
	return nil
}

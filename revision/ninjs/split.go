package ninjs

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"lede/revision"
)

// Split cuts an input of several items into one chunk per item: a JSON
// list of ninjs items, a stream of them (one after another, as JSON lines
// do), or an AP Media API feed (data.items, each holding its item). An
// input of one item, or one that is not JSON from its start, is nil: one
// item, for Parse to read or refuse. Each chunk is an item's own JSON, which
// Detect takes again. Where the input stops being JSON the rest is one
// chunk that is an error saying so; the items before it stand.
func Split(data []byte) []revision.Chunk {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []revision.Chunk
	values := 0
	for {
		start := dec.InputOffset()
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil && values == 0 {
			return nil // one item that does not parse: Parse says why
		}
		if err != nil {
			rest := bytes.TrimSpace(data[start:])
			out = append(out, revision.Chunk{Data: rest, Err: jsonError(err)})
			break
		}
		values++
		out = append(out, itemsOf(v)...)
	}
	if values == 1 && len(out) == 1 && out[0].Err == nil && bytes.Equal(out[0].Data, bytes.TrimSpace(data)) {
		return nil // the input is one item
	}
	for i, c := range out {
		if c.Err == nil && !Detect(c.Data) {
			// What the store keeps must be detected as ninjs again.
			out[i].Err = &revision.InputError{Reason: "not a ninjs item: " + what(c.Data)}
		}
	}
	return out
}

// what says what a JSON value that is no ninjs item is.
func what(v []byte) string {
	switch v = bytes.TrimSpace(v); {
	case len(v) > 0 && v[0] == '{':
		return "an object without a uri and the properties of an item"
	case len(v) > 0 && v[0] == '[':
		return "a list inside the list"
	case len(v) > 0 && v[0] == '"':
		return "a string"
	}
	return "a JSON " + abbrev(v)
}

// itemsOf lists the items one JSON value holds: each element of a list,
// each item of an AP feed, or the value itself.
func itemsOf(v json.RawMessage) []revision.Chunk {
	switch {
	case len(v) > 0 && v[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(v, &list); err != nil {
			return []revision.Chunk{{Data: v, Err: jsonError(err)}}
		}
		var out []revision.Chunk
		for _, e := range list {
			out = append(out, revision.Chunk{Data: e})
		}
		if len(out) == 0 {
			return []revision.Chunk{{Data: v, Err: errors.New("empty list of ninjs items")}}
		}
		return out
	}
	var env envelope
	if bytes.Contains(v, []byte(`"items"`)) && json.Unmarshal(v, &env) == nil && env.APIVersion != nil && env.Data != nil && env.Data.Item == nil && len(env.Data.Items) > 0 {
		var out []revision.Chunk
		for _, e := range env.Data.Items {
			var wrapped struct {
				Item json.RawMessage `json:"item"`
			}
			if json.Unmarshal(e, &wrapped) == nil && wrapped.Item != nil {
				e = wrapped.Item
			}
			out = append(out, revision.Chunk{Data: e})
		}
		return out
	}
	return []revision.Chunk{{Data: v}}
}

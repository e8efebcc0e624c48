package ninjs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"

	"lede/revision"
)

// envelope is the AP Media API's wrapper round one item: the item sits
// at data.item. Superdesk's AP ingest, whose fixtures the corpus holds,
// stores the text of the item's NITF rendition beside it as
// nitf.body_html, because the API sends the text as a download of its
// own.
type envelope struct {
	APIVersion json.RawMessage `json:"api_version"`
	Data       *struct {
		Item  json.RawMessage   `json:"item"`
		Items []json.RawMessage `json:"items"`
	} `json:"data"`
	NITF *struct {
		BodyHTML string `json:"body_html"`
	} `json:"nitf"`
}

// decoded is one item read from its bytes: the ninjs item and, for an AP
// Media API envelope, what the envelope adds.
type decoded struct {
	item     item
	ap       bool   // came in an AP Media API envelope
	nitfBody string // envelope's nitf.body_html
}

// decode reads one item: a bare ninjs object or an AP Media API envelope
// holding one. Errors say what is wrong in words: truncated or malformed
// JSON with the byte offset, a property of the wrong type by name.
func decode(data []byte) (*decoded, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return nil, &revision.InputError{Reason: "ninjs item is not a JSON object"}
	}
	d := &decoded{}
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		if bad := checkJSON(data); bad != nil {
			return nil, bad // says better where the JSON breaks
		}
		return nil, jsonError(err)
	}
	body := data
	if env.APIVersion != nil && env.Data != nil {
		switch {
		case env.Data.Item != nil:
			body, d.ap = env.Data.Item, true
		case env.Data.Items != nil:
			return nil, &revision.InputError{Reason: fmt.Sprintf("AP Media API feed of %d items, not one item", len(env.Data.Items))}
		default:
			return nil, &revision.InputError{Reason: "AP Media API response without data.item"}
		}
		if env.NITF != nil {
			d.nitfBody = env.NITF.BodyHTML
		}
	}
	if len(bytes.TrimSpace(body)) == 0 || bytes.TrimSpace(body)[0] != '{' {
		return nil, &revision.InputError{Reason: "ninjs item is not a JSON object"}
	}
	if err := json.Unmarshal(body, &d.item); err != nil {
		return nil, jsonError(err)
	}
	if d.item.URI == "" {
		return nil, &revision.InputError{Reason: "ninjs item without a uri (the one property ninjs requires)"}
	}
	return d, nil
}

// checkJSON refuses what is not exactly one JSON value, with a message
// that says where it breaks: a truncated item is the commonest bad input.
func checkJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) && len(bytes.TrimSpace(data[min(int(syn.Offset), len(data)):])) == 0 {
			// The value breaks where the input ends: a line break
			// after a string cut off in the middle is no new fault.
			return jsonError(io.ErrUnexpectedEOF)
		}
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &revision.InputError{Reason: fmt.Sprintf("more than one JSON value (the second starts near byte %d)", dec.InputOffset())}
	}
	return nil
}

// jsonError words a decoding error for a person.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &revision.InputError{Reason: "truncated JSON: the input ends before the item is closed"}
	case errors.As(err, &syn):
		if syn.Error() == "unexpected end of JSON input" {
			return &revision.InputError{Reason: "truncated JSON: the input ends before the item is closed"}
		}
		return &revision.InputError{Reason: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)}
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the item"
		}
		return &revision.InputError{Reason: fmt.Sprintf("property %s is a JSON %s, want %s", field, typ.Value, typeName(typ))}
	}
	return &revision.InputError{Reason: "bad ninjs: " + err.Error()}
}

func typeName(e *json.UnmarshalTypeError) string {
	switch e.Type {
	case nil:
		return "another type"
	case reflect.TypeFor[flexString]():
		return "a string or a number"
	case reflect.TypeFor[flexStrings]():
		return "a string or a list of strings"
	}
	switch e.Type.Kind().String() {
	case "string":
		return "a string"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return e.Type.String()
}

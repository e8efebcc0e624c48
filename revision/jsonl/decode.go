package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"lede/revision"
)

// decodeLine reads one line strictly: one JSON object, of the schema's
// fields only, each of its type.
func decodeLine(data []byte) (*line, error) {
	if len(data) == 0 || data[0] != '{' {
		return nil, &revision.InputError{Reason: "not a JSON object (each line is one {...} of lede's JSON lines fields)"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l line
	if err := dec.Decode(&l); err != nil {
		return nil, lineError(err, data)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &revision.InputError{Reason: fmt.Sprintf("text after the JSON object (byte %d)", dec.InputOffset())}
	}
	return &l, nil
}

// lineError words a decoding error for a person.
func lineError(err error, data []byte) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &revision.InputError{Reason: "truncated JSON: the line ends before its object is closed"}
	case errors.As(err, &syn):
		if len(bytes.TrimSpace(data[min(int(syn.Offset), len(data)):])) == 0 {
			return &revision.InputError{Reason: "truncated JSON: the line ends before its object is closed"}
		}
		return &revision.InputError{Reason: fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)}
	case errors.As(err, &typ) && typ.Type != nil && typ.Type.Kind() == reflect.String && want(typ.Field) == "a list of strings":
		return &revision.InputError{Reason: fmt.Sprintf("field %s holds a JSON %s, want strings only", typ.Field, typ.Value)}
	case errors.As(err, &typ):
		return &revision.InputError{Reason: fmt.Sprintf("field %s is a JSON %s, want %s", typ.Field, typ.Value, want(typ.Field))}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return &revision.InputError{Reason: fmt.Sprintf("unknown field %s (lede's JSON lines fields: %s)", name, strings.Join(fields, ", "))}
	}
	return &revision.InputError{Reason: err.Error()}
}

// want names the type the schema gives a field.
func want(field string) string {
	switch field {
	case "paragraphs", "refs":
		return "a list of strings"
	case "version":
		return "a number or a string"
	}
	return "a string"
}

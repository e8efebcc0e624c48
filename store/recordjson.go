package store

import (
	"fmt"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Records are read far more often than they are written: each batch of
// an ingest rebuilds the listing of every story it touched from all of
// that story's records, and history, stories and serve read them back.
// encoding/json's decoder was a fifth of an ingest's serial time (issue
// 15). go-json-experiment's (the design of Go's coming encoding/json/v2,
// kept by the same authors) decodes lede's records in about 40% of the
// time, to the same values: TestRecordDecodeAsBefore compares the two
// on every record of files written by this and older schemas. Records
// are still written by encoding/json, so the bytes on disk do not
// change.
//
// recordOptions keep encoding/json's leniency where a file may hold
// what lede does not write (a damaged or hand-edited record): invalid
// UTF-8 is decoded as U+FFFD and a repeated name takes its last value.
// Names match exactly, as lede writes them.
var recordOptions = jsonv2.JoinOptions(
	jsontext.AllowInvalidUTF8(true),
	jsontext.AllowDuplicateNames(true),
)

// decodeRecord decodes a stored JSON record into v, which owns its memory
// afterwards (nothing points into raw, which bbolt may unmap).
func decodeRecord(raw []byte, v any) error {
	return jsonv2.Unmarshal(raw, v, recordOptions)
}

// jsonUnmarshal decodes a stored record, saying it is corrupt if it
// cannot be read.
func jsonUnmarshal(raw []byte, v any) error {
	if err := decodeRecord(raw, v); err != nil {
		return fmt.Errorf("%w: %v", errCorrupt, err)
	}
	return nil
}

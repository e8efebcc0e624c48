package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"lede/revision"
)

// Problem is a stored record that could not be read as written. Reads
// never stop at one: a listing, a story or the alert outbox reports the
// record by name and goes on, and lede check (--fix) deals with it.
type Problem struct {
	StoryUID uint64
	Story    string // the story's id, "" when its own record is unreadable
	Arrival  uint64 // the revision's arrival number, 0 for a story record
	Source   string // the path given at ingest, when the record tells it
	Err      error
}

func (p Problem) Error() string {
	what := fmt.Sprintf("story %s", p.Story)
	if p.Story == "" {
		what = fmt.Sprintf("story #%d", p.StoryUID)
	}
	if p.Arrival != 0 {
		what += fmt.Sprintf(", revision %d", p.Arrival)
	}
	if p.Source != "" {
		what += " (" + p.Source + ")"
	}
	return what + ": " + p.Err.Error()
}

func (p Problem) Unwrap() error { return p.Err }

// DateError is a revision record whose date is not a real calendar date
// ("2022-02-30"), as lede wrote them before it checked dates. Such a
// record is still read, with its date unknown.
type DateError struct {
	Stored string // the date as stored
}

func (e *DateError) Error() string {
	return fmt.Sprintf("stored date %q is not a real date; read as unknown (lede check --fix repairs it)", e.Stored)
}

// IsDateDamage reports whether err is (or wraps) a DateError: the record
// was read, only its date is lost.
func IsDateDamage(err error) bool {
	var de *DateError
	return errors.As(err, &de)
}

// decodeRev reads a revision record. A record that is whole but for an
// impossible date is read with the date unknown, and a DateError says
// so; any other fault is an error and rec is not to be used.
func decodeRev(v []byte, rec *RevRecord) error {
	if len(v) > 0 && v[0] == revBinary {
		return decodeRevBinary(v, rec)
	}
	err := jsonUnmarshal(v, rec)
	if err == nil {
		return nil
	}
	// The outer "date" shadows the record's own, so everything else is
	// read as usual.
	var alt struct {
		RevRecord
		Date string `json:"date"`
	}
	if json.Unmarshal(v, &alt) != nil {
		return err
	}
	if _, derr := revision.ParseDate(alt.Date); derr == nil {
		return err
	}
	*rec = alt.RevRecord
	rec.Date = revision.Date{}
	return &DateError{Stored: alt.Date}
}

// getRev reads the revision record under key for the store's own
// bookkeeping (moving, refreshing, summarising), where a damaged date
// must not stop the work: it is read as unknown and Check reports it.
func (tx txn) getRev(key []byte, rec *RevRecord) (bool, error) {
	v := tx.b(bucketRevs).Get(key)
	if v == nil {
		return false, nil
	}
	if err := decodeRev(v, rec); err != nil && !IsDateDamage(err) {
		return true, fmt.Errorf("record %x: %w", key, err)
	}
	return true, nil
}

var sourceKey = []byte(`"source":"`)

// recordSource reads what it can of an unreadable revision record's
// source, to name it in a report: the record's own "source" (the first
// key of a RevRecord holding a string, or the binary form's second
// field) when it is whole up to there.
func recordSource(v []byte) string {
	if len(v) > 0 && v[0] == revBinary {
		return binarySource(v)
	}
	i := bytes.Index(v, sourceKey)
	if i < 0 {
		return ""
	}
	start := i + len(sourceKey) - 1
	for end := start + 1; end < len(v); end++ {
		switch v[end] {
		case '\\':
			end++
		case '"':
			var s string
			json.Unmarshal(v[start:end+1], &s)
			return s
		}
	}
	return ""
}

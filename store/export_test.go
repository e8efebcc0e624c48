package store

import (
	"encoding/json"
	"fmt"
	"reflect"

	bolt "go.etcd.io/bbolt"
)

// RestoreDump is restoreDump, for the tests of package store_test.
var RestoreDump = restoreDump

// SameDecoding decodes v, a value of bucket, with encoding/json and with
// decodeRecord, and describes the first way the two differ ("" when they
// agree on the value or both fail). known is false for a bucket whose
// values are no JSON record (indexes, raw pages, features).
func SameDecoding(bucket string, v []byte) (known bool, diff string) {
	both := func(mk func() any, raw []byte) string {
		a, b := mk(), mk()
		ea, eb := json.Unmarshal(raw, a), decodeRecord(raw, b)
		switch {
		case (ea == nil) != (eb == nil):
			return fmt.Sprintf("encoding/json: %v; decodeRecord: %v", ea, eb)
		case ea == nil && !reflect.DeepEqual(a, b):
			return fmt.Sprintf("encoding/json:\n%#v\ndecodeRecord:\n%#v", a, b)
		}
		return ""
	}
	switch bucket {
	case string(bucketRevs):
		return true, both(func() any { return new(RevRecord) }, v)
	case string(bucketStories):
		if len(v) > 0 && v[0] == storyBinary {
			return true, storyAsJSON(v)
		}
		return true, both(func() any { return new(storyRecord) }, v)
	case string(bucketAlerts):
		return true, both(func() any { return new(alertRecord) }, v)
	case string(bucketDeliveries):
		return true, both(func() any { return new(Delivery) }, v)
	case string(bucketSinks):
		return true, both(func() any { return new(SinkRecord) }, v)
	case string(bucketMarks):
		return true, both(func() any { return new(markRecord) }, v)
	case string(bucketListings):
		l, err := decodeListing(v)
		if err != nil {
			return true, err.Error()
		}
		if d := both(func() any { return new(Story) }, l.story); d != "" {
			return true, d
		}
		return true, both(func() any { return new([]listingExtra) }, l.extra)
	}
	return false, ""
}

// storyAsJSON describes how a binary story record reads back otherwise
// than its JSON does with encoding/json ("" when it does not).
func storyAsJSON(v []byte) string {
	var s, j storyRecord
	if err := decodeStory(v, &s); err != nil {
		return err.Error()
	}
	raw, err := json.Marshal(s)
	if err == nil {
		err = json.Unmarshal(raw, &j)
	}
	if err != nil || !reflect.DeepEqual(s, j) {
		return fmt.Sprintf("binary:\n%#v\nits JSON (%v):\n%#v", s, err, j)
	}
	return ""
}

// RevRecords returns the revision records of the closed file at path as
// stored, and each in the other form: JSON as schema 13 wrote it for a
// binary record, binary for a JSON one.
func RevRecords(path string) (stored, other [][]byte, err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRevs).ForEach(func(_, v []byte) error {
			var rec RevRecord
			if err := decodeRev(v, &rec); err != nil {
				return err
			}
			o := encodeRev(rec)
			if v[0] == revBinary {
				if o, err = json.Marshal(rec); err != nil {
					return err
				}
			}
			stored, other = append(stored, append([]byte(nil), v...)), append(other, o)
			return nil
		})
	})
	return stored, other, err
}

// DecodeRev and EncodeRev are the record codecs, for the benchmark of
// package store_test.
var (
	DecodeRev = decodeRev
	EncodeRev = encodeRev
)

package store

import (
	"encoding/json"
	"fmt"
	"reflect"
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

package store

import "bytes"

// anyHeadline reports whether match (nil: anything) accepts the headline
// of one of a story's revisions. It decodes the headlines only.
func (tx txn) anyHeadline(uid uint64, match func(string) bool) (bool, error) {
	if match == nil {
		return true, nil
	}
	c := tx.b(bucketRevs).Cursor()
	prefix := u64(uid)
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		h, err := recordHeadline(v)
		if err != nil {
			continue // the story's listing reports the record
		}
		if match(h) {
			return true, nil
		}
	}
	return false, nil
}

var headlineKey = []byte(`"headline":"`)

// recordHeadline reads the headline of a RevRecord: of a JSON record
// without decoding the rest (recordString), of a binary one by decoding
// it (its fields have no names to search for; the decode is about 2 µs,
// BenchmarkRecordCodec).
func recordHeadline(raw []byte) (string, error) {
	if len(raw) > 0 && raw[0] == revBinary {
		rec, err := binaryRecord(raw)
		return rec.Headline, err
	}
	i := bytes.Index(raw, headlineKey)
	if i < 0 {
		var rec struct {
			Headline string `json:"headline"`
		}
		err := jsonUnmarshal(raw, &rec)
		return rec.Headline, err
	}
	return recordString(raw, headlineKey)
}

// recordString reads the string field of a RevRecord that key (`"name":"`)
// opens without decoding the rest. Inside a JSON string every quote is
// escaped, so the key with its quotes can only be the record's own field
// of that name (no nested object has a "headline" or an "agency"); the
// value is decoded from there to its closing quote.
func recordString(raw, key []byte) (string, error) {
	i := bytes.Index(raw, key)
	if i < 0 {
		return "", errCorrupt
	}
	start := i + len(key) - 1 // the opening quote
	end := start + 1
	for ; end < len(raw) && raw[end] != '"'; end++ {
		if raw[end] == '\\' {
			end++
		}
	}
	var h string
	if end >= len(raw) {
		return "", errCorrupt
	}
	err := jsonUnmarshal(raw[start:end+1], &h)
	return h, err
}

// binaryRecord decodes a binary record whose fields are wanted one by
// one: a damaged date does not stop them being read.
func binaryRecord(raw []byte) (RevRecord, error) {
	var rec RevRecord
	if err := decodeRevBinary(raw, &rec); err != nil && !IsDateDamage(err) {
		return RevRecord{}, err
	}
	return rec, nil
}

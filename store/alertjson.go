package store

import (
	"encoding/json"
	"time"
)

// jsonTime writes a time the one way lede's alert JSON writes times: RFC
// 3339 in UTC, to the second ("2026-12-04T19:13:05Z"), so that a reader
// of lede alerts --json parses ingested, created, next_retry and
// delivered alike. Zero is "".
func jsonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// msTime is a stored unix-millisecond time, zero for 0.
func msTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// MarshalJSON writes a delivery with its times in RFC 3339 (the store
// keeps them as unix milliseconds).
func (d SinkDelivery) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Sink      string `json:"sink"`
		Kind      string `json:"kind"`
		State     string `json:"state"`
		Attempts  int    `json:"attempts,omitempty"`
		LastError string `json:"last_error,omitempty"`
		NextRetry string `json:"next_retry,omitempty"`
		Delivered string `json:"delivered,omitempty"`
	}{d.Sink, d.Kind, d.State, d.Attempts, d.LastError, jsonTime(msTime(d.NextRetry)), jsonTime(msTime(d.Delivered))})
}

// MarshalJSON writes an alert with its times in RFC 3339 UTC (jsonTime).
func (a AlertInfo) MarshalJSON() ([]byte, error) {
	type plain AlertInfo // without this method
	return json.Marshal(struct {
		plain
		Ingested string `json:"ingested"`
		Created  string `json:"created"`
	}{plain(a), jsonTime(a.Ingested), jsonTime(a.Created)})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *SinkDelivery) UnmarshalJSON(b []byte) error {
	var v struct {
		Sink, Kind, State string
		Attempts          int
		LastError         string `json:"last_error"`
		NextRetry         string `json:"next_retry"`
		Delivered         string
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	next, err := parseJSONTime(v.NextRetry)
	if err != nil {
		return err
	}
	done, err := parseJSONTime(v.Delivered)
	if err != nil {
		return err
	}
	*d = SinkDelivery{Sink: v.Sink, Kind: v.Kind, Delivery: Delivery{State: v.State, Attempts: v.Attempts, LastError: v.LastError,
		NextRetry: next, Delivered: done}}
	return nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *AlertInfo) UnmarshalJSON(b []byte) error {
	type plain AlertInfo
	var v struct {
		plain
		Ingested string `json:"ingested"`
		Created  string `json:"created"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*a = AlertInfo(v.plain)
	var err error
	for _, f := range []struct {
		s  string
		to *time.Time
	}{{v.Ingested, &a.Ingested}, {v.Created, &a.Created}} {
		if f.s != "" {
			if *f.to, err = time.Parse(time.RFC3339, f.s); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseJSONTime reads a jsonTime back as unix milliseconds, 0 for "".
func parseJSONTime(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UnixMilli(), err
}

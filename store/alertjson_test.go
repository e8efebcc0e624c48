package store

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestAlertJSONTimes: every time of lede alerts --json is RFC 3339 in
// UTC to the second, the stored unix milliseconds included.
func TestAlertJSONTimes(t *testing.T) {
	at := time.Date(2026, 12, 4, 19, 13, 5, 123e6, time.FixedZone("KST", 9*3600))
	a := AlertInfo{ID: "x", Ingested: at, Created: at, Deliveries: []SinkDelivery{
		{Sink: "s", Kind: "webhook", Delivery: Delivery{State: StateRetrying, Attempts: 1, NextRetry: at.UnixMilli()}},
		{Sink: "t", Kind: "jsonl", Delivery: Delivery{State: StateDelivered, Delivered: at.UnixMilli()}},
	}}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{`"ingested":"2026-12-04T10:13:05Z"`, `"created":"2026-12-04T10:13:05Z"`,
		`"next_retry":"2026-12-04T10:13:05Z"`, `"delivered":"2026-12-04T10:13:05Z"`, `"state":"retrying"`, `"sink":"s"`} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON lacks %s:\n%s", want, got)
		}
	}
	if strings.Count(got, `"ingested"`) != 1 {
		t.Errorf("ingested twice:\n%s", got)
	}
}

// TestAlertJSONRoundTrip: what lede alerts --json writes reads back.
func TestAlertJSONRoundTrip(t *testing.T) {
	at := time.Date(2026, 12, 4, 19, 13, 5, 0, time.UTC)
	a := AlertInfo{ID: "x", Story: "s", Ingested: at, Created: at, Deliveries: []SinkDelivery{
		{Sink: "s", Kind: "webhook", Delivery: Delivery{State: StateRetrying, Attempts: 2, LastError: "HTTP 500", NextRetry: at.UnixMilli()}}}}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back AlertInfo
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Ingested.Equal(at) || !back.Created.Equal(at) || back.Story != "s" || len(back.Deliveries) != 1 || back.Deliveries[0].Delivery != a.Deliveries[0].Delivery {
		t.Errorf("round trip: %+v", back)
	}
}

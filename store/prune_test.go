package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestPruneAlerts: alerts older than the cut whose every sink is done
// (delivered or failed) go, with their delivery states; an alert still
// queued somewhere stays, and so does every newer one. The database
// still checks.
func TestPruneAlerts(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	var ins []Input
	for _, id := range []string{"AEN20200202000651320", "AEN20200202000652320", "AEN20190602000700325", "AEN20190602000751325"} {
		ins = append(ins, pageInput(t, id))
	}
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	sinks := []Sink{{ID: "terminal", Kind: "terminal", Name: "terminal"}, {ID: "webhook:http://a", Kind: "webhook", Name: "http://a"}}
	var alerts []NewAlert
	var arrivals []uint64
	for i, r := range res {
		arrivals = append(arrivals, r.Arrival)
		alerts = append(alerts, NewAlert{Arrival: r.Arrival, ID: fmt.Sprint("a-", i), Story: r.Story, Ingested: time.Now(), Body: json.RawMessage(`{}`)})
	}
	if err := db.AddAlerts(arrivals, alerts, sinks); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	// Alert 0: delivered everywhere. Alert 1: delivered, still retrying
	// at the webhook. Alert 2: delivered, and refused for good. Alert 3:
	// not sent yet.
	err = db.RecordOutcomes([]Outcome{
		{Sink: "terminal", Arrival: arrivals[0], At: now}, {Sink: "webhook:http://a", Arrival: arrivals[0], At: now},
		{Sink: "terminal", Arrival: arrivals[1], At: now}, {Sink: "webhook:http://a", Arrival: arrivals[1], At: now, Err: errors.New("HTTP 503"), Retry: now.Add(time.Minute)},
		{Sink: "terminal", Arrival: arrivals[2], At: now}, {Sink: "webhook:http://a", Arrival: arrivals[2], At: now, Err: errors.New("HTTP 410")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.PruneAlerts(now.Add(-time.Hour), 100); err != nil || n != 0 {
		t.Fatalf("pruning before the alerts were made: %d, %v", n, err)
	}
	n, err := db.PruneAlerts(now.Add(time.Hour), 100)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d (%v), want 2", n, err)
	}
	list, err := db.Alerts(0)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, a := range list {
		left = append(left, a.ID)
		if len(a.Deliveries) != 2 {
			t.Errorf("%s: %d delivery states, want 2", a.ID, len(a.Deliveries))
		}
	}
	if fmt.Sprint(left) != "[a-3 a-1]" {
		t.Errorf("alerts left %v, want [a-3 a-1]", left)
	}
	mustCheck(t, db)
	// The alert still queued is sent later and then goes too; max bounds
	// each call.
	if err := db.RecordOutcomes([]Outcome{{Sink: "webhook:http://a", Arrival: arrivals[1], At: now},
		{Sink: "terminal", Arrival: arrivals[3], At: now}, {Sink: "webhook:http://a", Arrival: arrivals[3], At: now}}); err != nil {
		t.Fatal(err)
	}
	if n, err := db.PruneAlerts(now.Add(time.Hour), 1); err != nil || n != 1 {
		t.Fatalf("pruned %d (%v), want 1 with max 1", n, err)
	}
	if n, err := db.PruneAlerts(now.Add(time.Hour), 100); err != nil || n != 1 {
		t.Fatalf("pruned %d (%v), want the last 1", n, err)
	}
	if list, _ := db.Alerts(0); len(list) != 0 {
		t.Errorf("%d alerts left", len(list))
	}
	mustCheck(t, db)
	// Revisions are never pruned.
	if rep := mustCheck(t, db); rep.Revisions != 4 {
		t.Errorf("%d revisions, want 4", rep.Revisions)
	}
}

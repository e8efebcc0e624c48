package store

import (
	"context"
	"encoding/json"
	"testing"
)

// TestEventAlerted: a version's event says whether its story already
// raised an alert, from the stored alert records, so that the rules can
// alert on the story's kills and corrections by default.
func TestEventAlerted(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	next := func(id string) Event {
		t.Helper()
		if _, err := db.Ingest(context.Background(), []Input{pageInput(t, id)}); err != nil {
			t.Fatal(err)
		}
		evs, err := db.Events(10)
		if err != nil || len(evs) != 1 {
			t.Fatalf("events: %d, %v", len(evs), err)
		}
		return evs[0]
	}
	first := next("AEN20200202000651320")
	if first.Alerted {
		t.Errorf("first version of a new story: alerted")
	}
	a := NewAlert{Arrival: first.Arrival, ID: "x-1", Story: first.Story, Kinds: []string{"new-story"}, Body: json.RawMessage(`{}`)}
	if err := db.AddAlerts([]uint64{first.Arrival}, []NewAlert{a}, nil); err != nil {
		t.Fatal(err)
	}
	lead := next("AEN20200202000652320")
	if lead.Story != first.Story || !lead.Alerted {
		t.Errorf("lead of the alerted story %s: story %s alerted %v", first.Story, lead.Story, lead.Alerted)
	}
	if err := db.AddAlerts([]uint64{lead.Arrival}, nil, nil); err != nil {
		t.Fatal(err)
	}
	other := next("AEN20190602000700325")
	if other.Story == first.Story || other.Alerted {
		t.Errorf("another story %s: alerted %v", other.Story, other.Alerted)
	}
}

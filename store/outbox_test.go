package store

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

// pageInput parses a corpus page into an Input.
func pageInput(t *testing.T, id string) Input {
	t.Helper()
	path := filepath.Join(corpus, "pages", id+".txt")
	r, raw, err := wire.ParseFile(path, nil, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Input{Source: path, Raw: raw, Rev: r}
}

func TestOutboxEvents(t *testing.T) {
	db := openTemp(t)
	first, lead := pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20200202000652320")
	// Before alerts are enabled, ingest records no events.
	if _, err := db.Ingest(context.Background(), []Input{pageInput(t, "AEN20190602000700325")}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(context.Background(), []Input{first, lead, first}); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 2 {
		t.Fatalf("%d events, want 2 (the duplicate makes none)", len(evs))
	}
	e0, e1 := evs[0], evs[1]
	if !e0.NewStory || e0.PrevSeq != -1 || e0.Prev != nil || e0.Rev != 1 {
		t.Errorf("first version's event: %+v", e0)
	}
	if e1.NewStory || e1.PrevSeq != 0 || e1.Prev == nil || e1.Rev != 2 || e1.Story != e0.Story ||
		e1.Record.Marker.Label != "LEAD" || string(e1.PrevRaw) != string(first.Raw) || string(e1.Raw) != string(lead.Raw) {
		t.Errorf("lead's event: story %s rev %d prevseq %d marker %q", e1.Story, e1.Rev, e1.PrevSeq, e1.Record.Marker.Label)
	}
	if time.Since(e1.Ingested) > time.Minute {
		t.Errorf("ingested %v", e1.Ingested)
	}
	sinks := []Sink{{ID: "webhook:http://a", Kind: "webhook", Name: "http://a"}, {ID: "terminal", Kind: "terminal", Name: "terminal"}}
	alert := NewAlert{Arrival: e1.Arrival, ID: "x-2", Story: e1.Story, Marker: "LEAD", Kinds: []string{"lead"},
		Ingested: e1.Ingested, Body: json.RawMessage(`{"id":"x-2"}`)}
	if err := db.AddAlerts([]uint64{e0.Arrival, e1.Arrival}, []NewAlert{alert}, sinks); err != nil {
		t.Fatal(err)
	}
	if evs, _ := db.Events(10); len(evs) != 0 {
		t.Errorf("%d events left after AddAlerts", len(evs))
	}
	checkDeliveries(t, db, e1.Arrival)
}

// checkDeliveries walks one alert through a failed attempt, a refused
// retry, lede alerts --retry and a delivery.
func checkDeliveries(t *testing.T, db *DB, arrival uint64) {
	t.Helper()
	now := time.Now()
	ds, _, err := db.NextDue("webhook:http://a", now, 10)
	if err != nil || len(ds) != 1 || ds[0].ID != "x-2" || string(ds[0].Body) != `{"id":"x-2"}` {
		t.Fatalf("NextDue: %+v, %v", ds, err)
	}
	retry := now.Add(time.Hour)
	if err := db.RecordOutcomes([]Outcome{{Sink: "webhook:http://a", Arrival: arrival, At: now, Err: errors.New("HTTP 500"), Retry: retry},
		{Sink: "terminal", Arrival: arrival, At: now}}); err != nil {
		t.Fatal(err)
	}
	if d, at, _ := db.NextDue("webhook:http://a", now, 10); d != nil || at.UnixMilli() != retry.UnixMilli() {
		t.Errorf("during backoff: due %+v at %v, want nothing until %v", d, at, retry)
	}
	if d, at, _ := db.NextDue("terminal", now, 10); d != nil || !at.IsZero() {
		t.Errorf("terminal queue not empty: %+v %v", d, at)
	}
	list, err := db.Alerts(5)
	if err != nil || len(list) != 1 || len(list[0].Deliveries) != 2 {
		t.Fatalf("Alerts: %+v, %v", list, err)
	}
	for _, sd := range list[0].Deliveries {
		want := map[string]string{"terminal": StateDelivered, "webhook": StateRetrying}[sd.Kind]
		if sd.State != want || sd.Kind == "webhook" && (sd.Attempts != 1 || sd.LastError != "HTTP 500") {
			t.Errorf("%s: %+v, want %s", sd.Kind, sd.Delivery, want)
		}
	}
	if n, err := db.Retry(); err != nil || n != 1 {
		t.Errorf("Retry: %d, %v", n, err)
	}
	if d, _, _ := db.NextDue("webhook:http://a", now, 10); len(d) != 1 || d[0].Attempts != 1 {
		t.Fatalf("after Retry: %+v", d)
	}
	if err := db.RecordOutcomes([]Outcome{{Sink: "webhook:http://a", Arrival: arrival, At: now}}); err != nil {
		t.Fatal(err)
	}
	if d, at, _ := db.NextDue("webhook:http://a", now, 10); d != nil || !at.IsZero() {
		t.Errorf("delivered alert still due: %+v %v", d, at)
	}
}

// TestOutboxEventsAfterDisplacement: a first version joins the 2nd LD of
// another story that copied it, then its own 2nd LD displaces the copy,
// all in one batch. The events say what the batch ended with: two new
// stories, and the own 2nd LD a lead over the first version.
func TestOutboxEventsAfterDisplacement(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	ins := []Input{pageInput(t, "AEN20200301003600320"), pageInput(t, "AEN20200301000952320"), pageInput(t, "AEN20200301003652320")}
	if _, err := db.Ingest(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Events(10)
	if err != nil || len(evs) != 3 {
		t.Fatalf("%d events (%v), want 3", len(evs), err)
	}
	type ev struct {
		New  bool
		Prev int
		Rev  int
	}
	want := []ev{{true, -1, 1}, {true, -1, 1}, {false, 0, 2}}
	for i, e := range evs {
		if got := (ev{e.NewStory, e.PrevSeq, e.Rev}); got != want[i] {
			t.Errorf("event of %s: %+v, want %+v", e.Record.Source, got, want[i])
		}
	}
	if evs[0].Story != evs[2].Story || evs[1].Story == evs[0].Story {
		t.Errorf("stories %s, %s, %s", evs[0].Story, evs[1].Story, evs[2].Story)
	}
}

func TestWatchlist(t *testing.T) {
	db := openTemp(t)
	res, err := db.Ingest(context.Background(), []Input{pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20190602000700325")})
	if err != nil {
		t.Fatal(err)
	}
	if id, err := db.SetFollow("2002", true); err != nil || id != res[0].Story {
		t.Fatalf("follow: %q, %v", id, err)
	}
	if _, err := db.SetMute(res[1].Story, true); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFollowGrep(`typhoon`, true); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFollowGrep(`(`, true); err == nil {
		t.Error("bad regexp accepted")
	}
	w, err := db.Watchlist()
	if err != nil || len(w.Follow) != 1 || w.Follow[0].ID != res[0].Story || len(w.Mute) != 1 || len(w.Grep) != 1 {
		t.Fatalf("watchlist %+v, %v", w, err)
	}
	if _, err := db.SetFollow(res[0].Story, false); err != nil {
		t.Fatal(err)
	}
	if w, _ := db.Watchlist(); len(w.Follow) != 0 {
		t.Errorf("unfollow left %+v", w.Follow)
	}
}

// TestAlertsOnOlderFile reads alerts from a file written before alerts
// existed (no alert buckets), opened read-only as lede alerts does:
// nothing to list, no error. A write-open adds the buckets.
func TestAlertsOnOlderFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Ingest(context.Background(), []Input{pageInput(t, "AEN20200202000651320")}); err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		for _, b := range alertBuckets {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := ro.Alerts(10)
	evs, eerr := ro.Events(10)
	wl, werr := ro.Watchlist()
	due, _, derr := ro.NextDue("terminal", time.Now(), 10)
	ro.Close()
	if err != nil || eerr != nil || werr != nil || derr != nil || len(list)+len(evs)+len(wl.Follow)+len(due) != 0 {
		t.Fatalf("read-only: %v %v %v %v", err, eerr, werr, derr)
	}
	rw, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if _, err := rw.EnableAlerts(); err != nil {
		t.Fatalf("write-open did not add the alert buckets: %v", err)
	}
}

func TestFileStamps(t *testing.T) {
	db := openTemp(t)
	if err := db.SetFileStamps(map[string]FileStamp{"/in/a.txt": {Size: 10, Mod: 1234567890123}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.FileStamps([]string{"/in/a.txt", "/in/b.txt"})
	if err != nil || len(got) != 1 || got["/in/a.txt"] != (FileStamp{Size: 10, Mod: 1234567890123}) {
		t.Errorf("FileStamps: %v, %v", got, err)
	}
}

// TestCheckOutbox breaks the outbox on purpose: lede check reports a
// delivery whose alert is gone.
func TestCheckOutbox(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	res, err := db.Ingest(context.Background(), []Input{pageInput(t, "AEN20200202000651320")})
	if err != nil {
		t.Fatal(err)
	}
	a := NewAlert{Arrival: res[0].Arrival, ID: "x", Body: json.RawMessage(`{}`)}
	if err := db.AddAlerts([]uint64{a.Arrival}, []NewAlert{a}, []Sink{{ID: "terminal"}}); err != nil {
		t.Fatal(err)
	}
	if rep, err := db.Check(); err != nil || len(rep.Problems) != 0 {
		t.Fatalf("sound outbox: %v %v", rep.Problems, err)
	}
	db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketAlerts).Delete(u64(a.Arrival)) })
	rep, err := db.Check()
	if err != nil || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "delivery of alert") {
		t.Errorf("problems %q, %v", rep.Problems, err)
	}
}

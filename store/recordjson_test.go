package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"lede/intake"
	"lede/revision"
	"lede/revision/revisiontest"
	"lede/store"
)

// TestRecordDecodeAsBefore: the record decoder (recordjson.go) reads
// every JSON record as encoding/json did, value for value, in files
// written by older ledes (the schema 6 and 7 fixtures, before and after
// their migration) and in one this lede wrote from every bundled input,
// the shared corpus when it is there and synthetic pages, with update
// summaries, advisories, alerts, a mark, a delivery, a split, a merge
// and a removal in it.
func TestRecordDecodeAsBefore(t *testing.T) {
	for _, schema := range []int{6, 7} {
		path := filepath.Join(t.TempDir(), "old.db")
		store.RestoreDump(t, fmt.Sprintf("testdata/schema%d.dump.jsonl", schema), path)
		sameRecords(t, fmt.Sprintf("schema %d", schema), path, 5)
		db, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		sameRecords(t, fmt.Sprintf("schema %d migrated", schema), path, 5)
	}
	path := filepath.Join(t.TempDir(), "lede.db")
	pages := filepath.Join(t.TempDir(), "pages")
	if _, err := revisiontest.WriteDir(pages, revisiontest.Config{Seed: 5, Revisions: 1500}); err != nil {
		t.Fatal(err)
	}
	inputs := []string{"../testdata", pages}
	if _, err := os.Stat("../../shared/corpus"); err == nil {
		inputs = append(inputs, "../../shared/corpus")
	}
	ids := ingestAll(t, path, inputs)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, "mark", func() error { _, err := db.Mark(ids[0], store.Pick{N: 1}, time.Unix(1.7e9, 0)); return err })
	mustDo(t, "split", func() error { _, err := db.Split(ids[1], 2); return err })
	mustDo(t, "merge", func() error { _, err := db.Merge(ids[2], ids[3]); return err })
	mustDo(t, "remove", func() error { _, err := db.Remove(ids[4], 1, store.RemoveOptions{}); return err })
	mustDo(t, "alerts", func() error {
		return db.AddAlerts(nil, []store.NewAlert{{Arrival: 1, ID: "a1", Story: ids[0], Marker: "LEAD", Headline: "Quake \u00e9",
			Kinds: []string{"new-lead"}, Ingested: time.Unix(1.7e9, 0), Body: json.RawMessage(`{"a": [1, 2.50], "b":"x\u00e9"}`)}},
			[]store.Sink{{ID: "hook", Kind: "webhook", Name: "desk"}})
	})
	mustDo(t, "deliveries", func() error {
		return db.RecordOutcomes([]store.Outcome{
			{Sink: "hook", Arrival: 1, At: time.Unix(1.7e9, 0), Err: errors.New("503 Service Unavailable"), Retry: time.Unix(1.7e9+60, 0)},
			{Sink: "mail", Arrival: 2, At: time.Unix(1.7e9, 0)},
		})
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, "written now", path, 1)
}

// ingestAll stores everything under inputs into the file at path as lede
// ingest does, summaries and alerts included, and returns the ids of the
// stories that got updates, at least five.
func ingestAll(t testing.TB, path string, inputs []string) []string {
	var ids []string
	seen := map[string]bool{}
	d := &intake.Driver{
		Open:      func(context.Context) (*store.DB, error) { return store.Open(path, store.Options{}) },
		Path:      path,
		Batch:     200,
		Summaries: &intake.Summaries{},
		Stored: func(_ []intake.Input, results []store.Result, _ map[uint64]revision.UpdateSummary) error {
			for _, r := range results {
				if r.Status == store.StatusUpdate && r.Rev >= 2 && !r.Advisory && !seen[r.Story] {
					seen[r.Story] = true
					ids = append(ids, r.Story)
				}
			}
			return nil
		},
	}
	if err := d.Run(context.Background(), intake.Each(inputs)); err != nil {
		t.Fatal(err)
	}
	if len(ids) < 5 {
		t.Fatalf("%d stories with updates, want 5", len(ids))
	}
	return ids
}

func mustDo(t *testing.T, what string, f func() error) {
	t.Helper()
	if err := f(); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// sameRecords compares the two decodings of every JSON record in the
// file at path, and fails unless each bucket of records holds at least
// least of them (revs, stories and listings, where the schema has them).
func sameRecords(t *testing.T, name, path string, least int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	counts := map[string]int{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				known, diff := store.SameDecoding(string(name), v)
				if diff != "" {
					return fmt.Errorf("%s %x: %s", name, k, diff)
				}
				if known && v != nil {
					counts[string(name)]++
				}
				return nil
			})
		})
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	t.Logf("%s: records compared %v", name, counts)
	for _, b := range []string{"revs", "stories"} {
		if counts[b] < least {
			t.Errorf("%s: %d %s records, want at least %d", name, counts[b], b, least)
		}
	}
	if least == 1 {
		for _, b := range []string{"listings", "alerts", "marks", "deliveries", "sinks"} {
			if counts[b] == 0 {
				t.Errorf("%s: no %s records compared", name, b)
			}
		}
	}
}

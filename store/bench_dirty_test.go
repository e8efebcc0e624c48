package store

import (
	"context"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"

	bolt "go.etcd.io/bbolt"
)

// dirtyBatch is the batch of BenchmarkIngestDirty, the CLI's default.
const dirtyBatch = 500

// BenchmarkIngestDirty measures what a batch's write transaction holds in
// memory as the database grows: it ingests 10^5 synthetic pages (seed 2,
// as cmd/lede's BenchmarkIngestCLI) in batches of 500 and reports, over
// the first and the last 10^4 pages, bbolt's nodes (leaves and branches
// copied into the transaction to be changed) and page bytes allocated to
// write them out, per batch. Flat figures mean the batch bounds a
// commit's memory; growth names a bucket whose new keys scatter over a
// tree that grows with the file (-v lists the buckets' leaves at each
// end). One size per run:
//
//	go test ./store -run '^$' -bench IngestDirty -benchtime 1x -v
func BenchmarkIngestDirty(b *testing.B) {
	const n, window = 100_000, 10_000
	for b.Loop() {
		db, err := Open(filepath.Join(b.TempDir(), "lede.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		first, last := ingestDirty(b, db, n, window)
		db.Close()
		b.ReportMetric(first[0], "first-nodes/batch")
		b.ReportMetric(last[0], "last-nodes/batch")
		b.ReportMetric(first[1], "first-alloc-KiB/batch")
		b.ReportMetric(last[1], "last-alloc-KiB/batch")
	}
}

// ingestDirty ingests n synthetic pages into db and returns the nodes and
// KiB allocated per batch over the first and the last window pages.
func ingestDirty(b *testing.B, db *DB, n, window int) (first, last [2]float64) {
	pages := make(chan revisiontest.Page, 1024)
	go func() {
		defer close(pages)
		err := revisiontest.Generate(revisiontest.Config{Seed: 2, Revisions: n}, func(p revisiontest.Page) error {
			p.Text = append([]byte(nil), p.Text...) // the generator reuses its buffer
			pages <- p
			return nil
		})
		if err != nil {
			panic(err)
		}
	}()
	var ins []Input
	done := 0
	perWindow := float64(window / dirtyBatch)
	for in := range parsePages(b, pages) {
		ins = append(ins, in.Input)
		if done++; len(ins) < dirtyBatch {
			continue
		}
		before := db.bolt.Stats().TxStats
		if _, err := db.Ingest(context.Background(), ins); err != nil {
			b.Fatal(err)
		}
		after := db.bolt.Stats().TxStats
		d := [2]float64{float64(after.GetNodeCount()-before.GetNodeCount()) / perWindow,
			float64(after.GetPageAlloc()-before.GetPageAlloc()) / 1024 / perWindow}
		switch {
		case done <= window:
			first[0], first[1] = first[0]+d[0], first[1]+d[1]
		case done > n-window:
			last[0], last[1] = last[0]+d[0], last[1]+d[1]
		}
		if done == window || done == n {
			logLeaves(b, db, done)
		}
		ins = ins[:0]
	}
	return first, last
}

// logLeaves logs each bucket's keys and leaf pages.
func logLeaves(b *testing.B, db *DB, done int) {
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			if s := bk.Stats(); s.KeyN > 0 {
				b.Logf("%d pages: %-10s %8d keys %6d leaves", done, name, s.KeyN, s.LeafPageN)
			}
			return nil
		})
	})
}

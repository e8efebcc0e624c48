package store_test

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
	"lede/store"
)

// BenchmarkRecordCodec decodes and encodes the revision records of a
// file lede ingested (the bundled inputs and 1,500 synthetic pages, with
// their update summaries) in the binary form of schema 14 and as the
// JSON of schema 13, per record.
//
//	go test ./store -run '^$' -bench RecordCodec
func BenchmarkRecordCodec(b *testing.B) {
	path := filepath.Join(b.TempDir(), "lede.db")
	pages := filepath.Join(b.TempDir(), "pages")
	if _, err := revisiontest.WriteDir(pages, revisiontest.Config{Seed: 5, Revisions: 1500}); err != nil {
		b.Fatal(err)
	}
	ingestAll(b, path, []string{"../testdata", pages})
	bin, js, err := store.RevRecords(path)
	if err != nil {
		b.Fatal(err)
	}
	recs := make([]store.RevRecord, len(bin))
	for i, v := range bin {
		if err := store.DecodeRev(v, &recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	perRecord := func(b *testing.B, f func(i int)) {
		for b.Loop() {
			for i := range recs {
				f(i)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(recs)), "ns/record")
	}
	for _, form := range []struct {
		name string
		raw  [][]byte
	}{{"binary", bin}, {"json", js}} {
		n := 0
		for _, v := range form.raw {
			n += len(v)
		}
		b.Run("decode/"+form.name, func(b *testing.B) {
			var rec store.RevRecord
			perRecord(b, func(i int) {
				if err := store.DecodeRev(form.raw[i], &rec); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(n)/float64(len(recs)), "bytes/record")
		})
	}
	b.Run("encode/binary", func(b *testing.B) {
		perRecord(b, func(i int) { store.EncodeRev(recs[i]) })
	})
	b.Run("encode/json", func(b *testing.B) {
		perRecord(b, func(i int) { json.Marshal(recs[i]) })
	})
}

package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestAppendBucketsFillPages: after an ingest in batches, the buckets
// appendFill names use most of their leaf pages, where bbolt's default
// split leaves them half full (50-56% here).
func TestAppendBucketsFillPages(t *testing.T) {
	db := openTemp(t)
	ins, _ := syntheticInputs(t, 4, 1500)
	for i := 0; i < len(ins); i += 250 {
		ingest(t, db, ins[i:min(i+250, len(ins))]...)
	}
	mustCheck(t, db)
	err := db.bolt.View(func(btx *bolt.Tx) error {
		for _, b := range []struct {
			name []byte
			want float64
		}{{bucketRaw, 0.8}, {bucketArrivals, 0.8}} {
			name := b.name
			st := btx.Bucket(name).Stats()
			used := float64(st.LeafInuse) / float64(st.LeafPageN*btx.DB().Info().PageSize)
			if st.LeafPageN < 4 || used < b.want {
				t.Errorf("bucket %s: %d leaf pages %.0f%% used, want most of them", name, st.LeafPageN, 100*used)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

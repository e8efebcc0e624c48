package store

import (
	"testing"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// TestRefileRepairsLostPostings: a file from before moved revisions left
// their story's postings whole lacks index terms of the revisions that
// stayed; Check names them and Refile files them again.
func TestRefileRepairsLostPostings(t *testing.T) {
	db := openTemp(t)
	first, lead := pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20200202000652320")
	res := ingest(t, db, first, lead)
	if _, err := db.Split(res[0].Story, 2); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db) // a split keeps the postings of what stays
	// What the older code left: the terms the LEAD shared with the first
	// version deleted for the first version's story too.
	f := revision.FeaturesOf(lead.Rev)
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		uid := getU64(tx.b(bucketArrivals).Get(u64(res[0].Arrival)))
		s, err := tx.story(uid)
		if err != nil {
			return err
		}
		return tx.delTerms(f, s.Year, uid)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check()
	if err != nil || len(rep.Unfiled) != 1 || rep.Unfiled[0] != res[0].Arrival || len(rep.Problems) != 1 {
		t.Fatalf("check: unfiled %v, problems %q (%v); want the first version", rep.Unfiled, rep.Problems, err)
	}
	if err := db.Refile(rep.Unfiled); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
}

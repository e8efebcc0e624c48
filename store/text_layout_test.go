package store

import (
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// textIndexOf reads the whole text index as key -> arrivals.
func textIndexOf(t *testing.T, db *DB) map[string][]uint64 {
	t.Helper()
	out := map[string][]uint64{}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketText).ForEach(func(k, v []byte) error {
			offs, err := decodePostings(nil, v)
			if err != nil {
				t.Errorf("key %q: %v", k, err)
			}
			for _, o := range offs {
				out[string(k)] = append(out[string(k)], textKeyEpoch(k)<<textEpochBits|uint64(o))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// expectedText is the text index of inputs stored as arrivals, left out
// those in gone: one key per epoch and word, listing the arrivals of the
// epoch whose input holds the word.
func expectedText(ins []Input, res []Result, gone map[uint64]bool) map[string][]uint64 {
	out := map[string][]uint64{}
	for i, r := range res {
		if r.Arrival == 0 || gone[r.Arrival] {
			continue
		}
		e, _ := textSlot(r.Arrival)
		for _, w := range rawWords(ins[i].Raw) {
			k := string(textKey(e, w))
			out[k] = append(out[k], r.Arrival)
		}
	}
	return out
}

func sameText(t *testing.T, when string, got, want map[string][]uint64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d keys, want %d", when, len(got), len(want))
	}
	bad := 0
	for k, w := range want {
		if g := got[k]; !slices.Equal(g, w) && bad < 5 {
			bad++
			t.Errorf("%s: epoch %d word %q lists %v, want %v", when, textKeyEpoch([]byte(k)), k[4:], g, w)
		}
	}
}

// TestTextPostingsLayout stores 700 synthetic versions in batches of
// 250, so that the third batch meets epoch 0, begun by the first two,
// and begins epoch 1: every epoch holds one key per distinct word of
// its versions, listing exactly the versions whose inputs hold it, and a
// version removed leaves every list, a list it alone made going with it.
func TestTextPostingsLayout(t *testing.T) {
	db := openTemp(t)
	ins, _ := syntheticInputs(t, 3, 700)
	var res []Result
	for i := 0; i < len(ins); i += 250 {
		res = append(res, ingest(t, db, ins[i:min(i+250, len(ins))]...)...)
	}
	got, want := textIndexOf(t, db), expectedText(ins, res, nil)
	sameText(t, "after ingest", got, want)
	merged := false
	for k, as := range want {
		if textKeyEpoch([]byte(k)) == 0 && as[0] <= 250 && as[len(as)-1] > 500 {
			merged = true
		}
	}
	if !merged || len(res) < 700 || res[699].Arrival < textEpochLen {
		t.Fatalf("no list of epoch 0 holds versions of the first and third batches (%d arrivals): the merge is not tested", res[len(res)-1].Arrival)
	}
	mustCheck(t, db)

	// The search reads every epoch's lists of the words a prefix begins.
	err := db.bolt.View(func(btx *bolt.Tx) error {
		found, ok := txn{Tx: btx}.versionsWithPrefix("korea", len(res))
		var wantFound []uint64
		for k, as := range want {
			if strings.HasPrefix(k[4:], "korea") {
				wantFound = append(wantFound, as...)
			}
		}
		slices.Sort(wantFound)
		if g := slices.Sorted(maps.Keys(found)); !ok || !slices.Equal(g, slices.Compact(wantFound)) || len(g) == 0 {
			t.Errorf("korea finds %d versions (%v), the inputs hold it in %d", len(g), ok, len(slices.Compact(wantFound)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Remove a version with a word no other version of its epoch holds.
	var only uint64
	var onlyKey string
	for k, as := range want {
		if len(as) == 1 && textKeyEpoch([]byte(k)) == 0 {
			only, onlyKey = as[0], k
			break
		}
	}
	if only == 0 {
		t.Fatal("no word of epoch 0 is held by one version")
	}
	if _, err := db.RemoveArrival(only, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	got = textIndexOf(t, db)
	sameText(t, "after rm", got, expectedText(ins, res, map[uint64]bool{only: true}))
	if _, ok := got[onlyKey]; ok {
		t.Errorf("the list of %q, which only r%d held, outlived it", onlyKey[4:], only)
	}
	mustCheck(t, db)
}

// rewriteClosed closes db and changes its file with change, as an older
// lede left it, through bbolt alone; it returns the file's path.
func rewriteClosed(t *testing.T, db *DB, change func(*bolt.Tx) error) string {
	t.Helper()
	path := db.path
	db.Close()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(change)
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTextMigrationFromSchema12: a schema 12 file (11 had the same text
// index), whose text index
// filed a key per version and word, gets the packed lists at its next
// write open, the same lists ingest files, and its old index goes.
func TestTextMigrationFromSchema12(t *testing.T) {
	db := openTemp(t)
	ins, _ := syntheticInputs(t, 4, 120)
	res := ingest(t, db, ins[:70]...)
	res = append(res, ingest(t, db, ins[70:]...)...)
	packed := dumpBucket(t, db, bucketText)
	if len(packed) < 1000 {
		t.Fatalf("%d text keys for 120 versions", len(packed))
	}
	path := rewriteClosed(t, db, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketText); err != nil {
			return err
		}
		old, err := tx.CreateBucket(bucketTextKeys)
		if err != nil {
			return err
		}
		for i, r := range res {
			for _, w := range rawWords(ins[i].Raw) {
				// Schemas 11-12's key: epoch | word | 0 | arrival.
				k := binary.BigEndian.AppendUint32(nil, uint32(r.Arrival>>9))
				k = append(append(k, w...), 0)
				if err := old.Put(append(k, u64(r.Arrival)...), nil); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 12))
	})
	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if got := dumpBucket(t, db2, bucketText); !slices.Equal(got, packed) {
		t.Errorf("the migration files %d text keys, ingest filed %d", len(got), len(packed))
	}
	db2.bolt.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketTextKeys) != nil {
			t.Error("schema 12's text index outlived the migration")
		}
		return nil
	})
	mustCheck(t, db2)
}

// TestCheckText: lede check finds a version's word missing from its
// list, a list naming a version never stored or one whose input lacks
// the word, a list that does not decode, and a key too short to be one.
func TestCheckText(t *testing.T) {
	db := openTemp(t)
	ins, _ := syntheticInputs(t, 6, 40)
	res := ingest(t, db, ins...)
	mustCheck(t, db)
	a := res[len(res)-1].Arrival
	words := rawWords(ins[len(ins)-1].Raw)
	k := textKey(0, words[0])
	var kept []byte
	db.bolt.View(func(tx *bolt.Tx) error {
		kept = append(kept, tx.Bucket(bucketText).Get(k)...)
		return nil
	})
	_, aOff := textSlot(a)
	// A word no version holds.
	stray := textKey(0, "zzzstray")
	for _, tc := range []struct {
		name, want string
		key, v     []byte
	}{
		{"a version's word missing", RefOf(a) + `: word "` + words[0] + `" is not in the text index`, k, dropOffset(t, kept, aOff)},
		{"a version never stored", "for " + RefOf(a+1) + ", which is not stored", k, encodePostings([]uint16{aOff, aOff + 1})},
		{"a word its input lacks", `the text index files word "zzzstray" for ` + RefOf(a) + ", whose input does not hold it", stray, encodePostings([]uint16{aOff})},
		{"a list that does not decode", `text index list of "` + words[0] + `" in epoch 0: not a sorted list`, k, []byte{1, 0}},
		{"a short key", "text index key 0000 is not epoch | word", []byte{0, 0}, []byte{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			put := func(key, v []byte) {
				err := db.bolt.Update(func(tx *bolt.Tx) error {
					if v == nil {
						return tx.Bucket(bucketText).Delete(key)
					}
					return tx.Bucket(bucketText).Put(key, v)
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			put(tc.key, tc.v)
			rep, err := db.Check()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.Contains(p, tc.want) }) {
				t.Errorf("check says %q, want %q", rep.Problems, tc.want)
			}
			if string(tc.key) == string(k) {
				put(k, kept)
			} else {
				put(tc.key, nil)
			}
			mustCheck(t, db)
		})
	}
}

func dropOffset(t *testing.T, v []byte, off uint16) []byte {
	t.Helper()
	w, found, err := dropPosting(v, off)
	if err != nil || !found {
		t.Fatalf("dropping %d from %x: %x %v %v", off, v, w, found, err)
	}
	return w
}

package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

// sameListing fails the test unless the listing records list what the
// records do: for opt, EachStoryJSON gives, story by story, the bytes
// json.Marshal gives of the story Stories reads whole from its records
// (the path listings took before), and EachStory decodes to a story that
// marshals to them too. It returns how many stories it compared.
func sameListing(t *testing.T, db *DB, opt ListOptions) int {
	t.Helper()
	old, err := db.Stories(opt)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]byte
	err = db.EachStoryJSON(opt, func(js []byte) error {
		got = append(got, bytes.Clone(js))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var decoded []Story
	if err := db.EachStory(opt, func(s Story) error { decoded = append(decoded, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(old) || len(decoded) != len(old) {
		t.Fatalf("%+v: %d stories from listing records (%d decoded), %d from the records", opt, len(got), len(decoded), len(old))
	}
	for i, s := range old {
		want, _ := json.Marshal(s)
		again, _ := json.Marshal(decoded[i])
		if !bytes.Equal(got[i], want) || !bytes.Equal(again, want) {
			t.Fatalf("story %d (%s):\nlisting %s\ndecoded %s\nrecords %s", i, s.ID, got[i], again, want)
		}
		l := decoded[i].Latest()
		if l.Record.Arrival != s.Latest().Record.Arrival || l.Record.Time != s.Latest().Record.Time ||
			decoded[i].Lead() != s.Lead() || decoded[i].IsAdvisory() != s.IsAdvisory() || l.Marker.Text() != s.Latest().Marker.Text() ||
			l.Sent() != s.Latest().Sent() {
			t.Fatalf("story %s decoded: %+v, want %+v", s.ID, l.Record, s.Latest().Record)
		}
	}
	return len(old)
}

// TestListingFollowsEveryWrite: after ingest, a merge, a split, lede rm
// of a version and of a story, summaries, a mark and advisories, every story's
// listing record lists what its records do, and check finds none stale.
func TestListingFollowsEveryWrite(t *testing.T) {
	db := openTemp(t)
	var ins []Input
	for _, id := range []string{"AEN20200202000651320", "AEN20200202000652320", "AEN20190602000700325",
		"AEN20190602000751325", "AEN20200201001200320", "AEN20200201001252320"} {
		ins = append(ins, pageInput(t, id))
	}
	res := ingest(t, db, ins...)
	store1(t, db, fire1, fire2, fireAdvisory, fireKill)
	step := func(what string) {
		t.Helper()
		if n := sameListing(t, db, ListOptions{}); n == 0 {
			t.Fatalf("after %s: nothing listed", what)
		}
		checkClean(t, db)
	}
	step("ingest")
	if _, err := db.Merge(res[0].Story, res[2].Story); err != nil {
		t.Fatal(err)
	}
	step("merge")
	if _, err := db.Split(res[0].Story, 3); err != nil {
		t.Fatal(err)
	}
	step("split")
	var ids []string
	for _, r := range res {
		ids = append(ids, r.Story)
	}
	pairs, err := db.StaleSummaries(ids)
	if err != nil || len(pairs) == 0 {
		t.Fatalf("stale summaries: %d, %v", len(pairs), err)
	}
	p := pairs[0]
	if err := db.SetSummaries([]ComputedSummary{{Arrival: p.Arrival, PrevArrival: p.PrevArrival, Summary: revision.UpdateSummary{Added: 3, Changed: 1}}}); err != nil {
		t.Fatal(err)
	}
	step("summaries")
	if _, err := db.Mark(res[0].Story, Pick{N: 1}, time.Unix(1700000000, 0)); err != nil {
		t.Fatal(err)
	}
	step("mark")
	if _, err := db.RemoveArrival(res[5].Arrival, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	step("rm of a version")
	if _, err := db.Remove(res[4].Story, 0, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	step("rm of a story")
	for _, opt := range []ListOptions{{Agency: "ap"}, {Status: StoryKilled}, {Limit: 2, Offset: 1}, {Headline: func(h string) bool { return strings.Contains(h, "Fire") }}} {
		sameListing(t, db, opt)
	}
}

// TestListingSyntheticStore: on a store of 3,000 synthetic revisions the
// listing records list what the records do, under every filter.
func TestListingSyntheticStore(t *testing.T) {
	db := openTemp(t)
	var ins []Input
	flush := func() {
		if _, err := db.Ingest(context.Background(), ins); err != nil {
			t.Fatal(err)
		}
		ins = ins[:0]
	}
	err := revisiontest.Generate(revisiontest.Config{Seed: 7, Revisions: 3000}, func(p revisiontest.Page) error {
		raw := bytes.Clone(p.Text)
		r, err := wire.Parse(p.Name, raw, wire.Options{})
		if err != nil {
			return err
		}
		if ins = append(ins, Input{Source: p.Name, Raw: raw, Rev: r}); len(ins) == 500 {
			flush()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	flush()
	if n := sameListing(t, db, ListOptions{}); n < 500 {
		t.Fatalf("%d stories listed", n)
	}
	h, prefixes := WordSearch("korea")
	for _, opt := range []ListOptions{{Limit: 10, Offset: 20}, {Headline: h, Prefixes: prefixes}, {Status: StoryUsable, Limit: 50}} {
		sameListing(t, db, opt)
	}
	checkClean(t, db)
}

// TestListingMigration: a file of schema 11 has no listing records; the
// first write open builds them (schema 12), and they list what the
// records do.
func TestListingMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20200202000652320"), pageInput(t, "AEN20190602000700325"))
	db = reopenAs(t, db, path, 11, bucketListings)
	defer db.Close()
	n := 0
	db.bolt.View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketListings).Stats().KeyN; return nil })
	if n != 2 {
		t.Fatalf("%d listing records after the migration, want 2", n)
	}
	sameListing(t, db, ListOptions{})
	checkClean(t, db)
}

// TestCheckFindsStaleListing: a listing record that does not match its
// story's records is a problem check names, and RebuildListings repairs.
func TestCheckFindsStaleListing(t *testing.T) {
	db := openTemp(t)
	res := ingest(t, db, pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20190602000700325"))
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketListings)
		k, v := b.Cursor().First()
		return b.Put(bytes.Clone(k), bytes.Replace(v, []byte(`"rev":1`), []byte(`"rev":7`), 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check()
	if err != nil || len(rep.StaleListings) != 1 || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "does not match its records") {
		t.Fatalf("check: %v %q %v", err, rep.Problems, rep.StaleListings)
	}
	if err := db.RebuildListings(rep.StaleListings); err != nil {
		t.Fatal(err)
	}
	checkClean(t, db)
	sameListing(t, db, ListOptions{})
	if res[0].Story == "" {
		t.Fatal("no story")
	}
}

// TestUntrackedWriteFails: a story's records written in a transaction
// that db.update does not run fail, instead of leaving its listing
// record stale.
func TestUntrackedWriteFails(t *testing.T) {
	db := openTemp(t)
	ingest(t, db, pageInput(t, "AEN20200202000651320"))
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		return txn{Tx: btx}.putStory(1, storyRecord{ID: "x"})
	})
	if !errors.Is(err, errUntracked) {
		t.Fatalf("putStory outside db.update: %v, want errUntracked", err)
	}
}

// TestRecordWritesGoThroughHelpers reads the store's source: nothing but
// the helpers of listing.go and records.go writes the buckets listing
// records are made from, so every write marks its story dirty.
func TestRecordWritesGoThroughHelpers(t *testing.T) {
	guarded := map[string]bool{"bucketRevs": true, "bucketStories": true, "bucketAdvisories": true, "bucketAbout": true}
	helpers := map[string]bool{"putRevRaw": true, "delRev": true, "putLink": true, "delLink": true, "putStory": true,
		"putAbout": true, "unlinkAdvisory": true}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || helpers[fn.Name.Name] {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "Put" && sel.Sel.Name != "Delete") && !isIdent(call.Fun, "putJSON") {
					return true
				}
				for _, id := range idents(call) {
					if guarded[id] {
						t.Errorf("%s: %s writes %s directly; use the helpers of listing.go", fset.Position(call.Pos()), fn.Name.Name, id)
					}
				}
				return true
			})
		}
	}
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// idents are the names a call mentions.
func idents(n ast.Node) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}

// reopenAs makes the file at path, open as db, a file of an older
// schema that had no bucket drop, and opens it again for writing, which
// migrates it.
func reopenAs(t *testing.T, db *DB, path string, schema uint32, drop []byte) *DB {
	t.Helper()
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(drop); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, schema))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	return db
}

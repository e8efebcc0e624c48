package store

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

func reparseTest(source string, raw []byte) (*revision.Revision, error) {
	return wire.Reparse(source, source, raw)
}

// searchIDs runs TextSearch for q and returns the story ids found.
func searchIDs(t *testing.T, db *DB, q string) []string {
	t.Helper()
	var opt ListOptions
	TextSearch(q, reparseTest, &opt)
	ids := storyIDs(t, db, opt)
	slices.Sort(ids)
	return ids
}

// TestTextSearch searches the corpus over headlines and body text: the
// spellings of North Korea find the same stories, which include stories
// whose headlines say none of them; a word only in the furniture after
// (END) finds nothing; the index finds what a walk of every story finds;
// rm and the migration from schema 10 keep the index exact (lede check).
func TestTextSearch(t *testing.T) {
	db := openTemp(t)
	ingestAll(t, db, corpusInputs(t), 50)
	mustCheck(t, db)
	nk := searchIDs(t, db, "North Korea")
	for _, q := range []string{"N. Korea", "N.K.", "north korean", "Pyongyang"} {
		if got := searchIDs(t, db, q); !slices.Equal(got, nk) {
			t.Errorf("%q finds %d stories, North Korea %d", q, len(got), len(nk))
		}
	}
	all, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The same search without the index: every story's text, parsed.
	query := revision.SearchQuery("North Korea")
	var walked, inHeadline []string
	for _, s := range all {
		for _, v := range s.Versions {
			_, _, raw, err := db.RevisionAt("", Pick{Arrival: v.Record.Arrival})
			if err != nil {
				t.Fatal(err)
			}
			rev, _ := reparseTest(v.Source, raw)
			text := append([]string{rev.Headline, rev.Byline}, rev.Paragraphs...)
			if revision.MatchesQuery(query, revision.SearchWords(strings.Join(text, "\n"))) {
				walked = append(walked, s.ID)
				if revision.MatchesQuery(query, revision.SearchWords(rev.Headline)) {
					inHeadline = append(inHeadline, s.ID)
				}
				break
			}
		}
	}
	slices.Sort(walked)
	if !slices.Equal(walked, nk) || len(nk) == 0 {
		t.Errorf("the index finds %d stories for North Korea, a walk of every text %d", len(nk), len(walked))
	}
	if len(inHeadline) >= len(walked) {
		t.Errorf("every North Korea story says so in a headline (%d of %d): the body search is not tested", len(inHeadline), len(walked))
	}
	// Words of the "most viewed" list after a page's (END) (AEN20200219002751320)
	// are in the index but no text: the parse turns them down.
	for _, q := range []string{"terraform", "unresponsive", "zzzunseenword"} {
		if got := searchIDs(t, db, q); len(got) != 0 {
			t.Errorf("%q, in no story's text, finds %v", q, got)
		}
	}

	// rm takes the version's words with it.
	s := all[0]
	if _, err := db.RemoveArrival(s.Latest().Record.Arrival, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)

	// A schema 10 file, without the index, gets it at the next write open.
	path := rewriteClosed(t, db, func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketText); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 10))
	})
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Error("a schema 10 file opened read-only")
	}
	db2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	mustCheck(t, db2)
	nk2 := searchIDs(t, db2, "N.K.")
	if len(nk2) < len(nk)-1 || len(nk2) > len(nk) {
		t.Errorf("after the migration N.K. finds %d stories, before it %d (one version removed)", len(nk2), len(nk))
	}
}

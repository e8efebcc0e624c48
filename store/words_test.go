package store

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

func searchOptions(q string, indexed bool) ListOptions {
	var opt ListOptions
	opt.Headline, opt.Prefixes = WordSearch(q)
	if !indexed {
		opt.Prefixes = nil
	}
	return opt
}

func TestWordSearch(t *testing.T) {
	for _, c := range []struct {
		q, headline string
		want        bool
	}{
		{"korea", "S. Korea's exports rise", true},
		{"KOREA exports", "S. Korea's exports rise", true},
		{"exports korea", "S. Korea's exports rise", true},
		{"korea", "Two Koreas talk", true},
		{"korea", "NKorea fires", false},
		{"korea imports", "S. Korea's exports rise", false},
		{"séoul", "Séoul café", true},
		{"éoul", "Séoul café", false},
		{"12th", "S. Korea reports 12th case", true},
		{"<script>", "<script>window.pwned=1</script> Hostile", true},
	} {
		if match, _ := WordSearch(c.q); match(c.headline) != c.want {
			t.Errorf("%q in %q: %v, want %v", c.q, c.headline, !c.want, c.want)
		}
	}
	if _, prefixes := WordSearch("S. Korea's 'offensive' -"); !slices.Equal(prefixes, []string{"s", "korea", "offensive", ""}) {
		t.Errorf("prefixes %q", prefixes)
	}
}

// TestWordIndexSearch: searches narrowed by the headline word index find
// the same stories in the same order as a walk of all stories, whatever
// the words (rare, common, prefixes, punctuation, none of them letters),
// with paging and a date limit; and a schema 5 file gets the index at its
// next write-open.
func TestWordIndexSearch(t *testing.T) {
	pages := corpusInputs(t)
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, db, pages, 40)
	queries := []string{"typhoon", "Typhoon bavi", "kor", "n.k.", "'offensive", "S. Korea reports", "coronavirus 3", "-", "haishen busan", "zzzz", "korea's"}
	check := func(stage string) {
		t.Helper()
		sameSearches(t, stage, db, queries)
		since := searchOptions("korea", true)
		since.Since = revision.Date{Year: 2021, Month: 1, Day: 1}
		for _, id := range storyIDs(t, db, since) {
			if !strings.HasPrefix(id, "21") && !strings.HasPrefix(id, "22") && !strings.HasPrefix(id, "23") {
				t.Errorf("%s: %s listed since 2021", stage, id)
			}
		}
	}
	n := len(storyIDs(t, db, searchOptions("typhoon", true)))
	if n < 5 {
		t.Fatalf("%d typhoon stories, want the corpus's several", n)
	}
	// The index narrows a rare word to about its stories; it cannot
	// narrow a query without letters.
	db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		if uids, ok := tx.wordCandidates([]string{"typhoon"}, maxWordHits); !ok || len(uids) != n {
			t.Errorf("word index for typhoon: %d stories (%v), want %d", len(uids), ok, n)
		}
		if _, ok := tx.wordCandidates([]string{""}, maxWordHits); ok {
			t.Error("the word index narrowed a query without letters")
		}
		return nil
	})
	check("fresh file")
	mustCheck(t, db)

	// A schema 5 file has no word index: the next write-open builds it.
	db = reopenAs(t, db, path, 5, bucketWords)
	defer db.Close()
	mustCheck(t, db)
	check("migrated file")

	// A split and a merge keep the index in step.
	typhoons := storyIDs(t, db, searchOptions("typhoon", true))
	two := storyIDs(t, db, searchOptions("exit polls", true))
	if len(two) != 1 {
		t.Fatalf("exit polls stories: %v", two)
	}
	if _, err := db.Split(two[0], 2); err != nil {
		t.Fatal(err)
	}
	check("after a split")
	if _, err := db.Merge(typhoons[0], typhoons[1]); err != nil {
		t.Fatal(err)
	}
	check("after a merge")
	mustCheck(t, db)
}

package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestFitsChangeNoGrouping ingests the bundled Yonhap corpus and a
// synthetic corpus twice, with the members' fits remembered across
// decisions (ingest_fits.go) and computed afresh for every decision as
// before, and requires the same stories: ids, versions and their order,
// and the same result for every input. The synthetic corpus must make
// some revision displace a member, or the memo was never asked.
func TestFitsChangeNoGrouping(t *testing.T) {
	var pages []Input
	for _, l := range corpusInputs(t) {
		pages = append(pages, l.in)
	}
	err := revisiontest.Generate(revisiontest.Config{Seed: 3, Revisions: 3000}, func(p revisiontest.Page) error {
		text := append([]byte(nil), p.Text...) // the generator reuses its buffer
		r, err := wire.Parse(p.Name, text, wire.Options{})
		if err != nil {
			return err
		}
		pages = append(pages, Input{Source: p.Name, Raw: text, Rev: r})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	run := func(remember bool) (string, string) {
		defer func(old bool) { rememberFits = old }(rememberFits)
		rememberFits = remember
		db := openTemp(t)
		var results strings.Builder
		for i := 0; i < len(pages); i += 250 {
			res, err := db.Ingest(context.Background(), pages[i:min(i+250, len(pages))])
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				fmt.Fprintf(&results, "%s %s %s r%d %s merged %v\n", r.Source, r.Status, r.Story, r.Rev, r.Why, r.Merged)
			}
		}
		stories, err := db.Stories(ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var listing strings.Builder
		for _, s := range stories {
			fmt.Fprintf(&listing, "%s:", s.ID)
			for _, v := range s.Versions {
				fmt.Fprintf(&listing, " %d=%s@%s", v.Rev, v.Ref, v.Source)
			}
			listing.WriteByte('\n')
		}
		return results.String(), listing.String()
	}
	oldRes, oldStories := run(false)
	newRes, newStories := run(true)
	if !strings.Contains(oldRes, "; displaces ") {
		t.Fatal("no revision displaced a member: the test does not reach the fits")
	}
	if n := strings.Count(oldStories, "\n"); n < 500 {
		t.Fatalf("%d stories: want the corpora's hundreds", n)
	}
	if oldStories != newStories {
		t.Errorf("stories differ with the fits remembered:\n%s", revisiontest.FirstDiff(oldStories, newStories))
	}
	if oldRes != newRes {
		t.Errorf("results differ with the fits remembered:\n%s", revisiontest.FirstDiff(oldRes, newRes))
	}
}

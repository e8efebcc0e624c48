package revision_test

import (
	"reflect"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestMatchingAsPair: the pairs bestMatch compares are left half compared
// only where they cannot match. On every pair of 800 synthetic pages
// (stories and their updates, topics sharing words), on pages made to
// share only a headline, a lead or a body, on the pages with story keys,
// and under other thresholds, matching says match exactly where Pair
// does and then returns Pair's Match field for field.
func TestMatchingAsPair(t *testing.T) {
	var feats []revision.Features
	err := revisiontest.Generate(revisiontest.Config{Seed: 7, Revisions: 800}, func(p revisiontest.Page) error {
		r, err := wire.Parse(p.Name, p.Text, wire.Options{})
		if err != nil {
			return err
		}
		feats = append(feats, revision.FeaturesOf(r))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	compared, matched, short := 0, 0, 0
	check := func(a, b revision.Features) {
		want, got := revision.Pair(a, b), revision.Matching(a, b)
		compared++
		switch {
		case want.OK != got.OK:
			t.Fatalf("Pair %+v, matching %+v", want, got)
		case want.OK && !reflect.DeepEqual(want, got):
			t.Fatalf("a match differs: Pair %+v, matching %+v", want, got)
		case want.OK:
			matched++
		case !reflect.DeepEqual(want, got):
			short++
		}
	}
	pairs := func(n int) {
		for i := range n {
			for j := range n {
				if i != j {
					check(feats[i], feats[j])
				}
			}
		}
		for i := 0; i+1 < n; i++ {
			a, b := feats[i], feats[i+1]
			// The same headline and lead over another body; the same
			// body and lead under another headline; the same headline
			// alone.
			sameHead, sameBody, headOnly := a, a, a
			sameHead.Body, sameBody.Words = b.Body, b.Words
			headOnly.Body, headOnly.Lead = b.Body, b.Lead
			for _, x := range []revision.Features{sameHead, sameBody, headOnly} {
				check(a, x)
				check(x, a)
			}
			a.Key, a.Agency, b.Key, b.Agency = "k1", "Yonhap", "k2", "Yonhap"
			check(a, b)
			b.Key = "k1"
			check(a, b)
		}
	}
	pairs(len(feats))
	// Under other thresholds, as the cross-validation sets them, each
	// clause of mayMatch is the one that counts for some pairs.
	defer func(g revision.Thresholds) { revision.Grouping = g }(revision.Grouping)
	for _, set := range []func(*revision.Thresholds){
		func(g *revision.Thresholds) { g.SameHeadline, g.RelatedHead = 0.4, 0.9 },
		func(g *revision.Thresholds) { g.RelatedSum, g.RelatedBody, g.SameTextHead = 2.2, 0.05, 0.2 },
		func(g *revision.Thresholds) { g.SameBody, g.SameTextBody, g.RelatedHead = 0.5, 0.2, 0.95 },
		func(g *revision.Thresholds) { g.SameHeadline, g.SameTextLead, g.RelatedBody = 0.6, 0.1, 0.6 },
		func(g *revision.Thresholds) { // "related" alone, near its sum
			g.SameBody, g.SameTextHead, g.SameHeadline, g.RelatedSum = 1.01, 1.01, 1.01, 1.9
		},
	} {
		revision.Grouping = revision.DefaultThresholds
		set(&revision.Grouping)
		pairs(250)
	}
	t.Logf("%d pairs, %d matches, %d left half compared", compared, matched, short)
	if matched < 1000 || short < compared/2 {
		t.Fatalf("%d matches and %d pairs left half compared of %d: the test no longer covers both", matched, short, compared)
	}
}

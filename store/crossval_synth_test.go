package store

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestSyntheticThresholds is the second check of the cross-validated
// thresholds: the synthetic corpus at 10^4 revisions (revisiontest, seed
// 1), ingested under today's thresholds and under each setting one grid
// step away from them in one threshold. Its stories are built from
// templates and share whole sentences far more than real copy does, so
// it checks the direction of each threshold, not the real figure; the
// test fails when a neighbour beats the defaults by more than 0.01 on
// both precision and recall (smaller differences come and go with the
// order stories happen to be ingested in). It takes about a minute, so it runs only with
// LEDE_CV_SYNTHETIC=1.
func TestSyntheticThresholds(t *testing.T) {
	if os.Getenv("LEDE_CV_SYNTHETIC") == "" {
		t.Skip("set LEDE_CV_SYNTHETIC=1: ingests 10^4 synthetic revisions once per setting")
	}
	ins, stories := syntheticInputs(t, 1, 10_000)
	truth := map[string]int{}
	for i, in := range ins {
		truth[in.Source] = stories[i]
	}
	score := func(th revision.Thresholds) counts {
		revision.Grouping = th
		defer func() { revision.Grouping = revision.DefaultThresholds }()
		db := openTemp(t)
		for i := 0; i < len(ins); i += 1000 {
			if _, err := db.Ingest(t.Context(), ins[i:min(i+1000, len(ins))]); err != nil {
				t.Fatal(err)
			}
		}
		sts, err := db.Stories(ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		cells, stories, trues := map[[2]int]int{}, map[int]int{}, map[int]int{}
		for k, s := range sts {
			for _, v := range s.Versions {
				tr := truth[filepath.Base(v.Source)]
				cells[[2]int{k, tr}]++
				stories[k]++
				trues[tr]++
			}
		}
		pairs := func(m map[int]int) (n int) {
			for _, c := range m {
				n += c * (c - 1) / 2
			}
			return n
		}
		var tp int
		for _, c := range cells {
			tp += c * (c - 1) / 2
		}
		return counts{tp: tp, fp: pairs(stories) - tp, fn: pairs(trues) - tp}
	}
	d := revision.DefaultThresholds
	base := score(d)
	t.Logf("defaults: precision %.4f, recall %.4f", base.precision(), base.recall())
	steps := []struct {
		name string
		set  func(*revision.Thresholds, float64)
		at   []float64
	}{
		{"same body", func(th *revision.Thresholds, v float64) { th.SameBody = v }, []float64{0.8, 0.95}},
		{"same text body", func(th *revision.Thresholds, v float64) { th.SameTextBody = v }, []float64{0.4, 0.6}},
		{"same text lead", func(th *revision.Thresholds, v float64) { th.SameTextLead = v }, []float64{0.2, 0.4}},
		{"same headline", func(th *revision.Thresholds, v float64) { th.SameHeadline = v }, []float64{0.7, 0.9}},
		{"related sum", func(th *revision.Thresholds, v float64) { th.RelatedSum = v }, []float64{0.65, 0.85}},
	}
	for _, s := range steps {
		for _, v := range s.at {
			th := d
			s.set(&th, v)
			c := score(th)
			t.Logf("%s %.2f: precision %.4f, recall %.4f", s.name, v, c.precision(), c.recall())
			if c.precision() > base.precision()+0.01 && c.recall() > base.recall()+0.01 {
				t.Errorf("%s %.2f beats the defaults on both: %.3f/%.3f against %.3f/%.3f",
					s.name, v, c.precision(), c.recall(), base.precision(), base.recall())
			}
		}
	}
}

// syntheticInputs parses n pages of the synthetic corpus of seed into
// inputs, in arrival order, with each page's true story number.
func syntheticInputs(t *testing.T, seed int64, n int) ([]Input, []int) {
	t.Helper()
	var ins []Input
	var stories []int
	err := revisiontest.Generate(revisiontest.Config{Seed: seed, Revisions: n}, func(p revisiontest.Page) error {
		text := append([]byte(nil), p.Text...)
		r, err := wire.Parse(p.Name, text, wire.Options{})
		if err != nil {
			return err
		}
		ins = append(ins, Input{Source: p.Name, Raw: text, Rev: r})
		stories = append(stories, p.Story)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ins, stories
}

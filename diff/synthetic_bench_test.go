package diff

import (
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// BenchmarkCompareSynthetic diffs each update of 3,000 synthetic pages
// (revision/revisiontest, seed 2, as BenchmarkDriver ingests) against
// the version of its story before it, for its update summary: the work
// of lede ingest's summarise stage. One op is every pair once.
func BenchmarkCompareSynthetic(b *testing.B) {
	last := map[int]*revision.Revision{}
	var pairs [][2]*revision.Revision
	err := revisiontest.Generate(revisiontest.Config{Seed: 2, Revisions: 3000}, func(p revisiontest.Page) error {
		r, err := wire.Parse(p.Name, append([]byte(nil), p.Text...), wire.Options{})
		if err != nil {
			return err
		}
		if prev := last[p.Story]; prev != nil {
			pairs = append(pairs, [2]*revision.Revision{prev, r})
		}
		last[p.Story] = r
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pairs {
			r := Compare(p[0], p[1], Options{})
			r.UpdateSummary()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pairs)), "ns/pair")
	b.ReportMetric(float64(len(pairs)), "pairs")
}

package store

import (
	"crypto/sha256"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// BenchmarkPrepareStages times, one core, each piece of work ingest does
// to a page before its write transaction, on 2,000 synthetic pages
// (revisiontest, seed 2, the pages of lede ingest's measurements), beside
// sha256 of the same bytes: what "ingest within k times of reading and
// hashing the pages" leaves for everything else. Each sub-benchmark
// reports ns/page and its ratio to sha256 of the page ("x-sha256", from
// the sha256 sub-benchmark of the same run, so run them together):
//
//	go test ./store -run '^$' -bench 'PrepareStages' -benchtime 3x
func BenchmarkPrepareStages(b *testing.B) {
	var pages []revisiontest.Page
	err := revisiontest.Generate(revisiontest.Config{Seed: 2, Revisions: 2000}, func(p revisiontest.Page) error {
		p.Text = append([]byte(nil), p.Text...) // the generator reuses its buffer
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	revs := make([]*revision.Revision, len(pages))
	for i, p := range pages {
		if revs[i], err = wire.Parse(p.Name, p.Text, wire.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	var shaNS float64
	stage := func(name string, work func(i int)) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for i := range pages {
					work(i)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*len(pages))
			b.ReportMetric(ns, "ns/page")
			if name == "sha256" {
				shaNS = ns
			} else if shaNS > 0 {
				b.ReportMetric(ns/shaNS, "x-sha256")
			}
		})
	}
	stage("sha256", func(i int) { sha256.Sum256(pages[i].Text) })
	stage("parse", func(i int) {
		if _, err := wire.Parse(pages[i].Name, pages[i].Text, wire.Options{}); err != nil {
			b.Fatal(err)
		}
	})
	stage("hash", func(i int) { contentKey(pages[i].Text, revs[i].Date) })
	stage("deflate", func(i int) { deflate(pages[i].Text) })
	stage("words", func(i int) { textWords(pages[i].Text) })
	stage("features", func(i int) { revision.FeaturesOf(revs[i]) })
	stage("prepare", func(i int) {
		in := Input{Source: pages[i].Name, Raw: pages[i].Text, Rev: revs[i]}
		in.Prepare()
	})
}

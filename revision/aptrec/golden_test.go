package aptrec_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/apwire/apwiretest"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// itemFacts are the contract fields of one item the golden file pins
// down, checked by hand against the day files when it was written: the
// labels cover eight fields, this covers the rest (key, refs, signals,
// part, status, times, the last paragraph, furniture).
type itemFacts struct {
	ID          string             `json:"id"`
	Key         string             `json:"key"`
	Version     int                `json:"version"`
	Slug        string             `json:"slug"`
	Cycle       string             `json:"cycle"`
	Status      revision.Status    `json:"status"`
	Signals     []string           `json:"signals,omitempty"`
	Refs        []string           `json:"refs,omitempty"`
	Part        *revision.ItemPart `json:"part,omitempty"`
	Partial     bool               `json:"partial,omitempty"`
	Transmitted string             `json:"transmitted"`
	Date        string             `json:"date"`
	Time        string             `json:"time"`
	Marker      revision.Marker    `json:"marker"`
	Tags        []string           `json:"tags,omitempty"`
	Headline    string             `json:"headline"`
	Note        string             `json:"note,omitempty"`
	Byline      string             `json:"byline,omitempty"`
	Dateline    string             `json:"dateline"`
	Paras       int                `json:"paras"`
	First       string             `json:"first"`
	Last        string             `json:"last"`
	Signoff     string             `json:"signoff,omitempty"`
	Furniture   []string           `json:"furniture,omitempty"`
	Warnings    []string           `json:"warnings,omitempty"`
}

func factsOf(r *revision.Revision) itemFacts {
	f := itemFacts{
		ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug, Cycle: r.Cycle, Status: r.Status,
		Signals: r.Signals, Refs: r.Refs, Part: r.Part, Partial: r.Partial, Transmitted: r.Transmitted,
		Date: r.Date.String(), Time: r.Time, Marker: r.Marker, Tags: r.Tags, Headline: r.Headline,
		Note: r.Note, Byline: r.Byline, Dateline: r.Dateline.Place + "|" + r.Dateline.Agency,
		Paras: len(r.Paragraphs), Signoff: r.Signoff, Furniture: r.Furniture, Warnings: r.Warnings,
	}
	if n := len(r.Paragraphs); n > 0 {
		f.First, f.Last = r.Paragraphs[0], r.Paragraphs[n-1]
	}
	return f
}

// TestCorpusGolden compares every item of both AP89 day files with
// testdata/ap89.golden.json. Run with -update after a deliberate parser
// change and review the golden file's diff line by line.
func TestCorpusGolden(t *testing.T) {
	var got []itemFacts
	for _, day := range []string{"ap890101", "ap890102"} {
		data, err := os.ReadFile(filepath.Join(corpusDir, "raw", day))
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range wire.ParseItems(day, data, wire.Options{}) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			got = append(got, factsOf(it.Rev))
		}
	}
	apwiretest.Golden(t, filepath.Join("testdata", "ap89.golden.json"), got, *update,
		func(f itemFacts) string { return f.ID })
}

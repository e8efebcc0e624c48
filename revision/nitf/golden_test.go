package nitf

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpus is the shared corpus's NITF samples (AP, CP, PA, AAP, NTB and
// the IPTC specification's sample).
const corpus = "../../../shared/corpus/formats/nitf"

// facts is what the golden file pins down for each sample: the JSON
// contract's fields, checked by hand against the documents.
type facts struct {
	File        string            `json:"file"`
	Agency      string            `json:"agency"`
	ID          string            `json:"id"`
	Key         string            `json:"key"`
	Version     int               `json:"version"`
	Slug        string            `json:"slug"`
	Status      revision.Status   `json:"status"`
	Signals     []string          `json:"signals"`
	Refs        []string          `json:"refs"`
	Transmitted string            `json:"transmitted"`
	Date        string            `json:"date"`
	Time        string            `json:"time"`
	Tags        []string          `json:"tags"`
	Headline    string            `json:"headline"`
	Note        string            `json:"note"`
	Actions     []revision.Action `json:"actions"`
	Byline      string            `json:"byline"`
	Authors     []string          `json:"authors"`
	Dateline    revision.Dateline `json:"dateline"`
	Paragraphs  []string          `json:"paragraphs"`
	Captions    []string          `json:"captions"`
	Signoff     string            `json:"signoff"`
	Furniture   []string          `json:"furniture"`
	Complete    bool              `json:"complete"`
	Warnings    []string          `json:"warnings"`
}

func factsOf(file string, r *revision.Revision) facts {
	return facts{
		File: file, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Status: r.Status, Signals: r.Signals, Refs: r.Refs, Transmitted: r.Transmitted,
		Date: r.Date.String(), Time: r.Time, Tags: r.Tags, Headline: r.Headline, Note: r.Note,
		Actions: r.Actions, Byline: r.Byline, Authors: r.Authors, Dateline: r.Dateline,
		Paragraphs: r.Paragraphs, Captions: r.Captions, Signoff: r.Signoff, Furniture: r.Furniture,
		Complete: r.Complete, Warnings: r.Warnings,
	}
}

func samples(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(corpus, "*.xml"))
	if err != nil || len(paths) < 6 {
		t.Fatalf("want the corpus's 6 NITF samples in %s, found %d (%v)", corpus, len(paths), err)
	}
	return paths
}

// TestCorpusGolden parses every NITF sample of the shared corpus and
// compares the result with testdata/corpus.golden.json. Run with -update
// after a deliberate change and review the golden file's diff by hand.
func TestCorpusGolden(t *testing.T) {
	var got []facts
	for _, p := range samples(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !Detect(data) {
			t.Errorf("%s: not detected as NITF", p)
		}
		r, err := Parse(p, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got = append(got, factsOf(filepath.Base(p), r))
	}
	revisiontest.Golden(t, "testdata/corpus.golden.json", got, *update, func(f facts) string { return f.File })
}

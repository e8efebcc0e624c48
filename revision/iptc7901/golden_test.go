package iptc7901

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpusGlob finds the corpus's dpa IPTC 7901 messages; the ANPA folder
// also holds AP's ANPA-1312, which is another format.
const corpusGlob = "../../../shared/corpus/formats/anpa/dpa_*.txt"

// facts is what the golden file pins down for each message: the JSON
// contract's fields, checked by hand against the bytes.
type facts struct {
	File       string            `json:"file"`
	Agency     string            `json:"agency"`
	ID         string            `json:"id"`
	Key        string            `json:"key"`
	Version    int               `json:"version"`
	Slug       string            `json:"slug"`
	Status     revision.Status   `json:"status"`
	Signals    []string          `json:"signals"`
	Date       string            `json:"date"`
	Time       string            `json:"time"`
	Marker     revision.Marker   `json:"marker"`
	Headline   string            `json:"headline"`
	Note       string            `json:"note"`
	Actions    []revision.Action `json:"actions"`
	Byline     string            `json:"byline"`
	Dateline   revision.Dateline `json:"dateline"`
	Paragraphs []string          `json:"paragraphs"`
	Signoff    string            `json:"signoff"`
	Furniture  []string          `json:"furniture"`
	Complete   bool              `json:"complete"`
	Warnings   []string          `json:"warnings"`
}

func factsOf(file string, r *revision.Revision) facts {
	return facts{
		File: file, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Status: r.Status, Signals: r.Signals, Date: r.Date.String(), Time: r.Time, Marker: r.Marker,
		Headline: r.Headline, Note: r.Note, Actions: r.Actions, Byline: r.Byline, Dateline: r.Dateline,
		Paragraphs: r.Paragraphs, Signoff: r.Signoff, Furniture: r.Furniture, Complete: r.Complete,
		Warnings: r.Warnings,
	}
}

func samples(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(corpusGlob)
	if err != nil || len(paths) < 2 {
		t.Fatalf("want the corpus's 2 dpa messages (%s), found %d (%v)", corpusGlob, len(paths), err)
	}
	return paths
}

func parseFile(t testing.TB, path string) *revision.Revision {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(data) {
		t.Fatalf("%s: not detected as IPTC 7901", path)
	}
	r, err := Parse(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// TestCorpusGolden parses the corpus's dpa messages and compares them
// with testdata/corpus.golden.json (refresh with -update, review by hand).
func TestCorpusGolden(t *testing.T) {
	var got []facts
	for _, p := range samples(t) {
		got = append(got, factsOf(filepath.Base(p), parseFile(t, p)))
	}
	revisiontest.Golden(t, "testdata/corpus.golden.json", got, *update, func(f facts) string { return f.File })
}

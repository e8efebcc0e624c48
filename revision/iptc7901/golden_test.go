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
	revisiontest.NeedShared(t)
	var got []revisiontest.Facts
	for _, p := range samples(t) {
		got = append(got, revisiontest.FactsOf(filepath.Base(p), parseFile(t, p)))
	}
	revisiontest.Golden(t, "testdata/corpus.golden.json", got, *update, func(f revisiontest.Facts) string { return f.File })
}

package anpa_test

import (
	"flag"
	"lede/revision/revisiontest"
	"os"
	"path/filepath"
	"testing"

	"lede/revision/apwire/apwiretest"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpusDir holds the real ANPA-1312 samples (AP's and dpa's).
const corpusDir = "../../../shared/corpus/formats/anpa"

// samples are the real AP ANPA messages of the shared corpus.
func samples(t testing.TB) []string {
	paths, err := filepath.Glob(filepath.Join(corpusDir, "ap_anpa_*.tst"))
	if err != nil || len(paths) != 3 {
		t.Fatalf("%d AP ANPA samples (%v), want 3", len(paths), err)
	}
	return paths
}

// TestCorpusGolden compares the three AP ANPA samples with
// testdata/anpa.golden.json (reviewed by hand against their bytes).
func TestCorpusGolden(t *testing.T) {
	revisiontest.NeedShared(t)
	var got []apwiretest.Facts
	for _, p := range samples(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		items := wire.ParseItems(filepath.Base(p), data, wire.Options{})
		if len(items) != 1 || items[0].Err != nil || items[0].Rev.Format != "ap-anpa" {
			t.Fatalf("%s: %d items, %v", p, len(items), items[0].Err)
		}
		got = append(got, apwiretest.FactsOf(items[0].Rev))
	}
	revisiontest.Golden(t, filepath.Join("testdata", "anpa.golden.json"), got, *update,
		func(f apwiretest.Facts) string { return f.ID })
}

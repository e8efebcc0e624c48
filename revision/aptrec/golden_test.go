package aptrec_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision/apwire/apwiretest"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// TestCorpusGolden compares every item of both AP89 day files with
// testdata/ap89.golden.json. Run with -update after a deliberate parser
// change and review the golden file's diff line by line.
func TestCorpusGolden(t *testing.T) {
	revisiontest.NeedShared(t)
	var got []apwiretest.Facts
	for _, day := range []string{"ap890101", "ap890102"} {
		data, err := os.ReadFile(filepath.Join(corpusDir, "raw", day))
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range wire.ParseItems(day, data, wire.Options{}) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			got = append(got, apwiretest.FactsOf(it.Rev))
		}
	}
	revisiontest.Golden(t, filepath.Join("testdata", "ap89.golden.json"), got, *update,
		func(f apwiretest.Facts) string { return f.ID })
}

package nitf

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpus is the shared corpus's NITF samples (AP, CP, PA, AAP, NTB and
// the IPTC specification's sample).
const corpus = "../../../shared/corpus/formats/nitf"

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
	revisiontest.NeedShared(t)
	var got []revisiontest.Facts
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
		got = append(got, revisiontest.FactsOf(filepath.Base(p), r))
	}
	revisiontest.Golden(t, "testdata/corpus.golden.json", got, *update, func(f revisiontest.Facts) string { return f.File })
}

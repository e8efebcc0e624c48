package ninjs_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/ninjs"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpusDir holds the real ninjs and AP Media API items of the shared corpus.
const corpusDir = "../../../shared/corpus/formats/ninjs"

// facts are the contract fields of one item, what the golden file pins
// down, each checked by hand against the item's bytes: the fields every
// format's golden file has, and AP's cycle and partial.
type facts struct {
	revisiontest.Facts
	Cycle   string `json:"cycle"`
	Partial bool   `json:"partial"`
}

func factsOf(file string, r *revision.Revision) facts {
	return facts{Facts: revisiontest.FactsOf(file, r), Cycle: r.Cycle, Partial: r.Partial}
}

// TestCorpusGolden parses every real item of the corpus through
// revision/wire, as lede does, and compares the contract fields with
// testdata/corpus.golden.json. Run with -update after a deliberate change
// and review the golden file's diff line by line.
func TestCorpusGolden(t *testing.T) {
	revisiontest.NeedShared(t)
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if len(files) != 5 {
		t.Fatalf("%d corpus items, want the 5 of formats/ninjs", len(files))
	}
	var got []facts
	for _, p := range files {
		got = append(got, factsOf(filepath.Base(p), parseOne(t, p)))
	}
	revisiontest.Golden(t, "testdata/corpus.golden.json", got, *update, func(f facts) string { return f.File })
}

// parseOne parses a file of one item the way lede does, through
// revision/wire: detected as ninjs, one item, parsed.
func parseOne(t *testing.T, path string) *revision.Revision {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := revision.DetectFormat(data); !ok || f.Name != ninjs.Format {
		t.Fatalf("%s: detected as %q, want %s", path, f.Name, ninjs.Format)
	}
	items := wire.ParseItems(filepath.Base(path), data, wire.Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%s: %d items (%v), want one item that parses", path, len(items), items[0].Err)
	}
	return items[0].Rev
}

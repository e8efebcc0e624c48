package jsonl_test

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// BenchmarkParse measures throughput over the corpus's 104 Yonhap pages
// written as one JSON lines file, parsed as lede does (revision/wire:
// detected, split with each line read in full, every line parsed).
func BenchmarkParse(b *testing.B) {
	data, _ := corpusLines(b)
	path := filepath.Join(b.TempDir(), "pages.jsonl")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	revisiontest.BenchParse(b, []string{path}, func(source string, data []byte) (*revision.Revision, error) {
		items := wire.ParseItems(source, data, wire.Options{})
		for _, it := range items {
			if it.Err != nil {
				return nil, it.Err
			}
		}
		return items[0].Rev, nil
	})
}

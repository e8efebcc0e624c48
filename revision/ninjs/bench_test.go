package ninjs_test

import (
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// BenchmarkParse measures parse throughput over the real items, each
// detected, split and parsed as lede does (revision/wire).
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	revisiontest.BenchParse(b, files, parseInput)
}

// parseInput parses an input through revision/wire and fails on any
// item that does not parse.
func parseInput(source string, data []byte) (*revision.Revision, error) {
	items := wire.ParseItems(source, data, wire.Options{})
	for _, it := range items {
		if it.Err != nil {
			return nil, it.Err
		}
	}
	return items[0].Rev, nil
}

package revisiontest

import (
	"os"
	"testing"

	"lede/revision"
)

// BenchParse measures a format's parse throughput over real sample
// files, reported as MB/s of input: every file parsed once a round, each
// must parse.
func BenchParse(b *testing.B, paths []string, parse func(source string, data []byte) (*revision.Revision, error)) {
	var inputs [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range inputs {
			if _, err := parse("bench", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

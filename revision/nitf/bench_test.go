package nitf

import (
	"os"
	"testing"
)

// BenchmarkParse measures parse throughput over the corpus's NITF
// samples, reported as MB/s of input.
func BenchmarkParse(b *testing.B) {
	var docs [][]byte
	size := 0
	for _, p := range samples(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Parse("bench", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

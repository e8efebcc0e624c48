package newsml

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
)

// BenchmarkParse measures parse throughput over the real samples, cut
// and parsed as revision/wire does; MB/s is of input bytes.
func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.xml"))
	var inputs [][]byte
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range inputs {
			chunks := Split(data)
			if chunks == nil {
				chunks = []revision.Chunk{{Data: data}}
			}
			for _, c := range chunks {
				if _, err := Parse("bench", c.Data); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

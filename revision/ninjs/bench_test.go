package ninjs

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse measures parse throughput over the real items, each
// split, detected and parsed as lede does.
func BenchmarkParse(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.json"))
	var inputs [][]byte
	size := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, data := range inputs {
			if !Detect(data) {
				b.Fatal("not detected")
			}
			for _, c := range Split(data) {
				if _, err := Parse("bench", c.Data); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

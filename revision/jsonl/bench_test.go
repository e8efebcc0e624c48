package jsonl_test

import (
	"testing"

	"lede/revision/jsonl"
)

// BenchmarkParse measures throughput over the corpus's 104 Yonhap pages
// as one JSON lines file: split (each line read in full) and every line
// parsed again, as revision/wire does.
func BenchmarkParse(b *testing.B) {
	data, _ := corpusLines(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, c := range jsonl.Split(data) {
			if c.Err != nil {
				b.Fatal(c.Err)
			}
			if _, err := jsonl.Parse("bench", c.Data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

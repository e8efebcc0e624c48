package iptc7901

import (
	"os"
	"testing"
)

// BenchmarkParse measures parse throughput over the corpus's dpa
// messages, as MB/s of input.
func BenchmarkParse(b *testing.B) {
	var msgs [][]byte
	size := 0
	for _, p := range samples(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			if _, err := Parse("bench", m); err != nil {
				b.Fatal(err)
			}
		}
	}
}

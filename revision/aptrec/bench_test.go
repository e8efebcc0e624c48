package aptrec

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseDays splits and parses both AP89 day files (715 KB, 225
// items), reporting MB/s of input.
func BenchmarkParseDays(b *testing.B) {
	var days [][]byte
	size := 0
	for _, d := range []string{"ap890101", "ap890102"} {
		data, err := os.ReadFile(filepath.Join(corpusRaw, d))
		if err != nil {
			b.Fatal(err)
		}
		days = append(days, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, data := range days {
			for _, c := range split(data) {
				if _, err := parseItem("bench", c.Data); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

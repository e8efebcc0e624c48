package iptc7901

import (
	"testing"

	"lede/revision/revisiontest"
)

// BenchmarkParse measures parse throughput over the corpus's dpa
// messages, as MB/s of input.
func BenchmarkParse(b *testing.B) { revisiontest.BenchParse(b, samples(b), Parse) }

package nitf

import (
	"testing"

	"lede/revision/revisiontest"
)

// BenchmarkParse measures parse throughput over the corpus's NITF
// samples, as MB/s of input.
func BenchmarkParse(b *testing.B) { revisiontest.BenchParse(b, samples(b), Parse) }

package wire

import (
	"testing"

	"lede/revision"
)

// TestEveryExpressionCompiles: the formats' regular expressions compile
// on first use (revision.LazyRegexp), so one that does not compile would
// panic only when an input of its format arrives. This package links
// every format, so here each one's expressions are compiled now.
func TestEveryExpressionCompiles(t *testing.T) {
	if err := revision.CompileAll(); err != nil {
		t.Fatal(err)
	}
}

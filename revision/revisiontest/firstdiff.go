package revisiontest

import (
	"fmt"
	"strings"
)

// FirstDiff shows the first line where two texts differ, for tests that
// run one corpus down two code paths and require the same outcome
// written out line by line: the whole texts are too long to print.
func FirstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

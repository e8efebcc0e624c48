package revisiontest

import (
	"os"
	"path/filepath"
	"testing"
)

// NeedShared skips t when the shared corpus (../shared/corpus beside the
// repository: the AP89 days, the real items of every format, the Yonhap
// pages) is not there, as in a clone made elsewhere. Tests that measure
// on real input call it first; the rules each format follows are tested
// by the fixtures in the repository, which need nothing beside it.
func NeedShared(t testing.TB) {
	t.Helper()
	if SharedDir() == "" {
		t.Skip("the shared corpus (../shared/corpus beside the repository) is not here")
	}
}

// SharedDir is the shared corpus folder, "" when there is none.
func SharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			c := filepath.Join(dir, "..", "shared", "corpus")
			if st, err := os.Stat(c); err == nil && st.IsDir() {
				return c
			}
			return ""
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

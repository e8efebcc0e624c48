package revision

import "testing"

// TestLazyRegexp: an expression compiles on first use and matches as
// regexp would; CompileAll names one that does not compile rather than
// leaving it to panic when its format's first input arrives.
func TestLazyRegexp(t *testing.T) {
	re := LazyRegexp(`^(\d+)-(\d+)$`)
	if re.re != nil {
		t.Fatal("compiled before its first use")
	}
	if m := re.FindStringSubmatch("13-6"); len(m) != 3 || m[2] != "6" {
		t.Errorf("FindStringSubmatch: %q", m)
	}
	if err := CompileAll(); err != nil {
		t.Fatal(err)
	}
	LazyRegexp(`(unclosed`)
	if err := CompileAll(); err == nil {
		t.Fatal("CompileAll passed an expression that does not compile")
	}
}

package revision

import "testing"

// TestDetectFormatRank checks that formats with a signature are asked
// before free text whatever the order they registered in, and that a
// byte order mark does not hide a signature.
func TestDetectFormatRank(t *testing.T) {
	saved := formats.list
	t.Cleanup(func() { formats.list = saved })
	formats.list = nil
	any := func([]byte) bool { return true }
	parse := func(string, []byte) (*Revision, error) { return &Revision{}, nil }
	RegisterFormat(Format{Name: "text", Rank: RankText, Detect: any, Parse: parse})
	RegisterFormat(Format{Name: "xml", Rank: RankSigned, Parse: parse,
		Detect: func(h []byte) bool { return len(h) > 0 && h[0] == '<' }})
	for in, want := range map[string]string{"<x/>": "xml", "\xef\xbb\xbf<x/>": "xml", "plain": "text"} {
		if f, ok := DetectFormat([]byte(in)); !ok || f.Name != want {
			t.Errorf("%q: %q, want %q", in, f.Name, want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a second format of one name registered without a panic")
		}
	}()
	RegisterFormat(Format{Name: "xml", Detect: any, Parse: parse})
}

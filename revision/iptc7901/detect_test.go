package iptc7901

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision/revisiontest"
)

// Detect takes the dpa messages and nothing else in the corpus: in
// particular not AP's ANPA-1312 files, which also open with SOH.
func TestDetect(t *testing.T) {
	revisiontest.NeedShared(t)
	all, _ := filepath.Glob("../../../shared/corpus/formats/*/*")
	anpa := 0
	for _, p := range all {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.HasPrefix(filepath.Base(p), "dpa_") && strings.HasSuffix(p, ".txt")
		if strings.HasPrefix(filepath.Base(p), "ap_anpa") {
			anpa++
		}
		if got := Detect(data); got != want {
			t.Errorf("%s: Detect %v, want %v", p, got, want)
		}
	}
	if anpa < 3 {
		t.Fatalf("found %d AP ANPA samples, want the corpus's 3", anpa)
	}
	for _, c := range []struct {
		head string
		want bool
	}{
		{"\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\n\x02Headline =", true},
		{"\x01eca062 4 i 211\nX/\n", true},
		{"\x16\x16\x01eca062 4 i 211 dpa 061\nGermany-politics/\n\x02H =", false}, // SYN first: ANPA's frame
		{"\x01z6715\x1f-----\nr z\x13\x11 BC-BKN--Heat-Hawks 1stLd-Writethru 02-20 0500\n\x02", false},
		{"\x01eca062 4 i 211 dpa 061\nGermany-politics\n\x02H =", false}, // no "/"
		{"\x01eca062 4 i 211 dpa 061\n\x02Germany-politics/\n", false},   // keyword after STX
		{"eca062 4 i 211 dpa 061\nGermany-politics/\n", false},
		{"", false},
	} {
		if got := Detect([]byte(c.head)); got != c.want {
			t.Errorf("Detect(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}

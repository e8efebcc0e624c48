package nitf

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
)

// Detect takes NITF by its root element only: every NITF sample, and
// none of the corpus's other formats (NewsML-G2, which may carry NITF
// inside, ninjs, ANPA and IPTC 7901) nor look-alikes.
func TestDetect(t *testing.T) {
	revisiontest.NeedShared(t)
	others, _ := filepath.Glob("../../../shared/corpus/formats/*/*")
	for _, p := range others {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Base(filepath.Dir(p)) == "nitf"
		if got := Detect(data); got != want {
			t.Errorf("%s: Detect %v, want %v", p, got, want)
		}
	}
	for _, c := range []struct {
		head string
		want bool
	}{
		{"<nitf>", true},
		{"\n<?xml version='1.0'?>\n<!-- c -->\n<!DOCTYPE nitf [<!ENTITY a 'b'>]>\n<nitf version='3.4'>", true},
		{`<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/">`, true},
		{"<nitf/>", true},
		{"<nitfx>", false},
		{"<newsItem><nitf>", false},
		{"<nit", false},
		{"<!-- never closed", false},
		{"NITF <nitf>", false},
		{"", false},
	} {
		if got := Detect([]byte(c.head)); got != c.want {
			t.Errorf("Detect(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}

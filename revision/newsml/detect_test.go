package newsml

import (
	"bytes"
	"lede/revision/revisiontest"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
)

func TestDetect(t *testing.T) {
	revisiontest.NeedShared(t)
	yes := []string{
		`<newsItem guid="x"/>`,
		"\ufeff<?xml version=\"1.0\"?>\n<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">",
		`<?xml version="1.0"?><!-- a feed --><!DOCTYPE newsItem [ <!-- <nitf> --> ]><newsItem>`,
		`<nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/" guid="x">`,
		"  \r\n\t<newsMessage>",
	}
	no := []string{
		``, `newsItem`, `<nitf><body/></nitf>`, `<NewsML Version="1.2">`, `<newsItems>`, `</newsItem>`,
		`text before <newsItem>`, `<!-- unfinished comment <newsItem>`, `{"uri": "x", "type": "text"}`,
		" date 2019-12-30 (LEAD) N.K. holds ...\nSEOUL, Dec. 30 (Yonhap) -- North Korea",
		`<html><body><newsItem/></body></html>`, `<packageItem guid="x"/>`,
	}
	for _, s := range yes {
		if !Detect(bytes.TrimPrefix([]byte(s), []byte("\xef\xbb\xbf"))) {
			t.Errorf("not detected: %q", s)
		}
	}
	for _, s := range no {
		if Detect([]byte(s)) {
			t.Errorf("detected: %q", s)
		}
	}
	// Every real sample, and only NewsML-G2 among the corpus's formats.
	paths, _ := filepath.Glob("../../../shared/corpus/formats/*/*")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Base(filepath.Dir(p)) == "newsml-g2"
		if got := Detect(data[:min(len(data), revision.DetectBytes)]); got != want {
			t.Errorf("%s: detected %v, want %v", p, got, want)
		}
	}
}

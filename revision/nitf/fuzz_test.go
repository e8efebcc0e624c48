package nitf

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"lede/revision"
	"lede/revision/revisiontest"
)

// FuzzParse feeds mutated real documents to the detector and the parser.
// Neither may panic; an input is either an error or a revision whose
// text is valid UTF-8, whose status is one of the three, whose dates are
// real; and the parse takes time in proportion to the input.
func FuzzParse(f *testing.F) {
	revisiontest.NeedShared(f)
	for _, p := range samples(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, name := range []string{"canceled_idref.xml", "embargoed.xml", "entities.xml", "latin1.xml"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(billionLaughs))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data)
		start := time.Now()
		r, err := Parse("fuzz", data)
		if d := time.Since(start); d > time.Second+time.Duration(len(data))*time.Microsecond {
			t.Fatalf("parse of %d bytes took %v", len(data), d)
		}
		if err != nil {
			if r != nil {
				t.Fatal("a revision and an error")
			}
			return
		}
		if !Detect(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
			t.Fatal("parsed, but would not be detected when read back")
		}
		switch r.Status {
		case revision.StatusUsable, revision.StatusWithheld, revision.StatusCanceled:
		default:
			t.Fatalf("status %q", r.Status)
		}
		if len(r.Paragraphs) == 0 && r.Status != revision.StatusCanceled {
			t.Fatal("a story without text")
		}
		if !r.Date.Valid() {
			t.Fatalf("date %+v", r.Date)
		}
		if r.Transmitted != "" {
			if _, err := time.Parse(time.RFC3339, r.Transmitted); err != nil {
				t.Fatalf("transmitted %q: %v", r.Transmitted, err)
			}
		}
		for _, s := range append(append([]string{r.Headline, r.Note, r.Byline, r.Key, r.Slug}, r.Paragraphs...), r.Captions...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		for _, p := range r.Paragraphs {
			if p == "" || p != strings.TrimSpace(p) {
				t.Fatalf("paragraph %q not trimmed or empty", p)
			}
		}
		if r.Dateline.Text != "" && !strings.HasPrefix(r.Paragraphs[0], r.Dateline.Text) {
			t.Fatalf("dateline %q does not open the lead", r.Dateline.Text)
		}
	})
}

package iptc7901

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

// FuzzParse feeds mutated real messages to the detector, the splitter and
// the parser. None may panic; every chunk is detected again or fails to
// parse with an error; a parsed message has text free of control
// characters, a real date, and took time in proportion to its size.
func FuzzParse(f *testing.F) {
	revisiontest.NeedShared(f)
	for _, p := range append(samples(f), "testdata/correction.txt", "testdata/editors_note.txt") {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		if Detect(data) {
			for _, c := range Split(data) {
				check(t, c.Data)
			}
		}
		check(t, data)
		if d := time.Since(start); d > time.Second+time.Duration(len(data))*time.Microsecond {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
	})
}

func check(t *testing.T, data []byte) {
	r, err := Parse("fuzz", data)
	if err != nil {
		return
	}
	if !Detect(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
		t.Fatal("parsed, but would not be detected when read back")
	}
	if len(r.Paragraphs) == 0 || !r.Date.Valid() {
		t.Fatalf("paragraphs %d date %+v", len(r.Paragraphs), r.Date)
	}
	fields := append([]string{r.Headline, r.Note, r.Byline, r.Slug, r.Key, r.Signoff, r.Marker.Label}, r.Paragraphs...)
	for _, s := range append(fields, r.Furniture...) {
		if !utf8.ValidString(s) || strings.IndexFunc(s, func(c rune) bool { return c < 0x20 && c != '\n' || c == 0x7f }) >= 0 {
			t.Fatalf("control character or bad UTF-8 in %q", s)
		}
	}
	if r.Dateline.Text != "" && !strings.HasPrefix(r.Paragraphs[0], r.Dateline.Text) {
		t.Fatalf("dateline %q does not open the lead", r.Dateline.Text)
	}
	if r.Key != "" && (!r.Complete || r.Status != revision.StatusUsable) {
		t.Fatalf("key %q on an incomplete item", r.Key)
	}
}

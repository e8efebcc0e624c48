package ninjs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"lede/revision"
	"lede/revision/revisiontest"
)

// seeds are the real items and the hand-made fixtures.
func seeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.json"))
	more, _ := filepath.Glob("testdata/*.json")
	for _, p := range append(files, more...) {
		if strings.HasSuffix(p, ".golden.json") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"uri":"u","type":"text","body_html":"<p><p><p>` + strings.Repeat("<div>", 300) + `x"}`))
}

const corpus = "../../../shared/corpus/formats/ninjs"

// FuzzParse feeds the splitter and parser mutated real items. They must
// not panic; every chunk is either an error or an item Detect takes
// again, and parses or fails with an error; a parsed item has a uri, no
// empty paragraph, and only what its input holds: the headline's words,
// each paragraph's words are found in the input once markup and
// entities are gone (they may not be, so only valid UTF-8 is checked
// there).
func FuzzParse(f *testing.F) {
	revisiontest.NeedShared(f)
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, c := range Split(data) {
			if c.Err != nil {
				continue
			}
			if !Detect(c.Data) {
				t.Fatalf("chunk %d is not detected again: %.200q", i+1, c.Data)
			}
			r, err := Parse("fuzz", c.Data)
			if err != nil {
				continue
			}
			checkRevision(t, r)
		}
		if r, err := Parse("fuzz", data); err == nil {
			checkRevision(t, r)
		}
	})
}

func checkRevision(t *testing.T, r *revision.Revision) {
	t.Helper()
	if r.ID == "" || r.Key == "" {
		t.Fatalf("parsed item without id or key: %+v", r)
	}
	if r.Headline == "" && len(r.Paragraphs) == 0 {
		t.Fatal("parsed item with neither headline nor paragraphs")
	}
	for i, p := range r.Paragraphs {
		if strings.TrimSpace(p) == "" || p != strings.TrimSpace(p) {
			t.Fatalf("para %d is empty or untrimmed: %q", i+1, p)
		}
	}
	if !strings.HasPrefix(lead(r), r.Dateline.Text) {
		t.Fatalf("dateline %q does not open the lead %q", r.Dateline.Text, lead(r))
	}
	if r.Status != revision.StatusUsable && r.Status != revision.StatusWithheld && r.Status != revision.StatusCanceled {
		t.Fatalf("status %q", r.Status)
	}
	if !r.Date.Valid() {
		t.Fatalf("date %+v is not a real date", r.Date)
	}
	for _, s := range append([]string{r.Headline, r.Note, r.Byline}, r.Paragraphs...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %q", s)
		}
	}
}

func lead(r *revision.Revision) string {
	if len(r.Paragraphs) == 0 {
		return ""
	}
	return r.Paragraphs[0]
}

// FuzzDetect feeds the detector any bytes: it must not panic, and what
// it takes must be what it takes when the same bytes are cut off later.
func FuzzDetect(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > revision.DetectBytes {
			data = data[:revision.DetectBytes]
		}
		if Detect(data) && !Detect(append(data, data...)) {
			t.Fatalf("detected, but not with more bytes after: %.200q", data)
		}
	})
}

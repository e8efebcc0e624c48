package newsml

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"lede/revision"
)

// seed adds every real sample, every fixture and the small documents of
// the body tests (small inputs the fuzzer mutates faster) to a corpus.
func seed(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.xml"))
	fixtures, _ := filepath.Glob("testdata/*.xml")
	for _, p := range append(paths, fixtures...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, c := range bodyCases {
		f.Add(bodyDoc(c.content))
	}
	f.Add(item(`<!DOCTYPE newsItem [<!ENTITY a "b">]>`, "<p>&a;</p>"))
	f.Add([]byte(`<newsMessage><itemSet><newsItem guid="a"><contentMeta><headline>x</headline></contentMeta></newsItem><newsItem guid="b">`))
}

// FuzzParse cuts and parses mutated real items as revision/wire does.
// Nothing may panic; every item is either a revision or an input error
// (never both, never neither); each chunk is detected as NewsML-G2 again;
// what a revision says is well-formed (no blank or padded text, the
// dateline opens the lead, real dates, RFC 3339 times, a known status);
// and the memory it takes is bounded by the input's size.
func FuzzParse(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		chunks := Split(data)
		if chunks == nil {
			chunks = []revision.Chunk{{Data: data}}
		}
		for i, c := range chunks {
			if c.Err != nil {
				if !errors.Is(c.Err, revision.ErrBadInput) {
					t.Fatalf("chunk %d: error %v is not an input error", i+1, c.Err)
				}
				continue
			}
			if len(chunks) > 1 && !Detect(c.Data) {
				t.Fatalf("chunk %d not detected again: %.100q", i+1, c.Data)
			}
			r, err := Parse("fuzz", c.Data)
			if (r == nil) == (err == nil) {
				t.Fatalf("chunk %d: revision %v and error %v", i+1, r, err)
			}
			if err != nil {
				if !errors.Is(err, revision.ErrBadInput) {
					t.Fatalf("chunk %d: error %v is not an input error", i+1, err)
				}
				continue
			}
			checkRevision(t, c.Data, r)
		}
		// Work linear in the input: memory allocated, which this parser's
		// time follows, stays within a fixed multiple of the input (about
		// 30 for real items, up to about 90 for input that is nothing but
		// empty tags, <a/><a/>...). Wall time would be the direct measure,
		// but on a shared machine it is noise.
		runtime.ReadMemStats(&after)
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 128*uint64(len(data))+1<<20 {
			t.Fatalf("%d bytes of input allocated %d bytes", len(data), alloc)
		}
	})
}

// checkRevision checks what a parsed revision says against its input.
func checkRevision(t *testing.T, data []byte, r *revision.Revision) {
	t.Helper()
	if r.ID != "" && !bytes.Contains(data, []byte("guid")) {
		t.Fatalf("id %q from an input without a guid", r.ID)
	}
	for i, p := range r.Paragraphs {
		if p == "" || p != strings.TrimSpace(p) {
			t.Fatalf("para %d is %q", i+1, p)
		}
	}
	for _, s := range []string{r.Headline, r.Slug, r.Byline, r.Dateline.Place} {
		if s != strings.TrimSpace(s) {
			t.Fatalf("field %q is padded", s)
		}
	}
	if !strings.Contains(r.RawHeadline, r.Headline) {
		t.Fatalf("headline %q not inside raw headline %q", r.Headline, r.RawHeadline)
	}
	if r.Dateline.Text != "" && (len(r.Paragraphs) == 0 || !strings.HasPrefix(r.Paragraphs[0], r.Dateline.Text)) {
		t.Fatalf("dateline %q does not open the lead", r.Dateline.Text)
	}
	if !r.Date.Valid() || r.Transmitted != "" {
		if _, err := time.Parse(time.RFC3339, r.Transmitted); r.Transmitted != "" && err != nil || !r.Date.Valid() {
			t.Fatalf("date %v, transmitted %q", r.Date, r.Transmitted)
		}
	}
	switch r.Status {
	case revision.StatusUsable, revision.StatusWithheld, revision.StatusCanceled:
	default:
		t.Fatalf("status %q", r.Status)
	}
}

// FuzzDetect feeds the detector mutated heads. It must not panic, must
// judge by the head alone (a longer input with the same head gets the
// same answer), and must agree with the parser about the root element:
// what it takes has a newsItem or newsMessage as the first element.
func FuzzDetect(f *testing.F) {
	seed(f)
	f.Add([]byte(`<!-- x --><?pi?><!DOCTYPE a [<!ENTITY b "<newsItem>">]><newsItem>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Detect(data)
		if Detect(append(bytes.Clone(data), " <other/>"...)) != got {
			t.Fatalf("more input after the head changed the answer")
		}
		if !got {
			return
		}
		root := ""
		scanTags(data, func(tg tag) bool {
			root = tg.local
			return false
		})
		if root != "newsItem" && root != "newsMessage" {
			t.Fatalf("detected, but the first element is <%s>", root)
		}
	})
}

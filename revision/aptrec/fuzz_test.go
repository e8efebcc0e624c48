package aptrec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
)

const corpusRaw = "../../../shared/corpus/ap89/raw"

// seeds are every real <DOC> of the AP89 days, one by one, and the
// hand-made fixtures whole.
func seeds(f *testing.F) {
	days, _ := filepath.Glob(filepath.Join(corpusRaw, "ap89*"))
	for _, p := range days {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range split(data) {
			f.Add(c.Data)
		}
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*.trec"))
	for _, p := range fixtures {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzParse feeds the parser mutated real items. It must not panic,
// must give a revision or an error, never both or neither, and what it
// gives is bounded by the input: no field holds more text than the
// input could decode to (entities only shrink, Latin-1 at most doubles).
func FuzzParse(f *testing.F) {
	revisiontest.NeedShared(f)
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := parseItem("fuzz", data)
		if (r == nil) == (err == nil) {
			t.Fatalf("revision %v and error %v", r != nil, err)
		}
		if err != nil {
			return
		}
		n := len(r.Headline) + len(r.Note) + len(r.Byline) + len(r.Signoff) + len(r.Slug)
		for _, p := range r.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Fatal("empty paragraph")
			}
			n += len(p)
		}
		for _, p := range r.Furniture {
			n += len(p)
		}
		if n > 2*len(data) {
			t.Fatalf("%d bytes of text from %d of input", n, len(data))
		}
		if r.ID == "" || r.Agency != "AP" || r.Status == "" {
			t.Fatalf("id %q agency %q status %q", r.ID, r.Agency, r.Status)
		}
		if r.Date.IsZero() == false && !r.Date.Valid() {
			t.Fatalf("date %+v is no date", r.Date)
		}
	})
}

// FuzzSplit feeds the detector and the splitter mutated day files: no
// panic, every chunk is an error or parses alone or fails with an error
// of its own, a good chunk is detected again (the store parses it
// again), and the chunks never hold more bytes than the input.
func FuzzSplit(f *testing.F) {
	revisiontest.NeedShared(f)
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data[:min(len(data), revision.DetectBytes)])
		total := 0
		for _, c := range split(data) {
			total += len(c.Data)
			if c.Err != nil {
				continue
			}
			if !Detect(c.Data) {
				t.Fatalf("chunk %q not detected again", c.Name)
			}
			if r, err := parseItem("fuzz", c.Data); (r == nil) == (err == nil) {
				t.Fatalf("chunk %q: revision %v and error %v", c.Name, r != nil, err)
			}
		}
		if total > len(data) {
			t.Fatalf("chunks hold %d bytes of %d", total, len(data))
		}
	})
}

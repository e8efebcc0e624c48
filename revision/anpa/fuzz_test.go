package anpa

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision/revisiontest"
)

const corpusDir = "../../../shared/corpus/formats/anpa"

func seeds(f *testing.F) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		out = append(out, data)
	}
	return out
}

// FuzzParse feeds the parser mutated real messages (and dpa's, which
// must be refused): no panic, a revision or an error, never both; no
// control character in any text field; text bounded by the input.
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
		fields := append([]string{r.Headline, r.Note, r.Byline, r.Slug, r.ID, r.Dateline.Place}, r.Paragraphs...)
		fields = append(fields, r.Furniture...)
		n := 0
		for _, s := range fields {
			n += len(s)
			if strings.IndexFunc(s, func(c rune) bool { return c < 0x20 || c == 0x7f }) >= 0 {
				t.Fatalf("control character in %q", s)
			}
		}
		if n > 2*len(data) {
			t.Fatalf("%d bytes of text from %d of input", n, len(data))
		}
	})
}

// FuzzSplit feeds the detector and the splitter mutated streams: no
// panic, chunks within the input, and every chunk that starts a message
// is detected again.
func FuzzSplit(f *testing.F) {
	revisiontest.NeedShared(f)
	all := seeds(f)
	f.Add([]byte(strings.Join([]string{string(all[0]), string(all[1])}, "")))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data)
		total := 0
		for _, c := range split(data) {
			total += len(c.Data)
			if c.Name != "" && !Detect(c.Data) {
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

// BenchmarkParse parses the three AP samples, reporting MB/s of input.
func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "ap_anpa_*.tst"))
	var msgs [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		msgs = append(msgs, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, m := range msgs {
			if _, err := parseItem("bench", m); err != nil {
				b.Fatal(err)
			}
		}
	}
}

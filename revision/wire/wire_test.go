package wire

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
)

func TestParseFileErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, want string
		max              int64
		bad              bool // wraps revision.ErrBadInput
	}{
		{"empty", write("empty.txt", nil), "input is empty", 0, true},
		{"binary", write("bin.txt", []byte{0x7f, 'E', 'L', 'F', 0, 1}), "NUL byte at offset 4", 0, true},
		{"latin-1", write("latin1.txt", []byte("Caf\xe9 opens\nSEOUL, Dec. 1 (Yonhap) -- x")), "not valid UTF-8", 0, true},
		{"oversize", write("big.txt", []byte(strings.Repeat("x", 200))), "over the 100 B limit", 100, true},
		{"no story", write("chrome.txt", []byte(" date 2020-01-01 Go to Contents\nSEARCH\n")), "no story text found", 0, true},
		{"not a wire page", write("hello.txt", []byte("hello\n")), "not a wire page: no \" date\" line", 0, true},
		{"missing", filepath.Join(dir, "nope.txt"), "no such file", 0, false},
		{"directory", dir, "is a directory", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, _, err := ParseFile(tc.path, nil, Options{MaxSize: tc.max})
			if err == nil {
				t.Fatalf("ParseFile(%s) = %+v, want error", tc.path, r)
			}
			if !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %s and %q", err, tc.path, tc.want)
			}
			if errors.Is(err, revision.ErrBadInput) != tc.bad {
				t.Errorf("errors.Is(ErrBadInput) = %v, want %v", !tc.bad, tc.bad)
			}
		})
	}
}

func TestParseFileStdin(t *testing.T) {
	page := "(LEAD) Foo\nSEOUL, Dec. 1 (Yonhap) -- Bar.\n(END)\n"
	r, raw, err := ParseFile("-", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != "-" || r.Headline != "Foo" || r.Marker.Seq != 1 || string(raw) != page {
		t.Errorf("got source %q headline %q seq %d raw %q", r.Source, r.Headline, r.Marker.Seq, raw)
	}
	_, _, err = ParseFile("-", strings.NewReader(strings.Repeat("y", 64)), Options{MaxSize: 10})
	if err == nil || !strings.Contains(err.Error(), "-: ") {
		t.Errorf("oversize stdin error = %v", err)
	}
}

// BenchmarkParse measures parse throughput over the whole labelled corpus
// and the seed page: bytes per second (MB/s) and pages per second.
func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/yonhap/pages/*.txt")
	paths = append(paths, "../../testdata/seed-AEN20191230000451325.txt")
	var pages [][]byte
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, data := range pages {
			if _, err := Parse(paths[i], data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// TestParseRefusesNotPages: real files that are not wire pages, each of
// them quoting Yonhap datelines or sign-offs, are refused with what they
// look like, and every real page is still taken.
func TestParseRefusesNotPages(t *testing.T) {
	tests := []struct{ path, want string }{
		{"../../testdata/yonhap/parsed.golden.json", "not a wire page: looks like JSON"},
		{"../../testdata/yonhap/groups.jsonl", "not a wire page: looks like JSON lines"},
		{"../../testdata/yonhap/labels.jsonl", "not a wire page: looks like JSON lines"},
		{"../../testdata/notpages/yonhap-feed.xml", "not a wire page: looks like XML (root element <rss>), a format lede does not read"},
		{"../../testdata/notpages/watch.log", "not a wire page: looks like a log"},
		{"wire_test.go", "not a wire page: looks like source code"},
		{"../../testdata/diff/AEN20200905000400320_AEN20200905000454320.txt", "not a wire page: looks like a diff"},
		{"../../go.mod", "not a wire page: no \" date\" line"},
		{"../../README.md", "not a wire page: looks like Markdown"},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			r, _, err := ParseFile(tc.path, nil, Options{})
			if err == nil {
				t.Fatalf("ParseFile(%s) stored as a story of %d paragraphs, headline %q", tc.path, len(r.Paragraphs), r.Headline)
			}
			if got := err.Error(); got != tc.path+": "+tc.want && !strings.HasPrefix(got, tc.path+": "+tc.want) {
				t.Errorf("error %q, want %q", got, tc.path+": "+tc.want)
			}
			if !errors.Is(err, revision.ErrBadInput) {
				t.Errorf("%v is not ErrBadInput", err)
			}
		})
	}
	pages, _ := filepath.Glob("../../testdata/yonhap/pages/*.txt")
	more, _ := filepath.Glob("../../testdata/hostile/*.txt")
	for _, p := range append(append(pages, more...), "../../testdata/seed-AEN20191230000451325.txt") {
		if _, _, err := ParseFile(p, nil, Options{}); err != nil {
			t.Errorf("real page refused: %v", err)
		}
	}
}

// seedLines is the full page the project started from, line by line.
func seedLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/seed-AEN20191230000451325.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

// TestParseCutMidCharacter: a real page cut inside a multi-byte character
// (a 2-, 3- or 4-byte sequence, where a page cut at a byte count splits
// one) parses up to the cut, is incomplete, and says its last paragraph
// is partial; the same bytes broken mid-page are still refused, without
// blaming Latin-1.
func TestParseCutMidCharacter(t *testing.T) {
	lines := seedLines(t)
	head := strings.Join(lines[:6], "\n") + "\n" // head and paras 1-3
	tests := []struct {
		name, tail, last string
	}{
		{"2-byte é after 1 byte", "Kim’s caf\xc3", "Kim’s caf"},
		{"3-byte ’ after 1 byte", "Kim Jong-un\xe2", "Kim Jong-un"},
		{"3-byte ’ after 2 bytes", "Kim Jong-un\xe2\x80", "Kim Jong-un"},
		{"4-byte emoji after 3 bytes", "A photo \xf0\x9f\x93", "A photo"},
		{"cut right after an end mark", "The WPK met. (END)\xe2\x80", "The WPK met."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("cut.txt", []byte(head+tc.tail), Options{})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if r.Complete {
				t.Error("a page cut mid-character is complete")
			}
			if n := len(r.Paragraphs); n != 4 || r.Paragraphs[3] != tc.last {
				t.Fatalf("%d paragraphs, last %q; want 4, last %q", n, r.Paragraphs[n-1], tc.last)
			}
			if r.Headline == "" || r.Note != "ADDS details throughout, byline, photo" || r.Byline != "Koh Byung-joon" {
				t.Errorf("head lost: headline %q note %q byline %q", r.Headline, r.Note, r.Byline)
			}
			wantCut := revision.CutParagraph
			if strings.Contains(tc.tail, "(END)") {
				wantCut = revision.CutEndMark
			}
			if r.Cut != wantCut || r.PartialLast() != (wantCut == revision.CutParagraph) {
				t.Errorf("cut = %q, partial last %v; want %q", r.Cut, r.PartialLast(), wantCut)
			}
		})
	}
	// The same broken sequence with text after it is damage, not a cut.
	_, err := Parse("broken.txt", []byte(head+"Kim Jong-un\xe2\x80 said more.\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "broken.txt: input is not valid UTF-8: bad byte 0xe2") ||
		strings.Contains(err.Error(), "Latin-1") {
		t.Errorf("broken mid-page: error %v, want one naming the file and the byte, not Latin-1", err)
	}
	// A cut inside the page furniture after (END): the story is whole
	// but the page did not arrive whole.
	full := strings.Join(lines[:27], "\n") + "\n(LEAD) U.S. flies 4 spy planes amid concern about N.K. \xe2\x80"
	r, err := Parse("furniture.txt", []byte(full), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Complete || r.Cut != revision.CutFurniture || r.Signoff != "kokobj@yna.co.kr" || r.PartialLast() {
		t.Errorf("cut in the furniture: complete %v, cut %q, signoff %q", r.Complete, r.Cut, r.Signoff)
	}
}

// TestParseHeadShapes: the page shapes of yonhap/testdata/shapes (a
// headline ending with an abbreviation's period, the older site's
// navigation before the headline) are wire pages, with or without their
// " date" line, and keep their headline through the whole of Parse.
func TestParseHeadShapes(t *testing.T) {
	files, _ := filepath.Glob("../yonhap/testdata/shapes/*.txt")
	if len(files) < 6 {
		t.Fatalf("%d shape fixtures", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		undated := data
		if first, rest, ok := strings.Cut(string(data), "\n"); ok && strings.HasPrefix(first, " date ") {
			undated = []byte(first[len(" date 2006-01-02 "):] + "\n" + rest)
		}
		for name, page := range map[string][]byte{"": data, " without its date line": undated} {
			r, err := Parse(f, page, Options{})
			if err != nil {
				t.Errorf("%s%s: %v", f, name, err)
				continue
			}
			if r.Headline == "" || r.Dateline.Agency != "Yonhap" || !strings.HasPrefix(r.Paragraphs[0], r.Dateline.Text) {
				t.Errorf("%s%s: headline %q, dateline %+v", f, name, r.Headline, r.Dateline)
			}
		}
	}
}

// BenchmarkParse1MB parses one page of about 1 MB, the corpus's
// paragraphs numbered and run on under one headline: what lede diff
// reads twice for the 1 MB pair.
func BenchmarkParse1MB(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/yonhap/pages/*.txt")
	var paras []string
	for _, p := range paths {
		r, _, err := ParseFile(p, nil, Options{})
		if err != nil {
			b.Fatal(err)
		}
		paras = append(paras, r.Paragraphs...)
	}
	var page strings.Builder
	page.WriteString("A long page\n\n")
	for i := 0; page.Len() < 1<<20; i++ {
		fmt.Fprintf(&page, "%s (%d)\n\n", paras[i%len(paras)], i)
	}
	page.WriteString("(END)\n")
	data := []byte(page.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("long.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

package wire

import (
	"errors"
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

package yonhap

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
)

// realPages lists every real page the project holds: the labelled corpus
// (the repo's copy and the shared one, when present), the seed page and
// the hostile pages.
func realPages(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, g := range []string{
		"../../testdata/yonhap/pages/*.txt", "../../../shared/corpus/yonhap/pages/*.txt",
		"../../testdata/seed-*.txt", "../../../shared/corpus/seed-*.txt", "../../testdata/hostile/*.txt",
	} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 107 {
		t.Fatalf("found %d real pages, want the corpus, the seed and the hostile pages", len(paths))
	}
	return paths
}

// cleaned reads a file and cleans it the way lede does before parsing.
func cleaned(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := revision.Clean(data, 0)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return text
}

// TestDetectRealPages: every real page is a page, and still is without
// its " date" line, whole or cut off at any of several lengths: the
// structure of its head and lead says so, not the date line alone. (The
// hostile pages, made by hand around a headline of markup, pass with
// theirs.)
func TestDetectRealPages(t *testing.T) {
	for _, p := range realPages(t) {
		text := cleaned(t, p)
		if !Detect(text) {
			t.Errorf("%s: not detected as a page", p)
			continue
		}
		if strings.Contains(p, "hostile") {
			continue // hand-made around a headline of markup
		}
		bare := text
		if _, _, _, rest, ok := matchDateLine(firstLine(text)); ok {
			bare = rest + text[len(firstLine(text)):]
		}
		for _, n := range []int{len(bare), 2000, 1000, 600} {
			if n > len(bare) {
				continue
			}
			if cut := bare[:n]; !Detect(cut) {
				t.Errorf("%s without its date line, cut at %d bytes: not detected\n%.300s", p, n, cut)
			}
		}
	}
}

// TestDetectNoProseLineInPages: no line of any real page, head or body,
// reads as code, markup, JSON or a log, so the veto can never refuse a
// page however far down it looks. (The hostile pages are markup on
// purpose, and pass by their date line.)
func TestDetectNoProseLineInPages(t *testing.T) {
	for _, p := range realPages(t) {
		if strings.Contains(p, "hostile") {
			continue
		}
		for i, line := range strings.Split(cleaned(t, p), "\n") {
			line = strings.TrimSpace(line)
			if revision.NotProseLine(line) && !isChrome(line) {
				t.Errorf("%s:%d reads as not prose: %q", p, i+1, line)
			}
		}
	}
}

// TestDetectNotPages: real files that are not pages, several of them
// full of Yonhap datelines and sign-offs, are refused.
func TestDetectNotPages(t *testing.T) {
	paths := []string{
		"../../testdata/yonhap/parsed.golden.json", // the file that became a 2,263-paragraph story
		"../../testdata/yonhap/groups.jsonl",
		"../../testdata/yonhap/labels.jsonl",
		"../../testdata/notpages/yonhap-feed.xml", // an RSS feed: XML of no known format
		"../../testdata/notpages/watch.log",
		"detect.go",            // Go source
		"../wire/wire_test.go", // Go source holding a page in a string
		"../../store/batch_test.go",
		"../../go.mod",
		"../../README.md",
	}
	diffs, _ := filepath.Glob("../../testdata/diff/*.txt") // lede's own diff output
	if len(diffs) == 0 {
		t.Fatal("no diff goldens")
	}
	for _, p := range append(paths, diffs...) {
		text := cleaned(t, p)
		if Detect(text) {
			t.Errorf("%s: detected as a Yonhap page", p)
		}
	}
}

func TestDetectShapes(t *testing.T) {
	lead := "SEOUL, Dec. 30 (Yonhap) -- North Korea discussed \"offensive measures\" on Monday."
	tests := []struct {
		name, text string
		want       bool
	}{
		{"date line only", " date 2020-01-01 Go to Contents\nSEARCH\n", true},
		{"headline and lead", "N.K. holds party meeting\n" + lead + "\n", true},
		{"lead alone, cut off", lead[:60], true},
		{"old-site chrome before the headline", "select languages\nNorthKorea_titleN.K. NewsletterVantagePointlmenu_bottom\n" +
			"latestnewslatestnews RSS\nHome > NorthKorea\n(LEAD) N. Korea fires missile\n(ATTN: ADDS details)\n" + lead + "\n", true},
		{"no dateline, ends with sign-off", "Yoon to visit Japan\nPresident Yoon will visit Tokyo.\nHe leaves Thursday.\nabc@yna.co.kr\n", true},
		{"no dateline, ends with (END)", "Yoon to visit Japan\nPresident Yoon will visit Tokyo.\n(END)\n", true},
		{"prose without dateline or end", "shopping list\nmilk\n", false},
		{"long paragraphs before a dateline", strings.Repeat("word ", 80) + "\n" + lead + "\n", false},
		{"dateline past the head", strings.Repeat("A short line\n", leadWithin) + lead + "\n", false},
		{"a digest's bare dateline", "Headline\nSEOUL -- North Korea fired a rocket.\n", true},
		{"JSON quoting a page", "[\n  {\n    \"paragraphs\": [\n" + lead + "\n", false},
		{"code before the lead", "package x\n\nconst page = `(LEAD) Foo\n" + lead + "\n", false},
		{"log quoting a page", "2024-01-02 10:00:00 ingest\n" + lead + "\n(END)\n", false},
		{"markup", "<html>\n" + lead + "\n", false},
		{"a page after a diff header", "--- a\n+++ b\n" + lead + "\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.text); got != tc.want {
				t.Errorf("Detect(%.80q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

package main

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// jsonRevision holds the fields of the JSON contract (DESIGN.md) the tests
// check; decoding into it fails if their types change.
type jsonRevision struct {
	Source string `json:"source"`
	Format string `json:"format"`
	Date   string `json:"date"`
	Marker struct {
		Label string   `json:"label"`
		Seq   int      `json:"seq"`
		Flags []string `json:"flags"`
	} `json:"marker"`
	Headline string       `json:"headline"`
	Note     string       `json:"note"`
	Actions  []jsonAction `json:"actions"`
	Byline   string       `json:"byline"`
	Dateline struct {
		Place  string `json:"place"`
		Agency string `json:"agency"`
	} `json:"dateline"`
	Paragraphs []string `json:"paragraphs"`
	Signoff    string   `json:"signoff"`
	Complete   bool     `json:"complete"`
}

// jsonAction is an action of an editor's note in the JSON contract.
type jsonAction struct {
	Verb   string `json:"verb"`
	Object string `json:"object"`
	Paras  []int  `json:"paras"`
}

func decodeRevisions(t *testing.T, out string) []jsonRevision {
	t.Helper()
	var revs []jsonRevision
	if err := json.Unmarshal([]byte(out), &revs); err != nil {
		t.Fatalf("stdout is not a JSON array of revisions: %v\n%s", err, out)
	}
	return revs
}

// The values a person reads on the two pages.
var wantPages = map[string]struct {
	label, headline, note, signoff string
	seq, paras                     int
	complete                       bool
}{
	seedPage: {"LEAD", "N.K. holds 2nd session of party meeting to discuss 'offensive measures' to ensure sovereignty, security",
		"ADDS details throughout, byline, photo", "kokobj@yna.co.kr", 1, 20, true},
	cutPage: {"LEAD", "S. Korea reports 3 more cases of novel coronavirus, total now at 15",
		"UPDATES with more details from para 3; CHANGES photo", "", 1, 7, false},
}

func checkPage(t *testing.T, r jsonRevision, path string) {
	t.Helper()
	w := wantPages[path]
	if r.Marker.Label != w.label || r.Marker.Seq != w.seq {
		t.Errorf("%s: marker %q seq %d, want %q seq %d", path, r.Marker.Label, r.Marker.Seq, w.label, w.seq)
	}
	if r.Headline != w.headline {
		t.Errorf("%s: headline %q, want %q", path, r.Headline, w.headline)
	}
	if r.Note != w.note {
		t.Errorf("%s: note %q, want %q", path, r.Note, w.note)
	}
	if len(r.Paragraphs) != w.paras {
		t.Errorf("%s: %d paragraphs, want %d", path, len(r.Paragraphs), w.paras)
	}
	if r.Complete != w.complete || r.Signoff != w.signoff {
		t.Errorf("%s: complete %v signoff %q, want %v %q", path, r.Complete, r.Signoff, w.complete, w.signoff)
	}
	if len(r.Paragraphs) > 0 && !strings.HasPrefix(r.Paragraphs[0], "SEOUL, ") {
		t.Errorf("%s: para 1 (the lead) is %.40q, want the dateline paragraph", path, r.Paragraphs[0])
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		pages []string
	}{
		{"one page", []string{"parse", "--json", seedPage}, []string{seedPage}},
		{"two pages in argument order", []string{"parse", "--json", cutPage, seedPage}, []string{cutPage, seedPage}},
		{"flag after files", []string{"parse", seedPage, cutPage, "--json"}, []string{seedPage, cutPage}},
		{"flags between files", []string{"parse", seedPage, "--json", "--max-size", "64KiB", cutPage}, []string{seedPage, cutPage}},
		{"global flags mixed in", []string{"parse", seedPage, "--db", "x.db", "--json", "--color", "always"}, []string{seedPage}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, fakeProc{}, tt.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			revs := decodeRevisions(t, r.stdout)
			if len(revs) != len(tt.pages) {
				t.Fatalf("%d revisions, want %d", len(revs), len(tt.pages))
			}
			for i, p := range tt.pages {
				if revs[i].Source != p {
					t.Errorf("revision %d source %q, want %q", i, revs[i].Source, p)
				}
				checkPage(t, revs[i], p)
			}
			if strings.Contains(r.stdout, "\x1b[") {
				t.Error("JSON output holds ANSI escapes")
			}
		})
	}
}

func TestParseStdin(t *testing.T) {
	page, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, fakeProc{stdin: string(page)}, "parse", "-", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	revs := decodeRevisions(t, r.stdout)
	if len(revs) != 1 || revs[0].Source != "-" {
		t.Fatalf("want one revision with source \"-\", got %+v", revs)
	}
	checkPage(t, revs[0], seedPage)
}

func TestParseBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name   string
		path   string
		extra  []string
		reason string
		good   string // a file that parses; cutPage when ""
	}{
		{"empty", write("empty.txt", nil), nil, "empty", ""},
		{"NUL bytes", write("nul.txt", []byte("date 2020-01-01 x\x00y\n")), nil, "NUL", ""},
		{"invalid UTF-8", write("latin1.txt", []byte("SEOUL, Jan. 1 (Yonhap) -- caf\xe9\n")), nil, "UTF-8", ""},
		{"oversize", seedPage, []string{"--max-size", "100"}, "limit",
			write("small.txt", []byte("SEOUL, Jan. 1 (Yonhap) -- A short story.\n(END)\n"))},
		{"missing", filepath.Join(dir, "nope.txt"), nil, "no such file", ""},
		{"directory", dir, nil, "directory", ""},
		{"only white space", write("blank.txt", []byte(" \n\t\n")), nil, "white space", ""},
	}
	for _, tt := range tests {
		for _, asJSON := range []bool{false, true} {
			name := tt.name
			if asJSON {
				name += "/json"
			}
			t.Run(name, func(t *testing.T) {
				good := cmp.Or(tt.good, cutPage)
				args := append([]string{"parse", tt.path, good}, tt.extra...)
				if asJSON {
					args = append(args, "--json")
				}
				r := runIn(t, fakeProc{}, args...)
				if r.code != 1 {
					t.Errorf("exit %d, want 1", r.code)
				}
				want := "lede: error: " + tt.path + ": "
				line := strings.TrimSuffix(r.stderr, "\n")
				if !strings.HasPrefix(line, want) || strings.Contains(line, "\n") || !strings.Contains(line, tt.reason) {
					t.Errorf("stderr %q, want one line %q...%s", r.stderr, want, tt.reason)
				}
				if asJSON {
					revs := decodeRevisions(t, r.stdout)
					if len(revs) != 1 || revs[0].Source != good {
						t.Fatalf("want only the good file in the JSON, got %d revisions", len(revs))
					}
				} else if !strings.Contains(r.stdout, "==> "+good) || strings.Contains(r.stdout, "==> "+tt.path) {
					t.Errorf("readable output should show only %s:\n%s", good, r.stdout)
				}
			})
		}
	}
}

func TestParseAllFailJSON(t *testing.T) {
	r := runIn(t, fakeProc{}, "parse", "--json", "/nonexistent/a.txt")
	if r.code != 1 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("exit %d stdout %q, want 1 and an empty array", r.code, r.stdout)
	}
}

func TestParseView(t *testing.T) {
	r := runIn(t, fakeProc{}, "parse", seedPage, cutPage)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"==> " + seedPage + "  (yonhap-text)\n",
		"marker    LEAD (seq 1)\n",
		"headline  N.K. holds 2nd session of party meeting",
		"date      2019-12-30\n",
		"note      ADDS details throughout, byline, photo\n",
		`          - ADDS     byline     "byline"` + "\n",
		`          - UPDATES  paras      from para 3 "with more details from para 3"` + "\n",
		"byline    Koh Byung-joon\n",
		"dateline  place SEOUL, date Dec. 30, agency Yonhap\n",
		"complete  yes\n",
		"complete  no, cut off before (END)\n",
		"\n  1  SEOUL, Dec. 30 (Yonhap) -- North Korea discussed",
		"\n 20  The U.S. has warned Pyongyang",
		"signoff   kokobj@yna.co.kr\n",
		"\n\n==> " + cutPage,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := regexp.MustCompile(`(?m)^furniture \d+ lines kept apart`).FindAllStringIndex(r.stdout, -1); len(n) != 2 {
		t.Errorf("want a furniture count per page, got %d", len(n))
	}
	// Nothing after (END) is shown as text.
	if strings.Contains(r.stdout, "Animal care center chief") {
		t.Error("page furniture printed as story text")
	}
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour in output that is not a terminal")
	}
}

func TestParseColor(t *testing.T) {
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	tests := []struct {
		name  string
		proc  fakeProc
		flags []string
		color bool
	}{
		{"always on a pipe", fakeProc{}, []string{"--color", "always"}, true},
		{"always beats NO_COLOR", fakeProc{env: map[string]string{"NO_COLOR": "1"}}, []string{"--color=always"}, true},
		{"auto on a pipe", fakeProc{}, nil, false},
		{"auto on a terminal", fakeProc{tty: true, width: 80}, nil, true},
		{"auto on a terminal with NO_COLOR", fakeProc{tty: true, width: 80, env: map[string]string{"NO_COLOR": "1"}}, []string{"--color", "auto"}, false},
		{"auto with empty NO_COLOR", fakeProc{tty: true, width: 80, env: map[string]string{"NO_COLOR": ""}}, nil, true},
		{"never on a terminal", fakeProc{tty: true, width: 80}, []string{"--color", "never"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, tt.proc, append([]string{"parse", seedPage}, tt.flags...)...)
			if r.code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			if got := ansi.MatchString(r.stdout); got != tt.color {
				t.Errorf("colour %v, want %v", got, tt.color)
			}
			if tt.color && !strings.Contains(r.stdout, "\x1b[1mN.K. holds 2nd session") {
				t.Error("headline is not bold")
			}
		})
	}
}

func TestParseWrap(t *testing.T) {
	const width = 60
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	tty := runIn(t, fakeProc{tty: true, width: width}, "parse", "--color=never", seedPage)
	for _, line := range strings.Split(tty.stdout, "\n") {
		if strings.HasPrefix(line, "==> ") {
			continue // file names are not broken
		}
		if n := utf8.RuneCountInString(ansi.ReplaceAllString(line, "")); n > width {
			t.Errorf("line of %d columns on a %d-column terminal: %q", n, width, line)
		}
	}
	// Continuation lines sit under the paragraph text.
	if !strings.Contains(tty.stdout, "\n  1  SEOUL, Dec. 30 (Yonhap) -- North Korea discussed\n     \"offensive") {
		t.Errorf("para 1 not wrapped under its text:\n%s", tty.stdout)
	}
	pipe := runIn(t, fakeProc{}, "parse", seedPage)
	if !strings.Contains(pipe.stdout, "state media reported Monday.\n") ||
		!strings.Contains(pipe.stdout, "  1  SEOUL, Dec. 30 (Yonhap) -- North Korea discussed \"offensive measures\" to ensure the country's sovereignty and security during the second-day session of a major party meeting, state media reported Monday.\n") {
		t.Error("paragraphs wrapped although stdout is not a terminal")
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"a b c", 0, []string{"a b c"}},
		{"a b c", 5, []string{"a b c"}},
		{"aa bb cc", 5, []string{"aa bb", "cc"}},
		{"aa verylongword bb", 5, []string{"aa", "verylongword", "bb"}},
		{"ÄÖ ÜÄ", 2, []string{"ÄÖ", "ÜÄ"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

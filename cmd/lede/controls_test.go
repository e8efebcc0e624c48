package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lede/revision"
)

// rawControls lists the display controls in s (see
// revision.IsDisplayControl), and CRs not before LF.
func rawControls(s string) []string {
	var found []string
	for i, r := range s {
		if r == '\r' && strings.HasPrefix(s[i:], "\r\n") {
			continue
		}
		if revision.IsDisplayControl(r) {
			found = append(found, fmt.Sprintf("U+%04X", r))
		}
	}
	return found
}

// lede's own colour codes: the only escape sequences it writes.
var ownSGR = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// markLeft finds a mark of escapeControls left in output.
var markLeft = regexp.MustCompile(`~[a-zA-Z0-9]{20}`)

// TestControlCharacters stores a story whose headline retitles the
// terminal (OSC 0 ending in BEL), hides text (SGR 8) and clears the
// screen with a C1 CSI, and whose body overprints with backspaces: no
// command prints those to stdout or stderr raw, they show as \u001b,
// \u0007, \u009b, \u0008; --color always still colours the diff with
// lede's own codes, and nothing else; --json decodes to the text as
// stored; lede show keeps the page byte for byte in a pipe and escapes
// it on a terminal.
func TestControlCharacters(t *testing.T) {
	t.Parallel()
	headline := "Typhoon \x1b]0;pwned\x07Bavi \x1b[8mhidden\x1b[0m nears\u009b2J land"
	escaped := `Typhoon \u001b]0;pwned\u0007Bavi \u001b[8mhidden\u001b[0m nears\u009b2J land`
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	body := "By Kim Soo-yeon\nSEOUL, Aug. 22 (Yonhap) -- Typhoon Bavi is moving north.\nWinds of 40 meters per second are\b\b\b\b\b\b\b\b\b not expected.\n"
	first, lead := filepath.Join(dir, "AEN20200822001000315.txt"), filepath.Join(dir, "AEN20200822001051315.txt")
	writeFile(t, first, " date 2020-08-22 "+headline+"\n"+body+"ksy@yna.co.kr\n(END)\n")
	writeFile(t, lead, " date 2020-08-22 (LEAD) "+headline+"\n(ATTN: ADDS details)\n"+body+"The weather agency raised its \x1b[2Jwarning.\nksy@yna.co.kr\n(END)\n")
	mustBinary(t, "--db", db, "ingest", dir)
	id := storiesJSONBinary(t, db)[0].ID

	for _, args := range [][]string{{"stories"}, {"history", id}, {"diff", id}, {"diff", "--format", "markdown", id},
		{"diff", "--format", "html", id}, {"parse", lead}, {"show", "--json", id + "@2"}, {"history", "--json", id}} {
		r := runBinary(t, "", []string{"NO_COLOR=1"}, append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Fatalf("lede %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		want := escaped
		if len(args) > 2 && args[2] == "markdown" {
			want = `Typhoon \u001b\]0;pwned\u0007Bavi \u001b\[8mhidden\u001b\[0m nears\u009b2J land` // [ and ] escaped for Markdown
		}
		if c := rawControls(r.stdout); len(c) > 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("lede %s: raw controls %v, or the headline not escaped:\n%s", strings.Join(args, " "), c, r.stdout)
		}
	}
	r := runBinary(t, "", nil, "--db", db, "diff", "--color", "always", id)
	plain := ownSGR.ReplaceAllString(r.stdout, "")
	if c := rawControls(plain); r.code != 0 || len(c) > 0 || !strings.Contains(r.stdout, "\x1b[32m") ||
		!strings.Contains(plain, `raised its \u001b[2Jwarning.`) || markLeft.MatchString(r.stdout) {
		t.Errorf("diff --color always: exit %d, raw controls besides its colours %v:\n%q", r.code, c, r.stdout)
	}
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustBinary(t, "--db", db, "stories", "--json").stdout), &list); err != nil || list[0].Headline != headline {
		t.Errorf("stories --json does not decode to the headline as stored: %v %+v", err, list)
	}

	page, _ := os.ReadFile(lead)
	if r := mustBinary(t, "--db", db, "show", id+"@2"); r.stdout != string(page) {
		t.Errorf("lede show > file: not the page as received:\n%q", r.stdout)
	}
	var out strings.Builder
	runEnv(context.Background(), []string{"lede", "--db", db, "show", id + "@2"}, env{stdin: strings.NewReader(""), stdout: &out,
		stderr: io.Discard, getenv: func(string) string { return "" }, terminal: func(io.Writer) (bool, int) { return true, 200 }})
	if c := rawControls(out.String()); len(c) > 0 || !strings.Contains(out.String(), escaped) || !strings.Contains(out.String(), `are\u0008\u0008`) {
		t.Errorf("lede show on a terminal: raw controls %v:\n%q", c, out.String())
	}
	r = runBinary(t, "", nil, "--db", db, "show", "x\x1b]0;x\x07")
	if r.code == 0 || len(rawControls(r.stderr)) > 0 || !strings.Contains(r.stderr, "no story matches") {
		t.Errorf("an error naming the controls: exit %d, %q", r.code, r.stderr)
	}
}

// TestProgressThroughEscaper draws and clears the progress bar on a
// terminal's stderr through the escaper: its own CR and ESC [K pass,
// without the mark that lets them.
func TestProgressThroughEscaper(t *testing.T) {
	var stderr strings.Builder
	e, flush := escapeControls(env{stdout: io.Discard, stderr: &stderr, terminal: func(io.Writer) (bool, int) { return true, 200 }})
	l := &lede{env: e}
	p := l.newProgress("ingest", progressMin+1)
	p.draw(10)
	p.clear()
	flush()
	if got, want := stderr.String(), "\ringest  10/201  4%  "; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "\x1b[K\r\x1b[K") || strings.Contains(got, e.mark) {
		t.Errorf("bar %q, want %q... ending in its clear", got, want)
	}
}

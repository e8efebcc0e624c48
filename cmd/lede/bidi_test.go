package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bidiControls are the characters that reorder a terminal's line.
const bidiControls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"

// TestBidiHeadline stores two versions of a story whose headline hides
// a right-to-left override and an isolate: no command prints them raw to
// the terminal (the line would read reversed); they show as \u202e, and
// --json output decodes to the headline as stored.
func TestBidiHeadline(t *testing.T) {
	t.Parallel()
	headline := "Typhoon \u202Etsaoc tsew\u202C Bavi \u2067nears\u2069 land"
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	body := "By Kim Soo-yeon\nSEOUL, Aug. 22 (Yonhap) -- Typhoon Bavi is moving north.\nWinds of 40 meters per second are expected.\n"
	writeFile(t, filepath.Join(dir, "AEN20200822001000315.txt"), " date 2020-08-22 "+headline+"\n"+body+"ksy@yna.co.kr\n(END)\n")
	writeFile(t, filepath.Join(dir, "AEN20200822001051315.txt"), " date 2020-08-22 (LEAD) "+headline+"\n(ATTN: ADDS details)\n"+
		body+"The weather agency raised its warning.\nksy@yna.co.kr\n(END)\n")
	if r := runBinary(t, "", nil, "--db", db, "ingest", dir); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	escaped := `Typhoon \u202etsaoc tsew\u202c Bavi \u2067nears\u2069 land`
	for _, args := range [][]string{{"stories"}, {"history", "200822"}, {"diff", "200822"},
		{"diff", "--format", "html", "200822"}, {"diff", "--format", "markdown", "200822"}, {"parse", filepath.Join(dir, "AEN20200822001051315.txt")}} {
		r := runBinary(t, "", []string{"NO_COLOR=1"}, append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Fatalf("lede %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		if strings.ContainsAny(r.stdout, bidiControls) || !strings.Contains(r.stdout, escaped) {
			t.Errorf("lede %s: not shown escaped:\n%s", strings.Join(args, " "), r.stdout)
		}
	}
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var list []struct{ Headline string }
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || list[0].Headline != headline {
		t.Errorf("stories --json: %v %s", err, r.stdout)
	}
	// lede show prints the page byte for byte, escaped only on a terminal.
	lead, _ := os.ReadFile(filepath.Join(dir, "AEN20200822001051315.txt"))
	if r := runBinary(t, "", nil, "--db", db, "show", "200822@2"); r.stdout != string(lead) {
		t.Errorf("lede show > file: not the page as received:\n%s", r.stdout)
	}
	var out strings.Builder
	runEnv(context.Background(), []string{"lede", "--db", db, "show", "200822@2"}, env{stdin: strings.NewReader(""), stdout: &out,
		stderr: io.Discard, getenv: func(string) string { return "" }, terminal: func(io.Writer) (bool, int) { return true, 200 }})
	if strings.ContainsAny(out.String(), bidiControls) || !strings.Contains(out.String(), escaped) {
		t.Errorf("lede show on a terminal: not escaped:\n%s", out.String())
	}
	r = runBinary(t, "", nil, "--db", db, "show", "200822\u202E")
	if r.code == 0 || strings.ContainsAny(r.stderr, bidiControls) || !strings.Contains(r.stderr, `200822\u202e`) {
		t.Errorf("an error naming the control: exit %d, %q", r.code, r.stderr)
	}
}

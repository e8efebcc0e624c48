package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// Real pages shared with the parser's tests.
const (
	seedPage = "../../testdata/seed-AEN20191230000451325.txt"
	cutPage  = "../../testdata/yonhap/pages/AEN20200202000652320.txt"
)

// fakeProc describes the process an in-process run pretends to be in.
type fakeProc struct {
	stdin string
	env   map[string]string
	tty   bool // stdout is a terminal
	width int  // its width
}

type result struct {
	code           int
	stdout, stderr string
}

// runIn runs lede in-process the way main does, with buffers for streams.
func runIn(t *testing.T, p fakeProc, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := env{
		stdin:  strings.NewReader(p.stdin),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(k string) string { return p.env[k] },
		terminal: func(io.Writer) (bool, int) {
			return p.tty, p.width
		},
	}
	code := runEnv(context.Background(), append([]string{"lede"}, args...), e)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string // expected on the error line
		hint string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`, "see 'lede --help'"},
		{"one flag by both names", []string{"diff", "-f", "json", "--format", "text", seedPage, seedPage}, "-f and --format are one flag: give it once", "see 'lede diff --help'"},
		{"context not a number", []string{"diff", "-U", "x", seedPage, seedPage}, `invalid value "x" for flag -U: not a whole number`, "see 'lede diff --help'"},
		{"mistyped command", []string{"stroies"}, `unknown command "stroies"`, "did you mean 'lede stories'? (see 'lede --help')"},
		{"mistyped alias", []string{"hsitory"}, `unknown command "hsitory"`, "did you mean 'lede history'? (see 'lede --help')"},
		{"parse without files", []string{"parse"}, "no files given", "see 'lede parse --help'"},
		{"unknown flag", []string{"parse", "--bogus", seedPage}, "unknown flag --bogus", "see 'lede parse --help'"},
		{"unknown flag after file", []string{"parse", seedPage, "--bogus"}, "unknown flag --bogus", "see 'lede parse --help'"},
		{"bad max-size", []string{"parse", "--max-size", "lots", seedPage}, `invalid value "lots" for flag --max-size`, "see 'lede parse --help'"},
		{"zero max-size", []string{"parse", "--max-size=0", seedPage}, "at least 1 byte", "see 'lede parse --help'"},
		{"max-size without value", []string{"parse", seedPage, "--max-size"}, "flag needs an argument: --max-size", "see 'lede parse --help'"},
		{"bad color", []string{"--color", "purple", "parse", seedPage}, `invalid value "purple" for flag --color: want auto, always or never`, "see 'lede --help'"},
		{"bad color after command", []string{"parse", seedPage, "--color=purple"}, `for flag --color`, "see 'lede --help'"},
		{"db without value", []string{"--db"}, "flag needs an argument: --db", "see 'lede --help'"},
		{"stdin twice", []string{"parse", "-", "-"}, "standard input (-) given more than once", "see 'lede parse --help'"},
		{"unknown help topic", []string{"help", "frobnicate"}, "no help topic for 'frobnicate'", "see 'lede --help'"},
		{"bad wait", []string{"--wait", "soon", "stories"}, `invalid value "soon" for flag --wait`, "see 'lede --help'"},
		{"ingest without paths", []string{"ingest"}, "no paths given", "see 'lede ingest --help'"},
		{"ingest stdin twice", []string{"ingest", "-", "-"}, "standard input (-) given more than once", "see 'lede ingest --help'"},
		{"ingest batch 0", []string{"ingest", "--batch", "0", "x"}, "--batch must be at least 1", "see 'lede ingest --help'"},
		{"ingest bad batch", []string{"ingest", "x", "--batch", "many"}, `invalid value "many" for flag --batch`, "see 'lede ingest --help'"},
		{"stories bad since", []string{"stories", "--since", "2020-02-30"}, `--since "2020-02-30": want a date`, "see 'lede stories --help'"},
		{"stories bad grep", []string{"ls", "--grep", "(virus"}, "--grep: error parsing regexp", "see 'lede stories --help'"},
		{"stories negative limit", []string{"ls", "--limit", "-1"}, "--limit must not be negative", "see 'lede stories --help'"},
		{"stories argument", []string{"stories", "virus"}, `unexpected argument "virus"`, "see 'lede stories --help'"},
		{"history without story", []string{"history"}, "no story given", "see 'lede history --help'"},
		{"history two stories", []string{"log", "a", "b"}, "one story expected, got 2 arguments", "see 'lede history --help'"},
		{"history bad rev", []string{"history", "a@0"}, `"a@0": the revision after @ must be a number from 1`, "see 'lede history --help'"},
		{"show empty story", []string{"show", "@2"}, `"@2" names no story`, "see 'lede show --help'"},
		{"show bad rev", []string{"show", "a@two"}, "the revision after @ must be a number", "see 'lede show --help'"},
		{"split without rev", []string{"split", "a"}, `"a" names no revision: want STORY@N`, "see 'lede split --help'"},
		{"merge one story", []string{"merge", "a"}, "want two stories, STORY and OTHER, got 1", "see 'lede merge --help'"},
		{"merge a version", []string{"merge", "a", "b@2"}, `"b@2": merge takes whole stories`, "see 'lede merge --help'"},
		{"check argument", []string{"check", "x"}, `unexpected argument "x"`, "see 'lede check --help'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, fakeProc{}, tt.args...)
			if r.code != 2 {
				t.Errorf("exit status %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("stderr has %d lines, want error and hint:\n%s", len(lines), r.stderr)
			}
			if !strings.HasPrefix(lines[0], "lede: error: ") || !strings.Contains(lines[0], tt.msg) {
				t.Errorf("error line %q, want lede: error: ...%s...", lines[0], tt.msg)
			}
			if lines[1] != "hint: "+tt.hint {
				t.Errorf("hint line %q, want %q", lines[1], "hint: "+tt.hint)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty on a usage error:\n%s", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"app", []string{"--help"}, []string{"Examples:", "parse", "--db", "--color"}},
		{"command", []string{"parse", "--help"}, []string{"Examples:", "--json", "--max-size", "FILE..."}},
		{"command short", []string{"parse", "-h"}, []string{"Examples:", "--json"}},
		{"help after file", []string{"parse", seedPage, "--help"}, []string{"Examples:", "--json"}},
		{"help command", []string{"help", "parse"}, []string{"Examples:", "--max-size"}},
		{"app lists commands", []string{"--help"}, []string{"ingest", "stories, ls", "history, log", "show", "diff", "check", "merge", "split", "--wait DURATION"}},
		{"ingest", []string{"ingest", "--help"}, []string{"Examples:", "--json", "--batch N", "--max-size", "PATH..."}},
		{"stories", []string{"ls", "--help"}, []string{"Examples:", "--json", "--since YYYY-MM-DD", "--grep REGEX", "--limit N"}},
		{"history", []string{"log", "-h"}, []string{"Examples:", "--json", "--verbose", "STORY"}},
		{"show", []string{"show", "x@1", "--help"}, []string{"Examples:", "--json", "STORY[@REV]"}},
		{"check", []string{"help", "check"}, []string{"Examples:", "--json"}},
		{"diff", []string{"diff", "a", "b", "--help"}, []string{"Examples:", "--json", "--format FORMAT", "--context N", "--stat", "--all", "OLD_FILE NEW_FILE"}},
		{"merge", []string{"merge", "--help"}, []string{"Examples:", "--json", "STORY OTHER"}},
		{"split", []string{"split", "--help"}, []string{"Examples:", "--json", "STORY@REV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, fakeProc{}, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit status %d, want 0; stderr:\n%s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("help lacks %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

func TestDefaultDBPath(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"LEDE_DB wins", map[string]string{"LEDE_DB": "/x/my.db", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "/x/my.db"},
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "/xdg/lede/lede.db"},
		{"relative XDG_DATA_HOME ignored", map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/home/u"}, "/home/u/.local/share/lede/lede.db"},
		{"HOME", map[string]string{"HOME": "/home/u"}, "/home/u/.local/share/lede/lede.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := defaultDBPath(func(k string) string { return tt.env[k] })
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestGlobalFlagsAfterCommand(t *testing.T) {
	for _, args := range [][]string{
		{"--db", "x.db", "--color", "never", "parse", seedPage},
		{"parse", "--db", "x.db", seedPage, "--color", "never"},
		{"parse", seedPage, "--db=x.db", "--color=never"},
	} {
		r := runIn(t, fakeProc{}, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "==> "+seedPage) {
			t.Errorf("%q: exit %d, stderr %q, stdout starts %.40q", args, r.code, r.stderr, r.stdout)
		}
	}
}

func TestInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		getenv: func(string) string { return "" }, terminal: fileTerminal}
	code := runEnv(ctx, []string{"lede", "parse", "--json", seedPage}, e)
	if code != 130 || stderr.String() != "lede: interrupted\n" || stdout.Len() != 0 {
		t.Errorf("exit %d, stderr %q, stdout %q; want 130, lede: interrupted, nothing", code, stderr.String(), stdout.String())
	}
}

// TestBareLede: lede alone prints the short help, every command with its
// one line, and exits 0.
func TestBareLede(t *testing.T) {
	r := runIn(t, fakeProc{})
	if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "usage: lede [--db PATH] COMMAND") {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
	for _, c := range newApp(env{getenv: func(string) string { return "" }}).Commands {
		if !strings.Contains(r.stdout, "   "+c.Name+" ") {
			t.Errorf("short help lacks %s:\n%s", c.Name, r.stdout)
		}
	}
}

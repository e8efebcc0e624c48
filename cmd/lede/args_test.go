package main

import (
	"slices"
	"strings"
	"testing"
)

func TestReorderArgs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"flags first", "parse --json a.txt", "parse --json -- a.txt"},
		{"flag after file", "parse a.txt --json", "parse --json -- a.txt"},
		{"flags around files", "parse a.txt --json b.txt", "parse --json -- a.txt b.txt"},
		{"value flag keeps its value", "parse --max-size 100 a.txt", "parse --max-size 100 -- a.txt"},
		{"value flag after file", "parse a.txt --max-size 100", "parse --max-size 100 -- a.txt"},
		{"value with equals", "parse a.txt --max-size=100 b.txt", "parse --max-size=100 -- a.txt b.txt"},
		{"stdin", "parse - --json", "parse --json -- -"},
		{"double dash ends flags", "parse a.txt -- --json -", "parse -- a.txt --json -"},
		{"global flag moves before command", "parse a.txt --db x.db --color never", "--db x.db --color never parse -- a.txt"},
		{"global flag before command stays", "--db x.db parse a.txt", "--db x.db parse -- a.txt"},
		{"global value looking like a flag", "--db -odd.db parse a.txt", "--db -odd.db parse -- a.txt"},
		{"unknown flag stays with command", "parse a.txt --bogus", "parse --bogus -- a.txt"},
		{"help drops arguments", "parse a.txt -h", "parse -h"},
		{"no positional no double dash", "parse --json", "parse --json"},
		{"wait after story", "history a --json --wait 30s", "--wait 30s history --json -- a"},
		{"alias", "ls --wait=1s --grep x -i", "--wait=1s ls --grep x -i"},
		{"ingest flags around paths", "ingest a --batch 20 b --json", "ingest --batch 20 --json -- a b"},
		{"story ref that starts with a dash", "show -- -x@2", "show -- -x@2"},
		{"unknown command unchanged", "frob a.txt --json", "frob a.txt --json"},
		{"only global flags", "--help", "--help"},
		{"nothing", "", ""},
		{"value typed against a letter flag", "diff -U1 a", "diff -U 1 -- a"},
		{"negative value against a letter flag", "diff a -U-1", "diff -U -1 -- a"},
		{"format against -f", "diff -fjson a b", "diff -f json -- a b"},
		{"letter flag with equals stays", "diff -f=json a", "diff -f=json -- a"},
		{"bool letter flag stays", "diff -a x", "diff -a -- x"},
		{"after double dash stays", "diff -- -U1", "diff -- -U1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newApp(env{getenv: func(string) string { return "" }})
			in := append([]string{"lede"}, strings.Fields(tt.in)...)
			want := append([]string{"lede"}, strings.Fields(tt.want)...)
			got, err := reorderArgs(app, in)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("reorderArgs(%q)\n got %q\nwant %q", in, got, want)
			}
		})
	}
}

func TestReorderArgsMissingValue(t *testing.T) {
	app := newApp(env{getenv: func(string) string { return "" }})
	for _, in := range [][]string{
		{"lede", "parse", "a.txt", "--max-size"},
		{"lede", "parse", "--max-size", "--", "a.txt"},
		{"lede", "parse", "a.txt", "--db"},
	} {
		if got, err := reorderArgs(app, in); err == nil {
			t.Errorf("reorderArgs(%q) = %q, want an error", in, got)
		}
	}
}

func TestFlagErrorText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"flag provided but not defined: -bogus", "unknown flag --bogus"},
		{"flag provided but not defined: -x", "unknown flag -x"},
		{`invalid value "a" for flag -max-size: want bytes`, `invalid value "a" for flag --max-size: want bytes`},
		{"flag needs an argument: -db", "flag needs an argument: --db"},
		{"something else", "something else"},
	}
	for _, tt := range tests {
		if got := flagErrorText(errString(tt.in)); got != tt.want {
			t.Errorf("flagErrorText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

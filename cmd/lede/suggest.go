package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

// shortHelp is what a bare "lede" prints: how to call it, the commands
// with one line each, and where the rest is, so that a first look shows
// what lede does without the page --help prints.
func shortHelp(w io.Writer, app *cli.App) {
	fmt.Fprintf(w, "usage: lede [--db PATH] COMMAND [OPTIONS] [ARGS]\n\n%s\n\ncommands:\n", app.Usage)
	width := 0
	for _, c := range app.VisibleCommands() {
		width = max(width, len(c.Name))
	}
	for _, c := range app.VisibleCommands() {
		if c.Name != "help" {
			fmt.Fprintf(w, "   %-*s  %s\n", width, c.Name, c.Usage)
		}
	}
	fmt.Fprintln(w, "\nsee 'lede --help' for the options and examples, 'lede COMMAND --help' for one command")
}

// unknownCommand is the usage error for a mistyped command, with the
// commands it is likely a typo of.
func unknownCommand(app *cli.App, name string) error {
	err := usagef("", "unknown command %q", name)
	if near := nearCommands(app, name); len(near) > 0 {
		err.(*cliError).hint = "did you mean 'lede " + strings.Join(near, "' or 'lede ") + "'? (see 'lede --help')"
	}
	return err
}

// nearCommands lists the command names (and aliases) name is a typo of:
// within two edits (one for names of up to four letters), or a prefix
// of, in the order the commands are listed.
func nearCommands(app *cli.App, name string) []string {
	var out []string
	for _, c := range app.VisibleCommands() {
		for _, n := range c.Names() {
			limit := 2
			if len(n) <= 4 {
				limit = 1
			}
			if editDistance(strings.ToLower(name), n) <= limit || len(name) >= 2 && strings.HasPrefix(n, strings.ToLower(name)) {
				out = append(out, c.Name)
				break
			}
		}
	}
	return out
}

// editDistance is the Damerau–Levenshtein distance (optimal string
// alignment) of two words: insertions, deletions, substitutions and
// swaps of two neighbours ("stroies") each count one.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

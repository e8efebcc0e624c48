package main

import (
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs rewrites a command line so that flags may come before or
// after positional arguments, although urfave/cli v2 stops reading flags
// at the first positional one.
//
// It finds the command name after any leading global flags and sorts the
// words after it: the command's own flags stay right after its name,
// global flags (--db, --color) move in front of it, and positional
// arguments go last behind a "--" so that "-" and names starting with a
// dash stay arguments. A flag that takes a value keeps the next word with
// it; which flags take values is read from the flag definitions. A "--"
// typed by the user ends the flags: everything after it is positional.
// Command lines without a known command are returned unchanged so that
// the app reports them. A value flag missing its value is a usage error
// here, as the "--" added later would otherwise be taken for the value.
func reorderArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	rest := args[1:]
	i := 0
	for i < len(rest) && isFlag(rest[i]) {
		if needsValue(app.Flags, rest[i]) {
			i++
		}
		i++
	}
	if i >= len(rest) {
		return args, nil
	}
	cmd := app.Command(rest[i])
	if cmd == nil || len(cmd.Subcommands) > 0 {
		return args, nil
	}

	var global, own, pos []string
	tail := splitAttached(cmd.Flags, rest[i+1:])
	for j := 0; j < len(tail); j++ {
		tok := tail[j]
		if tok == "--" {
			pos = append(pos, tail[j+1:]...)
			break
		}
		if !isFlag(tok) {
			pos = append(pos, tok)
			continue
		}
		flags, dst := cmd.Flags, &own
		if lookupFlag(cmd.Flags, tok) == nil && lookupFlag(app.Flags, tok) != nil {
			flags, dst = app.Flags, &global
		}
		*dst = append(*dst, tok)
		if needsValue(flags, tok) {
			if j+1 == len(tail) || tail[j+1] == "--" {
				return nil, usagef(cmd.Name, "flag needs an argument: %s", tok)
			}
			j++
			*dst = append(*dst, tail[j])
		}
	}

	out := make([]string, 0, len(args)+1)
	out = append(out, args[0])
	out = append(out, rest[:i]...)
	out = append(out, global...)
	out = append(out, rest[i])
	out = append(out, own...)
	// urfave/cli would take the first argument for a help topic.
	if len(pos) > 0 && !slices.ContainsFunc(own, isHelpFlag) {
		out = append(out, "--")
		out = append(out, pos...)
	}
	return out, nil
}

// splitAttached parts a one-letter flag from a value typed against it,
// as git users type "-U1" and "-fjson": "-U1" becomes "-U" "1" when -U
// takes a value and no flag is named "U1". Words after "--" stay.
func splitAttached(flags []cli.Flag, words []string) []string {
	out := make([]string, 0, len(words))
	for j, w := range words {
		if w == "--" {
			return append(out, words[j:]...)
		}
		if len(w) > 2 && w[0] == '-' && w[1] != '-' && w[2] != '=' && lookupFlag(flags, w) == nil && needsValue(flags, w[:2]) {
			out = append(out, w[:2], w[2:])
			continue
		}
		out = append(out, w)
	}
	return out
}

func isHelpFlag(tok string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(tok, "-"), "=")
	return name == "help" || name == "h"
}

// isFlag reports whether a word is a flag; "-" alone names standard input
// and "--" ends the flags, so neither is one.
func isFlag(tok string) bool {
	return len(tok) > 1 && tok[0] == '-' && tok != "--"
}

// needsValue reports whether tok is a flag among flags that takes its
// value from the next word ("--max-size 100", not "--max-size=100").
func needsValue(flags []cli.Flag, tok string) bool {
	if strings.Contains(tok, "=") {
		return false
	}
	f, ok := lookupFlag(flags, tok).(interface{ TakesValue() bool })
	return ok && f.TakesValue()
}

// lookupFlag finds the flag a word such as "--max-size=8M" or "-h" names.
func lookupFlag(flags []cli.Flag, tok string) cli.Flag {
	name, _, _ := strings.Cut(strings.TrimLeft(tok, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

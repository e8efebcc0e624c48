// Command diffonly parses two pages, compares them and prints the plain
// text diff, as "lede diff OLD NEW" does (two paragraphs of context), with nothing else linked in: no
// command line library, store, web server or alert sinks.
// BenchmarkDiffVsGit times it to show what lede's own work costs apart
// from starting the rest of the program.
package main

import (
	"bufio"
	"fmt"
	"os"

	"lede/diff"
	"lede/revision/wire"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: diffonly OLD NEW")
		os.Exit(2)
	}
	old, _, err := wire.ParseFile(os.Args[1], os.Stdin, wire.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	new, _, err := wire.ParseFile(os.Args[2], os.Stdin, wire.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := diff.WriteText(w, diff.Compare(old, new, diff.Options{}), diff.TextOptions{Context: 2}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		os.Exit(1)
	}
}

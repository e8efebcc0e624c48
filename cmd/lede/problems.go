package main

import (
	"fmt"

	"lede/store"
)

// warnProblems says on stderr which stored records a read could not take
// as stored (the read went on without them, or with their date unknown)
// and how to repair them. stdout stays what the command prints.
func (l *lede) warnProblems(ps []store.Problem) {
	for _, p := range ps {
		fmt.Fprintf(l.stderr, "lede: warning: %v\n", p)
	}
	if len(ps) > 0 {
		fmt.Fprintln(l.stderr, "hint: 'lede check' lists every such record; 'lede check --fix' repairs dates from the stored pages")
	}
}

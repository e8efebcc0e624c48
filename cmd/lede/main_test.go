package main

import "testing"

func TestCatchesSignals(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"ingest", "pages"}, true},
		{[]string{"--db", "x.db", "watch", "dir"}, true},
		{[]string{"--db", "diff", "serve"}, true}, // a database named diff
		{[]string{"--db=x.db", "--wait", "1s", "serve"}, true},
		{[]string{"diff", "a.txt", "b.txt"}, false},
		{[]string{"--color", "always", "history", "220309"}, false},
		{[]string{"stories", "--json"}, false},
		{[]string{"--version"}, false},
		{[]string{}, false},
		{[]string{"frobnicate"}, true},
	} {
		if got := catchesSignals(c.args); got != c.want {
			t.Errorf("catchesSignals(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestFiguresEverywhere: the typhoon update of the bundled pages changed
// its distance and time; diff --json lists them, the text diff and
// history show them on a line of their own.
func TestFiguresEverywhere(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), pagesDir+"/AEN20200905000454320.txt").ID
	var d struct {
		Figures []struct {
			Para     int
			Old, New string
			Context  string
		}
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "diff", id, "--json").stdout), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) < 2 || d.Figures[0].Para != 3 || d.Figures[0].Old != "3 a.m." || d.Figures[0].New != "9 p.m." ||
		!strings.Contains(d.Figures[0].Context, "9 p.m.") {
		t.Errorf("figures %+v", d.Figures)
	}
	want := "3 a.m. → 9 p.m. (para 3); Haishen 590 kilometers → 330 kilometers (para 3)"
	if out := mustLede(t, db, "diff", id).stdout; !strings.Contains(out, "\nfigures   "+want) {
		t.Errorf("diff text lacks the figures line:\n%s", out)
	}
	if out := mustLede(t, db, "history", id).stdout; !strings.Contains(out, "figures "+want) {
		t.Errorf("history lacks the figures line:\n%s", out)
	}
}

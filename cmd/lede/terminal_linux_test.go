package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestTerminalWidths runs the readable commands under pseudo-terminals
// 80, 100 and 160 columns wide: no line is wider than the terminal,
// long paragraphs wrap under their paragraph number, and colour follows
// the rules (on a terminal; never with NO_COLOR or TERM=dumb).
func TestTerminalWidths(t *testing.T) {
	db := ingestedCorpus(t)
	typhoon := storyWith(t, storiesJSON(t, db), pagesDir+"/AEN20200905000454320.txt").ID
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	dir := t.TempDir()
	copyPage(t, pagesDir+"/AEN20200822002200315.txt", dir)
	copyPage(t, pagesDir+"/AEN20200822002251315.txt", dir)
	alertsDB := filepath.Join(t.TempDir(), "alerts.db")
	if r := runBinary(t, "", nil, "--db", alertsDB, "watch", dir, "--once", "--quiet", "--jsonl", jsonl); r.code != 0 {
		t.Fatalf("watch --once: exit %d: %s", r.code, r.stderr)
	}
	commands := map[string][]string{
		"diff":        {"--db", db, "diff", typhoon},
		"diff all":    {"--db", db, "diff", "--all", typhoon, "-U-1"},
		"markdown":    {"--db", db, "diff", typhoon, "-fmarkdown"},
		"history":     {"--db", db, "history", typhoon, "--verbose"},
		"show":        {"--db", db, "show", typhoon},
		"stories":     {"--db", db, "stories"},
		"alerts":      {"--db", alertsDB, "alerts"},
		"alerts full": {"--db", alertsDB, "alerts", "--full"},
		"parse":       {"parse", pagesDir + "/AEN20200905000454320.txt"},
	}
	for _, cols := range []int{80, 100, 160} {
		for name, args := range commands {
			out, _ := runPTY(t, cols, 500, nil, args...)
			if strings.TrimSpace(out) == "" {
				t.Errorf("%d columns, %s: no output", cols, name)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := visibleWidth(line); w > cols {
					t.Errorf("%d columns, %s: line %d is %d wide: %q", cols, name, i+1, w, line)
				}
			}
			if name == "diff" && !strings.Contains(out, "\x1b[32m") {
				t.Errorf("%d columns, diff: no colour on a terminal:\n%s", cols, out)
			}
		}
	}
	// The alerts lede watch prints as they come fit too.
	for _, cols := range []int{80, 100} {
		watchDB := filepath.Join(t.TempDir(), "watch.db")
		out, _ := runPTY(t, cols, 500, nil, "--db", watchDB, "watch", dir, "--once", "--on", "any")
		if !strings.Contains(out, "200822-typhoon-bavi") {
			t.Errorf("%d columns, watch: no alert:\n%s", cols, out)
		}
		for i, line := range strings.Split(out, "\n") {
			if w := visibleWidth(line); w > cols {
				t.Errorf("%d columns, watch: line %d is %d wide: %q", cols, i+1, w, line)
			}
		}
	}
	// A changed paragraph wraps under its number, not under the mark.
	out, _ := runPTY(t, 80, 500, nil, "--db", db, "diff", typhoon)
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "~   3  ") && (i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "       ") || strings.HasPrefix(lines[i+1], "        ")) {
			t.Errorf("para 3 does not hang under its text:\n%s\n%s", line, lines[i+1])
		}
	}
	for _, env := range [][]string{{"NO_COLOR=1"}, {"TERM=dumb"}} {
		out, _ := runPTY(t, 80, 500, env, "--db", db, "diff", typhoon)
		if strings.Contains(out, "\x1b[") || !strings.Contains(out, "{+") {
			t.Errorf("%s: colour codes or no markers:\n%s", env[0], out)
		}
	}
}

// TestStoriesOnATerminal: stories lists a screenful by default on a
// terminal and says there are more; --limit and -n choose; in a pipe it
// lists all.
func TestStoriesOnATerminal(t *testing.T) {
	db := ingestedCorpus(t)
	all := len(storiesJSON(t, db))
	// Story lines (a headline may take a line of its own under its story).
	rows := func(out string) int {
		return len(regexp.MustCompile(`(?m)^([0-9]{6}|[a-z]{3}[0-9]{2}|x)-`).FindAllString(out, -1))
	}
	out, _ := runPTY(t, 100, 30, []string{"PAGER=cat"}, "--db", db, "stories")
	if n := rows(out); n != 27 || !strings.Contains(out, "… more stories: --limit N lists N, --limit 0 all") {
		t.Errorf("default on 30 rows: %d stories (want 27 and a line saying there are more):\n%s", n, out)
	}
	if out, _ := runPTY(t, 100, 30, nil, "--db", db, "stories", "-n", "5"); rows(out) != 5 {
		t.Errorf("-n 5: %d rows:\n%s", rows(out), out)
	}
	if out, _ := runPTY(t, 100, 30, []string{"PAGER=cat"}, "--db", db, "stories", "--limit", "0"); rows(out) != all {
		t.Errorf("--limit 0: %d rows, want %d", rows(out), all)
	}
	if r := runBinary(t, "", nil, "--db", db, "stories"); rows(r.stdout) != all || strings.Count(r.stdout, "\n")-1 != all {
		t.Errorf("in a pipe: %d rows, want all %d, one line each", rows(r.stdout), all)
	}
}

// TestPager: long output on a terminal goes through $PAGER, never with
// --no-pager, in a pipe, or when it fits.
func TestPager(t *testing.T) {
	db := ingestedCorpus(t)
	typhoon := storyWith(t, storiesJSON(t, db), pagesDir+"/AEN20200905000454320.txt").ID
	paged := filepath.Join(t.TempDir(), "paged")
	pager := []string{"PAGER=cat > " + paged}
	read := func() string {
		b, err := os.ReadFile(paged)
		if err != nil {
			return ""
		}
		os.Remove(paged)
		return string(b)
	}
	runPTY(t, 80, 10, pager, "--db", db, "diff", typhoon)
	if got := read(); !strings.Contains(got, "figures   ") || !strings.Contains(got, "\x1b[32m") {
		t.Errorf("the pager did not get the coloured diff: %q", got)
	}
	if out, _ := runPTY(t, 80, 10, pager, "--db", db, "diff", typhoon, "--no-pager"); read() != "" || !strings.Contains(out, "figures") {
		t.Errorf("--no-pager: paged, or the diff not on the terminal")
	}
	if runBinary(t, "", pager, "--db", db, "diff", typhoon); read() != "" {
		t.Errorf("paged into a pipe")
	}
	if runPTY(t, 80, 500, pager, "--db", db, "history", typhoon); read() != "" {
		t.Errorf("paged output that fits")
	}
	if out, _ := runPTY(t, 80, 10, []string{"PAGER=no-such-pager-here"}, "--db", db, "diff", typhoon); !strings.Contains(out, "figures") {
		t.Errorf("a pager that is not installed: the diff is lost:\n%s", out)
	}
}

package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/store"
)

// holdDB opens db for writing the way another lede process would, so
// that commands find it busy until release is called.
func holdDB(t *testing.T, db string) (release func()) {
	t.Helper()
	h, err := store.Open(db, store.Options{Holder: "lede test"})
	if err != nil {
		t.Fatal(err)
	}
	var once bool
	release = func() {
		if !once {
			once = true
			h.Close()
		}
	}
	t.Cleanup(release)
	return release
}

func TestBusyDatabase(t *testing.T) {
	db := ingestedCorpus(t)
	busy := fmt.Sprintf("database %s is in use by another lede process (pid %d, lede test, since ", db, os.Getpid())
	holdDB(t, db)
	for _, args := range [][]string{
		{"--wait", "300ms", "stories"},
		{"history", "x", "--wait", "300ms"},
		{"--wait=300ms", "ingest", firstPage},
		{"--wait=300ms", "merge", "a", "b"},
	} {
		start := time.Now()
		r := ledeDB(t, db, args...)
		took := time.Since(start)
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if args[1] == "ingest" {
			// Ingest also says what it did not store.
			if len(lines) != 4 || lines[1] != "lede: stopped with 1 of 1 inputs not stored; run the same command again to finish" {
				t.Errorf("%q: stderr:\n%s", args, r.stderr)
				continue
			}
			lines = slices.Delete(lines, 1, 2)
			if !strings.HasPrefix(r.stdout, "0 inputs: ") {
				t.Errorf("%q: stdout %q, want the summary", args, r.stdout)
			}
			r.stdout = ""
		}
		if r.code != 1 || len(lines) != 3 || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s", args, r.code, r.stdout, r.stderr)
			continue
		}
		if !strings.HasPrefix(lines[0], "lede: waiting up to 300ms for the database: "+busy) {
			t.Errorf("%q: first line %q", args, lines[0])
		}
		if !strings.HasPrefix(lines[1], "lede: error: "+busy) || !strings.Contains(lines[1], "; waited 3") {
			t.Errorf("%q: error line %q", args, lines[1])
		}
		if lines[2] != "hint: retry when it is done, or wait longer with --wait 30s" {
			t.Errorf("%q: hint %q", args, lines[2])
		}
		if took < 300*time.Millisecond || took > 2*time.Second {
			t.Errorf("%q: gave up after %s, want about 300ms", args, took)
		}
	}
	if _, err := os.Stat(store.KnockFile(db)); err != nil {
		t.Errorf("no knock file left for the writer: %v", err)
	}

	start := time.Now()
	r := ledeDB(t, db, "--wait", "0s", "stories")
	if r.code != 1 || strings.Contains(r.stderr, "waiting") || !strings.HasPrefix(r.stderr, "lede: error: "+busy) {
		t.Errorf("--wait 0s: exit %d, stderr %q", r.code, r.stderr)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("--wait 0s took %s", took)
	}
}

func TestWaitUntilReleased(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), leadPage).ID
	release := holdDB(t, db)
	time.AfterFunc(400*time.Millisecond, release)
	start := time.Now()
	r := ledeDB(t, db, "history", id)
	took := time.Since(start)
	if r.code != 0 || !strings.HasPrefix(r.stdout, id+"  (2 versions)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "lede: waiting up to 5s for the database: database "+db+" is in use by") ||
		strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr %q, want the one waiting line", r.stderr)
	}
	if took < 400*time.Millisecond || took > 2*time.Second {
		t.Errorf("answered after %s, want soon after the 400ms hold", took)
	}
	if _, err := os.Stat(store.KnockFile(db)); err == nil {
		t.Errorf("knock file left after the reader got in")
	}
}

func TestProgressText(t *testing.T) {
	if got := progressText("ingest", 1234, 5000, 1520*time.Millisecond); got != "ingest  1234/5000  24%  812/s" {
		t.Errorf("progressText = %q", got)
	}
	if got := progressText("check --summaries", 0, 0, 0); got != "check --summaries  0/0  0%  -/s" {
		t.Errorf("progressText = %q", got)
	}
}

func TestProgressOnlyOnLongTerminalRuns(t *testing.T) {
	tests := []struct {
		name  string
		tty   bool
		total int
		want  bool
	}{
		{"pipe", false, 5000, false},
		{"short run", true, progressMin, false},
		{"long run on a terminal", true, progressMin + 1, true},
	}
	for _, tt := range tests {
		var stderr strings.Builder
		l := &lede{env: env{stderr: &stderr, terminal: func(io.Writer) (bool, int) { return tt.tty, 80 }}}
		p := l.newProgress("ingest", tt.total)
		p.draw(10)
		p.clear()
		got := stderr.String()
		if (got != "") != tt.want {
			t.Errorf("%s: drew %q", tt.name, got)
		}
		if tt.want && !strings.HasSuffix(got, "\r\x1b[K") {
			t.Errorf("%s: bar not cleared: %q", tt.name, got)
		}
	}
}

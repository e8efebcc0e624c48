package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"lede/alert"
)

// TestWatchSinks runs lede watch --once over a first version and its
// LEAD with every kind of sink: the terminal, --jsonl, --exec (one
// process per alert, the JSON on stdin) and --notify through shoutrrr's
// generic webhook to a server on 127.0.0.1. Each gets the one alert;
// a second run sends nothing again.
func TestWatchSinks(t *testing.T) {
	t.Parallel()
	dir, db, out := t.TempDir(), filepath.Join(t.TempDir(), "lede.db"), t.TempDir()
	dropFile(t, dir, typhoonFirst, corpusPage(t, typhoonFirst))
	dropFile(t, dir, typhoonLead, corpusPage(t, typhoonLead))
	var mu sync.Mutex
	var notes []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		notes = append(notes, string(b))
		mu.Unlock()
	}))
	defer srv.Close()
	notify := "generic://" + strings.TrimPrefix(srv.URL, "http://") + "/hook?disabletls=yes"
	jsonl, execOut := filepath.Join(out, "alerts.jsonl"), filepath.Join(out, "exec.txt")
	args := []string{"--db", db, "watch", dir, "--once", "--jsonl", jsonl,
		"--exec", "cat >> " + execOut + "; echo >> " + execOut, "--notify", notify}
	r := runBinary(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !regexp.MustCompile(`lead,figures  200822-typhoon-bavi-possibly-make@2 r\d+  \(LEAD\) Typhoon Bavi`).MatchString(r.stdout) ||
		!regexp.MustCompile(` diff r\d+ r\d+\n`).MatchString(r.stdout) {
		t.Errorf("terminal lines:\n%s", r.stdout)
	}
	for _, path := range []string{jsonl, execOut} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		var m alert.Alert
		// The LEAD's page shows no year; the alert has the story's.
		if len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &m) != nil || m.Rev != 2 || m.Marker.Label != "LEAD" || m.Date.String() != "2020-08-22" {
			t.Errorf("%s: %d lines, %+v", filepath.Base(path), len(lines), m)
		}
	}
	mu.Lock()
	if len(notes) != 1 || !strings.Contains(notes[0], "+0 ~3 -0") || !strings.Contains(notes[0], "lede --db") {
		t.Errorf("notify got %q", notes)
	}
	mu.Unlock()
	r = runBinary(t, "", nil, args...)
	if r.code != 0 || strings.Contains(r.stdout, "typhoon") || len(notes) != 1 || !strings.Contains(r.stderr, "0 pages taken") {
		t.Errorf("second run: exit %d, %d notes, stdout %q, stderr %q", r.code, len(notes), r.stdout, r.stderr)
	}
	r = runBinary(t, "", nil, "--db", db, "alerts")
	for _, kind := range []string{"terminal", "jsonl", "exec", "notify"} {
		if !strings.Contains(r.stdout, kind) {
			t.Errorf("lede alerts lacks %s:\n%s", kind, r.stdout)
		}
	}
	if strings.Count(r.stdout, "delivered") != 4 {
		t.Errorf("lede alerts:\n%s", r.stdout)
	}
}

// TestAlertsRetry has the webhook refuse an alert for good (HTTP 400):
// it is failed, later runs do not resend it, lede alerts --retry puts it
// back and the next run delivers it.
func TestAlertsRetry(t *testing.T) {
	t.Parallel()
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	dropFile(t, dir, typhoonFirst, corpusPage(t, typhoonFirst))
	dropFile(t, dir, typhoonLead, corpusPage(t, typhoonLead))
	h := newHook(t, func(n int) int {
		if n == 1 {
			return http.StatusBadRequest
		}
		return 0
	})
	once := []string{"--db", db, "watch", dir, "--once", "--quiet", "--webhook", h.srv.URL}
	steps := []struct {
		args  []string
		code  int
		state string // in lede alerts afterwards
		tries int    // requests the webhook has seen
		says  string // on stderr
	}{
		{once, 1, "failed (1 attempt; HTTP 400 Bad Request)", 1, "lede: watching " + dir + " for lead"},
		{once, 1, "failed (1 attempt; HTTP 400 Bad Request)", 1, "lede: watch --once: 1 delivery failed (lede alerts --retry sends again); see 'lede alerts'"},
		{[]string{"--db", db, "alerts", "--retry"}, 0, "retrying (1 attempt;", 1, ""},
		{[]string{"--db", db, "watch", "--once", "--quiet", "--webhook", h.srv.URL}, 0, "delivered", 2, // no DIR: only deliver
			"lede: no directory to watch, raising and delivering the alerts due for lead"},
	}
	for i, s := range steps {
		r := runBinary(t, "", nil, s.args...)
		if r.code != s.code {
			t.Fatalf("step %d: exit %d, want %d: %s", i, r.code, s.code, r.stderr)
		}
		if !strings.Contains(r.stderr, s.says) {
			t.Errorf("step %d: stderr %q, want %q", i, r.stderr, s.says)
		}
		list := runBinary(t, "", nil, "--db", db, "alerts").stdout
		h.mu.Lock()
		tries := h.tries
		h.mu.Unlock()
		if !strings.Contains(list, s.state) || tries != s.tries {
			t.Errorf("step %d: %d requests, want %d; lede alerts:\n%s", i, tries, s.tries, list)
		}
	}
	if got := h.alerts(); len(got) != 1 || got[0].alert.Rev != 2 {
		t.Errorf("accepted %+v", got)
	}
}

// TestWatchRules runs the rules end to end: two stories' first versions
// and leads (the corona lead adds 2 paragraphs, the typhoon lead none)
// stored by lede ingest after alerts were enabled, then lede watch
// --once with the rule flags, follows and mutes of each case.
func TestWatchRules(t *testing.T) {
	t.Parallel()
	pages := t.TempDir()
	for _, p := range []string{coronaFirst, typhoonFirst, coronaLead, typhoonLead} {
		copyFile(t, filepath.Join(pagesDir, p), filepath.Join(pages, p))
	}
	tests := []struct {
		name   string
		before [][]string // commands run before the watch
		flags  []string
		want   []string // story@rev of the alerts, in order
	}{
		{name: "default", want: []string{"200202-s-korea-reports-3@2", "200822-typhoon-bavi-possibly-make@2"}},
		{name: "new stories", flags: []string{"--on", "new-story"},
			want: []string{"200202-s-korea-reports-3@1", "200822-typhoon-bavi-possibly-make@1"}},
		{name: "min-added", flags: []string{"--min-added", "1"}, want: []string{"200202-s-korea-reports-3@2"}},
		{name: "grep", flags: []string{"--grep", "BAVI", "-i"}, want: []string{"200822-typhoon-bavi-possibly-make@2"}},
		{name: "mute", before: [][]string{{"mute", "200202"}}, want: []string{"200822-typhoon-bavi-possibly-make@2"}},
		{name: "follow", before: [][]string{{"follow", "200202"}}, want: []string{"200202-s-korea-reports-3@2"}},
		{name: "follow grep", before: [][]string{{"follow", "--grep", "Typhoon"}}, want: []string{"200822-typhoon-bavi-possibly-make@2"}},
		{name: "mute beats follow", before: [][]string{{"follow", "200202"}, {"mute", "200202"}}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db, empty, jsonl := filepath.Join(t.TempDir(), "lede.db"), t.TempDir(), filepath.Join(t.TempDir(), "a.jsonl")
			cmds := append([][]string{{"watch", "--once", "--settle", "0", "--quiet", empty}, {"ingest", pages}}, tt.before...)
			cmds = append(cmds, append([]string{"watch", "--once", "--settle", "0", "--quiet", "--jsonl", jsonl, empty}, tt.flags...))
			for _, c := range cmds {
				if r := runBinary(t, "", nil, append([]string{"--db", db}, c...)...); r.code != 0 {
					t.Fatalf("lede %s: exit %d: %s", strings.Join(c, " "), r.code, r.stderr)
				}
			}
			data, _ := os.ReadFile(jsonl)
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				var m alert.Alert
				if line != "" && json.Unmarshal([]byte(line), &m) == nil {
					got = append(got, m.Story+"@"+strconv.Itoa(m.Rev))
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("alerts %v, want %v", got, tt.want)
			}
		})
	}
}

// TestIngestNoAlerts stores a backfill with lede ingest --no-alerts
// after alerts were enabled: it raises none; a page stored without the
// flag still does.
func TestIngestNoAlerts(t *testing.T) {
	t.Parallel()
	backfill, later := t.TempDir(), t.TempDir()
	for _, p := range []string{typhoonFirst, typhoonLead} {
		copyFile(t, filepath.Join(pagesDir, p), filepath.Join(backfill, p))
	}
	copyFile(t, filepath.Join(pagesDir, coronaFirst), filepath.Join(later, coronaFirst))
	db, empty, jsonl := filepath.Join(t.TempDir(), "lede.db"), t.TempDir(), filepath.Join(t.TempDir(), "a.jsonl")
	for _, args := range [][]string{
		{"watch", "--once", "--settle", "0", "--quiet", empty},
		{"ingest", "--no-alerts", backfill},
		{"ingest", later},
		{"watch", "--once", "--settle", "0", "--quiet", "--on", "any", "--jsonl", jsonl, empty},
	} {
		if r := runBinary(t, "", nil, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Fatalf("lede %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	data, _ := os.ReadFile(jsonl)
	if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(lines) != 1 || !strings.Contains(lines[0], `"story":"200202-s-korea-reports-3"`) {
		t.Errorf("alerts:\n%s", data)
	}
}

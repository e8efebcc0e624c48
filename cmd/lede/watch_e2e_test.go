package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/store"
)

// Real pages: a first version and its (LEAD), cut off before (END) as
// stored from the web, and a complete first version and (LEAD).
const (
	coronaFirst  = "AEN20200202000651320.txt"
	coronaLead   = "AEN20200202000652320.txt"
	typhoonFirst = "AEN20200822002200315.txt"
	typhoonLead  = "AEN20200822002251315.txt"
)

// corpusPage reads a page of the bundled corpus.
func corpusPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pagesDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWatchLeadAlert drops a first version, then its LEAD: the webhook
// gets exactly one alert, for the LEAD, saying what it added; readers
// get in while watch runs.
func TestWatchLeadAlert(t *testing.T) {
	// The pages are cut off before (END): without --incomplete 0 watch
	// would give their writer 5s to finish them.
	dir, db, h, w := watchWithHook(t, nil, "--incomplete", "0")
	dropFile(t, dir, coronaFirst, corpusPage(t, coronaFirst))
	time.Sleep(600 * time.Millisecond)
	dropFile(t, dir, coronaLead, corpusPage(t, coronaLead))
	got := h.waitFor(t, 1, 10*time.Second)
	time.Sleep(700 * time.Millisecond) // room for a wrong second alert
	if got = h.alerts(); len(got) != 1 {
		t.Fatalf("%d alerts, want 1: %+v", len(got), got)
	}
	a := got[0].alert
	if !strings.HasPrefix(a.Story, "200202-s-korea-reports-3") || a.Rev != 2 || a.Marker.Label != "LEAD" || a.Marker.Seq != 1 {
		t.Errorf("alert for %s@%d %+v", a.Story, a.Rev, a.Marker)
	}
	if !reflect.DeepEqual(a.Kinds, []string{"lead"}) || got[0].key != a.ID || !strings.HasPrefix(a.ID, "lede-") {
		t.Errorf("kinds %v, id %q, Idempotency-Key %q", a.Kinds, a.ID, got[0].key)
	}
	var added, changed []int
	for _, p := range a.Added {
		added = append(added, p.Para)
	}
	for _, p := range a.Changed {
		changed = append(changed, p.Para)
	}
	if !reflect.DeepEqual(added, []int{5, 7}) || !reflect.DeepEqual(changed, []int{3, 4}) || a.Summary == nil || a.Summary.Added != 2 {
		t.Errorf("added %v, changed %v, summary %+v; want added [5 7], changed [3 4]", added, changed, a.Summary)
	}
	if want := "diff r1 r2"; a.Ref != "r2" || a.PrevRef != "r1" || a.Late != "" || !strings.HasSuffix(a.Command, want) || a.Note == "" || len(a.NoteCheck) == 0 {
		t.Errorf("command %q (want %q), note %q, note check %v", a.Command, want, a.Note, a.NoteCheck)
	}
	// Another process reads while watch runs.
	for _, args := range [][]string{{"stories", "--json"}, {"history", a.Story}, {"diff", a.Story}, {"alerts", "--json"}} {
		start := time.Now()
		r := runBinary(t, "", nil, append([]string{"--db", db, "--wait", "2s"}, args...)...)
		if r.code != 0 || time.Since(start) > 2*time.Second {
			t.Errorf("lede %s during watch: exit %d after %s: %s", args[0], r.code, time.Since(start), r.stderr)
		}
		if args[0] == "alerts" {
			var list []store.AlertInfo
			if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || len(list[0].Deliveries) != 1 ||
				list[0].Deliveries[0].State != store.StateDelivered {
				t.Errorf("lede alerts --json: %v %s", err, r.stdout)
			}
		}
	}
	// One watch per database.
	if r := runBinary(t, "", nil, "--db", db, "watch", "--once", dir); r.code != 1 || !strings.Contains(r.stderr, "another lede watch (pid ") {
		t.Errorf("a second watch: exit %d: %s", r.code, r.stderr)
	}
	w.stop(t)
	if !strings.Contains(w.errText(), "2 pages taken: 1 new story, 1 update") {
		t.Errorf("watch summary: %s", w.errText())
	}
}

// TestWatchWebhookDown has the webhook fail with 500 for a while: the
// alert arrives once it recovers, and lede alerts shows the attempts.
func TestWatchWebhookDown(t *testing.T) {
	var mu sync.Mutex
	down := true
	dir, db, h, _ := watchWithHook(t, func(int) int {
		mu.Lock()
		defer mu.Unlock()
		if down {
			return http.StatusInternalServerError
		}
		return 0
	}, "--backoff", "100ms")
	dropFile(t, dir, typhoonFirst, corpusPage(t, typhoonFirst))
	dropFile(t, dir, typhoonLead, corpusPage(t, typhoonLead))
	var r result
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		r = runBinary(t, "", nil, "--db", db, "alerts")
		if strings.Contains(r.stdout, "retrying (2 attempts") {
			break
		}
	}
	if !strings.Contains(r.stdout, "retrying (2 attempts") || !strings.Contains(r.stdout, "HTTP 500") {
		t.Errorf("lede alerts while the webhook is down:\n%s%s", r.stdout, r.stderr)
	}
	if n := len(h.alerts()); n != 0 {
		t.Fatalf("%d alerts accepted while down", n)
	}
	mu.Lock()
	down = false
	mu.Unlock()
	got := h.waitFor(t, 1, 10*time.Second)
	if got[0].alert.Marker.Label != "LEAD" {
		t.Errorf("alert %+v", got[0].alert)
	}
	r = runBinary(t, "", nil, "--db", db, "alerts", "--json")
	var list []store.AlertInfo
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 ||
		list[0].Deliveries[0].State != store.StateDelivered || list[0].Deliveries[0].Attempts < 2 {
		t.Errorf("after recovery: %v %s", err, r.stdout)
	}
}

// TestWatchKilled kills watch with SIGKILL while it sends an alert: the
// restarted watch delivers it, once; alerts of pages lede ingest stored
// while no watch ran are delivered too; nothing is sent twice.
func TestWatchKilled(t *testing.T) {
	t.Parallel()
	inFlight := make(chan struct{})
	release := make(chan struct{})
	var once sync.Once
	dir, db, h, w := watchWithHook(t, func(n int) int {
		if n == 1 {
			once.Do(func() { close(inFlight) })
			<-release
			return http.StatusServiceUnavailable
		}
		return 0
	})
	dropFile(t, dir, typhoonFirst, corpusPage(t, typhoonFirst))
	dropFile(t, dir, typhoonLead, corpusPage(t, typhoonLead))
	select {
	case <-inFlight:
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery attempt")
	}
	w.kill()
	close(release)
	checkJSON(t, db)

	// While no watch runs, lede ingest stores another story's lead.
	other := t.TempDir()
	copyFile(t, filepath.Join(pagesDir, coronaFirst), filepath.Join(other, coronaFirst))
	copyFile(t, filepath.Join(pagesDir, coronaLead), filepath.Join(other, coronaLead))
	if r := runBinary(t, "", nil, "--db", db, "ingest", other); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	for run := range 2 {
		r := runBinary(t, "", nil, "--db", db, "watch", "--once", "--quiet", "--webhook", h.srv.URL, dir)
		if r.code != 0 {
			t.Fatalf("watch --once run %d: exit %d: %s", run, r.code, r.stderr)
		}
	}
	got := h.alerts()
	if len(got) != 2 || got[0].alert.Story == got[1].alert.Story ||
		!strings.HasPrefix(got[0].alert.Story, "200822-typhoon") || !strings.HasPrefix(got[1].alert.Story, "200202-s-korea") {
		t.Fatalf("accepted %d alerts, want the typhoon's then the corona story's lead once each: %+v", len(got), got)
	}
}

// TestWatchSlowWriter writes pages in pieces straight under their final
// names: one with pauses shorter than --settle, one pausing longer
// before it reaches (END) (the wait for a cut-off page's writer holds
// it), and one slowly under a temp name renamed when done. Each is
// ingested once, whole.
func TestWatchSlowWriter(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	w := startWatch(t, db, dir, "--jsonl", jsonl, "--quiet", "--on", "any")
	slow := func(path string, page []byte, cuts []int, pause time.Duration) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		from := 0
		for _, to := range append(cuts, len(page)) {
			f.Write(page[from:to])
			f.Sync()
			from = to
			time.Sleep(pause)
		}
		f.Close()
	}
	first := corpusPage(t, typhoonFirst)
	end := strings.Index(string(first), "(END)")
	slow(filepath.Join(dir, typhoonFirst), first, []int{end / 3, 2 * end / 3, end}, 400*time.Millisecond)
	lead := corpusPage(t, typhoonLead)
	// Past (END) only the settle time guards: pauses well under it.
	leadEnd := strings.Index(string(lead), "(END)") + 6
	slow(filepath.Join(dir, "b-"+typhoonLead), lead, []int{leadEnd / 2, leadEnd, (leadEnd + len(lead)) / 2}, 50*time.Millisecond)
	tmp := filepath.Join(dir, typhoonLead+".part")
	slow(tmp, lead, []int{len(lead) / 3, 2 * len(lead) / 3}, 400*time.Millisecond)
	if err := os.Rename(tmp, filepath.Join(dir, typhoonLead)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	var lines []string
	for time.Now().Before(deadline) && len(lines) < 2 {
		time.Sleep(100 * time.Millisecond)
		data, _ := os.ReadFile(jsonl)
		lines = strings.Split(strings.TrimSpace(string(data)), "\n")
	}
	time.Sleep(800 * time.Millisecond) // the renamed duplicate settles
	w.stop(t)
	if !strings.Contains(w.errText(), "3 pages taken: 1 new story, 1 update, 1 duplicate, 0 errors") {
		t.Errorf("watch took the pages other than once each, whole:\n%s", w.errText())
	}
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var stories []store.Story
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil || len(stories) != 1 || len(stories[0].Versions) != 2 {
		t.Fatalf("stories: %v\n%s", err, r.stdout)
	}
	if v := stories[0].Versions[0]; v.Source != filepath.Join(dir, typhoonFirst) {
		t.Errorf("first version from %s", v.Source)
	}
}

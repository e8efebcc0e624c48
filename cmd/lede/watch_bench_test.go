package main

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/alert"
	"lede/revision/revisiontest"
	"lede/store"
)

// synthPage is a generated page to drop into a watched directory.
type synthPage struct {
	name string
	text []byte
}

// synthPages generates n pages of the synthetic corpus, in arrival order.
func synthPages(t testing.TB, seed int64, n int) []synthPage {
	t.Helper()
	var out []synthPage
	err := revisiontest.Generate(revisiontest.Config{Seed: seed, Revisions: n}, func(p revisiontest.Page) error {
		out = append(out, synthPage{name: p.Name, text: slices.Clone(p.Text)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWatchBurst drops 1,000 pages at once: every one is ingested, and
// the webhook receives every alert once, in arrival order.
func TestWatchBurst(t *testing.T) {
	dir, db, h, w := watchWithHook(t, nil, "--on", "any")
	pages := synthPages(t, 5, 1000)
	start := time.Now()
	for _, p := range pages {
		dropFile(t, dir, p.name, p.text)
	}
	// Meanwhile another process reads, again and again.
	readers := make(chan time.Duration)
	go func() {
		var worst time.Duration
		for len(h.alerts()) < len(pages) && time.Since(start) < 60*time.Second {
			t0 := time.Now()
			if r := runBinary(t, "", nil, "--db", db, "stories", "--limit", "1"); r.code != 0 {
				t.Errorf("lede stories during the burst: exit %d: %s", r.code, r.stderr)
			}
			worst = max(worst, time.Since(t0))
		}
		readers <- worst
	}()
	got := h.waitFor(t, len(pages), 60*time.Second)
	worst := <-readers
	t.Logf("1,000 pages: last alert %s after the first page landed; the slowest lede stories took %s",
		time.Since(start).Round(time.Millisecond), worst.Round(time.Millisecond))
	seen := map[string]bool{}
	var last uint64
	for _, r := range got {
		if seen[r.alert.ID] {
			t.Fatalf("alert %s received twice", r.alert.ID)
		}
		seen[r.alert.ID] = true
		if a := arrivalOfID(t, r.alert.ID); a <= last {
			t.Fatalf("alert %s after arrival %d: out of order", r.alert.ID, last)
		} else {
			last = a
		}
	}
	w.stop(t)
	checkJSON(t, db)
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var stories []store.Story
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil {
		t.Fatal(err)
	}
	versions := 0
	for _, s := range stories {
		versions += len(s.Versions)
	}
	if versions != len(pages) {
		t.Errorf("%d versions stored, want %d", versions, len(pages))
	}
}

// BenchmarkAlertLatency measures the time from a page landing in a
// watched directory (renamed into place) to the webhook receiving its
// alert, with default settings (alerts on new leads): pages arriving one
// at a time, then 1,000 at once. It reports percentiles in ms; b.N is
// not used, one run is the measurement.
func BenchmarkAlertLatency(b *testing.B) {
	for range b.N {
		steady := alertLatencies(b, synthPages(b, 11, 300), 120*time.Millisecond)
		burst := alertLatencies(b, synthPages(b, 12, 1000), 0)
		for _, m := range []struct {
			name string
			ds   []time.Duration
		}{{"steady", steady}, {"burst", burst}} {
			b.ReportMetric(percentile(m.ds, 50), m.name+"-p50-ms")
			b.ReportMetric(percentile(m.ds, 99), m.name+"-p99-ms")
			b.ReportMetric(percentile(m.ds, 100), m.name+"-max-ms")
			b.ReportMetric(float64(len(m.ds)), m.name+"-alerts")
		}
	}
}

// alertLatencies runs a watch with default settings, drops pages with
// gap between them and returns each alert's latency.
func alertLatencies(b *testing.B, pages []synthPage, gap time.Duration) []time.Duration {
	dir, _, h, w := watchWithHook(b, nil)
	landed := map[string]time.Time{}
	for _, p := range pages {
		dropFile(b, dir, p.name, p.text)
		landed[filepath.Join(dir, p.name)] = time.Now()
		time.Sleep(gap)
	}
	// Every lead raises an alert: wait until none came for a while.
	for n := -1; n != len(h.alerts()); {
		n = len(h.alerts())
		time.Sleep(3 * time.Second)
	}
	w.stop(b)
	var out []time.Duration
	for _, r := range h.alerts() {
		at, ok := landed[r.alert.Source]
		if !ok {
			b.Fatalf("alert for unknown source %s", r.alert.Source)
		}
		out = append(out, r.at.Sub(at))
	}
	if len(out) == 0 {
		b.Fatal("no alerts")
	}
	return out
}

// percentile is the p-th percentile of ds in milliseconds (nearest rank).
func percentile(ds []time.Duration, p int) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := max((len(s)*p+99)/100-1, 0)
	return float64(s[i].Microseconds()) / 1000
}

// TestWatchInterrupted stops watch with Ctrl-C in the middle of a burst:
// it exits 130 with the database sound, and a restart takes the rest and
// delivers every alert exactly once (the sends in flight at the stop
// were finished and recorded, so none goes out twice).
func TestWatchInterrupted(t *testing.T) {
	t.Parallel()
	dir, db, h, w := watchWithHook(t, nil, "--on", "any", "--batch", "50")
	pages := synthPages(t, 6, 200)
	for _, p := range pages {
		dropFile(t, dir, p.name, p.text)
	}
	h.waitFor(t, 1, 30*time.Second)
	w.stop(t)
	if code := w.cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d after Ctrl-C, want 130: %s", code, w.errText())
	}
	checkJSON(t, db)
	if n := len(h.alerts()); n >= len(pages) {
		t.Logf("all %d alerts were out before the stop; the restart has nothing left to do", n)
	}
	r := runBinary(t, "", nil, "--db", db, "watch", "--once", "--quiet", "--on", "any", "--webhook", h.srv.URL, dir)
	if r.code != 0 {
		t.Fatalf("restart: exit %d: %s", r.code, r.stderr)
	}
	seen := map[string]bool{}
	for _, a := range h.alerts() {
		if seen[a.alert.ID] {
			t.Errorf("alert %s sent twice", a.alert.ID)
		}
		seen[a.alert.ID] = true
	}
	if len(seen) != len(pages) {
		t.Errorf("%d distinct alerts, want %d", len(seen), len(pages))
	}
}

// TestWatchBacklog has lede ingest store 600 pages after alerts were
// enabled and no watch ran: the next watch --once turns the backlog into
// alerts a batch of events per cycle (more than one cycle) and delivers
// all of them, in order.
func TestWatchBacklog(t *testing.T) {
	t.Parallel()
	dir, db, jsonl := t.TempDir(), filepath.Join(t.TempDir(), "lede.db"), filepath.Join(t.TempDir(), "a.jsonl")
	for _, p := range synthPages(t, 7, 600) {
		writeFile(t, filepath.Join(dir, p.name), string(p.text))
	}
	empty := t.TempDir()
	for _, args := range [][]string{
		{"watch", "--once", "--settle", "0", "--quiet", empty},
		{"ingest", dir},
		{"watch", "--once", "--settle", "0", "--quiet", "--on", "any", "--jsonl", jsonl, empty},
	} {
		if r := runBinary(t, "", nil, append([]string{"--db", db}, args...)...); r.code != 0 {
			t.Fatalf("lede %s: exit %d: %s", args[0], r.code, r.stderr)
		}
	}
	data, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var last uint64
	for _, line := range lines {
		var a alert.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		if n := arrivalOfID(t, a.ID); n <= last {
			t.Fatalf("alert %s after arrival %d", a.ID, last)
		} else {
			last = n
		}
	}
	if len(lines) != 600 {
		t.Errorf("%d alerts, want 600", len(lines))
	}
}

// TestWatchKilledRandomly kills watch with SIGKILL at random moments of
// a burst, again and again: after each kill the database checks out, and
// in the end every page is stored and every alert delivered, none lost;
// only the alert in flight at a kill may be sent again.
func TestWatchKilledRandomly(t *testing.T) {
	t.Parallel()
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	h := newHook(t, nil)
	pages := synthPages(t, 8, 300)
	for _, p := range pages {
		dropFile(t, dir, p.name, p.text)
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 5))
	const kills = 4
	for range kills {
		w := startWatch(t, db, dir, "--webhook", h.srv.URL, "--quiet", "--on", "any", "--batch", "40")
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		w.kill()
		checkJSON(t, db)
	}
	r := runBinary(t, "", nil, "--db", db, "watch", "--once", "--quiet", "--on", "any", "--webhook", h.srv.URL, dir)
	if r.code != 0 {
		t.Fatalf("final run: exit %d: %s", r.code, r.stderr)
	}
	ids := map[string]int{}
	for _, a := range h.alerts() {
		ids[a.alert.ID]++
	}
	repeats := len(h.alerts()) - len(ids)
	t.Logf("%d alerts, %d repeats after %d kills", len(ids), repeats, kills)
	if len(ids) != len(pages) || repeats > kills {
		t.Errorf("%d distinct alerts (want %d), %d repeats", len(ids), len(pages), repeats)
	}
}

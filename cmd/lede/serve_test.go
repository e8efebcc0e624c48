package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a stderr that a running server and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

var servingRe = regexp.MustCompile(`on (http://[^/ ]+)/ \(Ctrl-C`)

// startServe runs "lede serve" in-process on db, on a free loopback
// port (with extra arguments), and returns its base URL and a function that stops it (as
// Ctrl-C does) and returns its exit status and stderr.
func startServe(t *testing.T, db string, extra ...string) (string, func() (int, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		args := append([]string{"lede", "--db", db, "serve", "--addr", "127.0.0.1:0"}, extra...)
		done <- runEnv(ctx, args, env{
			stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr,
			getenv:   func(string) string { return "" },
			terminal: func(io.Writer) (bool, int) { return false, 0 },
		})
	}()
	stop := func() (int, string) {
		cancel()
		select {
		case code := <-done:
			return code, stderr.String()
		case <-time.After(10 * time.Second):
			t.Fatal("lede serve did not stop")
			return 0, ""
		}
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if m := servingRe.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stop
		}
		select {
		case code := <-done:
			t.Fatalf("lede serve exited %d:\n%s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("lede serve did not say where it listens:\n%s", stderr.String())
	return "", nil
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}

// TestServeSameJSONAsCLI checks that the API answers byte for byte what
// the --json options print, for every story of the corpus.
func TestServeSameJSONAsCLI(t *testing.T) {
	db := ingestedCorpus(t)
	base, stop := startServe(t, db)
	check := func(path string, args ...string) {
		t.Helper()
		status, body := httpGet(t, base+path)
		want := mustLede(t, db, args...).stdout
		if status != 200 || body != want {
			t.Errorf("GET %s: status %d, differs from lede %s:\n%.500s\nwant\n%.500s",
				path, status, strings.Join(args, " "), body, want)
		}
	}
	check("/api/stories?limit=500", "stories", "--json")
	check("/api/stories?since=2022-01-01&limit=500", "stories", "--json", "--since", "2022-01-01")
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		check("/api/stories/"+s.ID, "history", "--json", s.ID)
		n := len(s.Versions)
		check(fmt.Sprintf("/api/stories/%s/revisions/%d", s.ID, n), "show", "--json", fmt.Sprintf("%s@%d", s.ID, n))
		if n > 1 {
			check("/api/stories/"+s.ID+"/diff", "diff", "--json", s.ID)
			check(fmt.Sprintf("/api/stories/%s/diff?from=1&to=%d", s.ID, n), "diff", "--json", s.ID+"@1", fmt.Sprintf("%s@%d", s.ID, n))
		}
	}
	code, stderr := stop()
	if code != 0 || !strings.Contains(stderr, "lede: stopped") {
		t.Errorf("serve exit %d after Ctrl-C:\n%s", code, stderr)
	}
}

// TestServeLetsIngestWrite keeps the server busy and checks that lede
// ingest still gets the database: requests open it only briefly and
// hold back when the writer knocks.
func TestServeLetsIngestWrite(t *testing.T) {
	db := ingestedCorpus(t)
	base, stop := startServe(t, db)
	defer stop()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var served, failed sync.Map
	for i := range 4 {
		wg.Go(func() {
			for n := 0; ctx.Err() == nil; n++ {
				res, err := http.Get(base + "/s/220309")
				if err != nil {
					failed.Store(fmt.Sprint(i, n), err.Error())
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				served.Store(fmt.Sprint(i, n), res.StatusCode)
			}
		})
	}
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	r := ledeDB(t, db, "--wait", "10s", "ingest", seedPage)
	took := time.Since(start)
	cancel()
	wg.Wait()
	if r.code != 0 || !strings.Contains(r.stdout, "1 update") {
		t.Fatalf("ingest under load: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if took > 3*time.Second {
		t.Errorf("ingest waited %s for the server", took)
	}
	statuses := map[int]int{}
	served.Range(func(_, v any) bool { statuses[v.(int)]++; return true })
	failed.Range(func(k, v any) bool { t.Errorf("request %v: %v", k, v); return true })
	if statuses[200] == 0 || len(statuses) != 1 {
		t.Errorf("statuses under ingest: %v", statuses)
	}
	t.Logf("ingest took %s while the server answered %d requests", took, statuses[200])
}

// TestServeWatch runs the watcher in the server's process: pages dropped
// in the directory show up in the API and the feed.
func TestServeWatch(t *testing.T) {
	dir := t.TempDir()
	incoming := filepath.Join(dir, "incoming")
	if err := os.Mkdir(incoming, 0o755); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "lede.db")
	// lede watch's flags apply to the watcher: every page raises an
	// alert, to a JSON lines file.
	jsonl := filepath.Join(dir, "alerts.jsonl")
	base, stop := startServe(t, db, "--watch", incoming, "--on", "any", "--jsonl", jsonl, "--settle", "50ms")
	// Two pages that reach (END): the watcher takes them at once.
	copyFile(t, pagesDir+"/AEN20200331001400315.txt", filepath.Join(incoming, "a.txt"))
	copyFile(t, pagesDir+"/AEN20200331001451315.txt", filepath.Join(incoming, "b.txt"))
	var got []jsonStory
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		status, body := httpGet(t, base+"/api/stories")
		got = nil
		if status == 200 && json.Unmarshal([]byte(body), &got) == nil && len(got) == 1 && len(got[0].Versions) == 2 {
			break
		}
	}
	if len(got) != 1 || len(got[0].Versions) != 2 {
		t.Fatalf("stories after the watcher took two pages: %+v", got)
	}
	if _, feed := httpGet(t, base+"/feed.atom"); strings.Count(feed, "<entry>") != 1 || !strings.Contains(feed, "(LEAD) ") {
		t.Errorf("feed after a lead arrived:\n%s", feed)
	}
	// Both pages raise an alert, written to the file a moment after they
	// are stored.
	var data []byte
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if data, _ = os.ReadFile(jsonl); strings.Count(string(data), "\n") >= 2 {
			break
		}
	}
	code, stderr := stop()
	if code != 0 || !strings.Contains(stderr, "lede: watching "+incoming+" for any, late versions marked late; alerts to terminal stdout, jsonl "+jsonl) {
		t.Errorf("serve --watch: exit %d, stderr:\n%s", code, stderr)
	}
	if strings.Count(string(data), "\n") != 2 {
		t.Errorf("alerts written by the watcher:\n%s", data)
	}
}

// TestServeUsage checks how serve refuses what it cannot do.
func TestServeUsage(t *testing.T) {
	db := ingestedCorpus(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"argument", []string{"--db", db, "serve", "extra"}, 2, `unexpected argument "extra"`},
		{"watch a file", []string{"--db", db, "serve", "--watch", db}, 2, "not a directory"},
		{"watch flag alone", []string{"--db", db, "serve", "--webhook", "http://127.0.0.1:1/"}, 2, "--webhook goes with --watch DIR"},
		{"bad address", []string{"--db", db, "serve", "--addr", "127.0.0.1:99999"}, 1, "cannot listen on 127.0.0.1:99999"},
		{"no database", []string{"--db", missing, "serve"}, 1, "no database at " + missing},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runIn(t, fakeProc{}, c.args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, c.code, r.stderr)
			}
		})
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/alert"
)

// hook is a webhook receiver on 127.0.0.1: it keeps every alert it
// accepts, in order, and answers with the status fail gives (200 when
// fail is nil or returns 0).
type hook struct {
	srv     *httptest.Server
	mu      sync.Mutex
	got     []received
	tries   int
	fail    func(n int) int // n counts requests from 1
	arrived chan struct{}
}

// received is one accepted alert and when it came.
type received struct {
	alert alert.Alert
	key   string // the Idempotency-Key header
	at    time.Time
}

func newHook(t testing.TB, fail func(n int) int) *hook {
	h := &hook{fail: fail, arrived: make(chan struct{}, 1<<16)}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.tries++
		n := h.tries
		h.mu.Unlock()
		if h.fail != nil {
			if code := h.fail(n); code != 0 {
				w.WriteHeader(code)
				return
			}
		}
		var m alert.Alert
		if err := json.Unmarshal(body, &m); err != nil {
			t.Errorf("webhook body is not an alert: %v: %s", err, body)
		}
		h.mu.Lock()
		h.got = append(h.got, received{alert: m, key: r.Header.Get("Idempotency-Key"), at: time.Now()})
		h.mu.Unlock()
		h.arrived <- struct{}{}
	}))
	t.Cleanup(h.srv.Close)
	return h
}

// alerts returns a copy of what was accepted so far.
func (h *hook) alerts() []received {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]received(nil), h.got...)
}

// waitFor waits until n alerts were accepted, failing after timeout.
func (h *hook) waitFor(t testing.TB, n int, timeout time.Duration) []received {
	t.Helper()
	deadline := time.After(timeout)
	for len(h.alerts()) < n {
		select {
		case <-h.arrived:
		case <-deadline:
			t.Fatalf("webhook got %d alerts in %s, want %d", len(h.alerts()), timeout, n)
		}
	}
	return h.alerts()
}

// watcher is a running lede watch.
type watcher struct {
	cmd            *exec.Cmd
	stdout, stderr *bytes.Buffer
	done           chan struct{}
}

// startWatch runs lede --db db watch args... in the background; the test
// ends it (SIGINT) unless it already did.
func startWatch(t testing.TB, db string, args ...string) *watcher {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"--db", db, "watch"}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	w := &watcher{cmd: cmd, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = &syncWriter{w: w.stdout}, &syncWriter{w: w.stderr}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { cmd.Wait(); close(w.done) }()
	t.Cleanup(func() { w.stop(t) })
	// Wait for its first cycle, so files dropped next are events.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(w.errText(), "lede: watching") {
		if time.Now().After(deadline) {
			t.Fatalf("watch did not start: %s", w.errText())
		}
		select {
		case <-w.done:
			t.Fatalf("watch ended at start: %s", w.errText())
		case <-time.After(10 * time.Millisecond):
		}
	}
	return w
}

// syncWriter lets a test read a buffer a process writes to.
type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func (w *watcher) errText() string {
	sw := w.cmd.Stderr.(*syncWriter)
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return sw.w.String()
}

// stop ends the watcher with Ctrl-C and waits for it.
func (w *watcher) stop(t testing.TB) {
	select {
	case <-w.done:
		return
	default:
	}
	w.cmd.Process.Signal(os.Interrupt)
	select {
	case <-w.done:
	case <-time.After(15 * time.Second):
		w.cmd.Process.Kill()
		t.Errorf("watch did not stop on SIGINT: %s", w.errText())
	}
}

// kill ends the watcher with SIGKILL: no clean-up of any kind.
func (w *watcher) kill() {
	w.cmd.Process.Kill()
	<-w.done
}

// dropFile writes a file into place the way a feed does: under a temp
// name, then renamed, so the watcher sees it whole.
func dropFile(t testing.TB, dir, name string, data []byte) {
	t.Helper()
	tmp := filepath.Join(dir, "."+name+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// arrivalOfID reads the arrival number at the end of an alert id.
func arrivalOfID(t testing.TB, id string) uint64 {
	t.Helper()
	n, err := strconv.ParseUint(id[strings.LastIndexByte(id, '-')+1:], 10, 64)
	if err != nil {
		t.Fatalf("alert id %q: %v", id, err)
	}
	return n
}

// watchWithHook starts lede watch on a new directory and database with
// a webhook receiver as its sink, and args.
func watchWithHook(t testing.TB, fail func(int) int, args ...string) (dir, db string, h *hook, w *watcher) {
	t.Helper()
	dir, db = t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	h = newHook(t, fail)
	w = startWatch(t, db, append([]string{dir, "--webhook", h.srv.URL, "--quiet"}, args...)...)
	return dir, db, h, w
}

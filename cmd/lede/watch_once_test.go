package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWatchOnceUndelivered: watch --once exits 1 while an alert waits to
// be sent, saying how many, and 0 once it has gone out.
func TestWatchOnceUndelivered(t *testing.T) {
	var up atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	copyPage(t, pagesDir+"/AEN20200822002200315.txt", dir)
	copyPage(t, pagesDir+"/AEN20200822002251315.txt", dir)
	args := []string{"--db", db, "watch", dir, "--once", "--quiet", "--webhook", srv.URL, "--backoff", "10ms"}
	r := runBinary(t, "", nil, args...)
	if r.code != 1 || !strings.Contains(r.stderr, "lede: watch --once: 1 delivery still waiting to be sent; see 'lede alerts'\n") {
		t.Fatalf("sink down: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	up.Store(true)
	time.Sleep(50 * time.Millisecond) // past the backoff
	if r := runBinary(t, "", nil, args...); r.code != 0 || strings.Contains(r.stderr, "still waiting") {
		t.Errorf("sink up: exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

//go:build unix

package watch

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"lede/intake"
)

// TestWatchFileSwappedForFIFO: a page the tracker found settled can be
// replaced by a FIFO before the watch reads it. The read refuses it at
// once instead of waiting for a writer that never comes.
func TestWatchFileSwappedForFIFO(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.txt")
	copyPage(t, firstPage, page)
	tr := intake.NewTracker([]string{dir}, 0)
	now := time.Now()
	tr.Scan(now)
	ready := tr.Ready(now, 10)
	if len(ready) != 1 || ready[0] != page {
		t.Fatalf("ready %v, want [%s]", ready, page)
	}
	swap := filepath.Join(dir, ".swap")
	if err := syscall.Mkfifo(swap, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Rename(swap, page); err != nil {
		t.Fatal(err)
	}
	w := &watchRun{cfg: Config{Once: true}, files: tr}
	done := make(chan []intake.Input, 1)
	go func() { done <- w.parse(ready) }()
	select {
	case inputs := <-done:
		if len(inputs) != 1 || inputs[0].Err == nil || inputs[0].Err.Error() != page+": not a regular file (a FIFO)" {
			t.Errorf("parse = %+v, want one input failing with not a regular file (a FIFO)", inputs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading the swapped file still blocked after 10s")
	}
}

// TestLockRefusesASecond: while one watch holds a database's lock a
// second is refused with a BusyError naming the first's pid; once the
// first lets go, the lock can be taken again.
func TestLockRefusesASecond(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	if err := os.WriteFile(db, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	release, err := Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(db)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Who != "pid "+strconv.Itoa(os.Getpid()) || busy.DB != db {
		t.Fatalf("second lock: %v, want a BusyError of pid %d on %s", err, os.Getpid(), db)
	}
	release()
	again, err := Lock(db)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
}

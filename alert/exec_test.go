//go:build unix

package alert

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExecKillsItsChildren runs a command that leaves a child running
// (the shell waits for a background sleep that holds its stderr): when
// the attempt's time is up, or the watch stops, Send returns at once
// and the child is gone too, not left to run out its 30s.
func TestExecKillsItsChildren(t *testing.T) {
	for _, tt := range []struct {
		name string
		stop func(context.Context) (context.Context, context.CancelFunc)
		want string
	}{
		{"time limit", func(ctx context.Context) (context.Context, context.CancelFunc) {
			return context.WithTimeout(ctx, time.Second)
		}, "signal: killed (ran past its time limit)"},
		{"shutdown", func(ctx context.Context) (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(ctx)
			time.AfterFunc(time.Second, cancel)
			return ctx, cancel
		}, "signal: killed (the watch is stopping)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pidFile := filepath.Join(t.TempDir(), "child.pid")
			s := &Exec{Command: "cat >/dev/null; sleep 30 & echo $! > " + pidFile + "; wait"}
			ctx, cancel := tt.stop(context.Background())
			defer cancel()
			start := time.Now()
			err := s.Send(ctx, &Alert{ID: "lede-x-1", Story: "s"}, []byte(`{"id":"lede-x-1"}`))
			took := time.Since(start)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if took > 3*time.Second {
				t.Errorf("Send took %s: the child was waited for", took)
			}
			data, rerr := os.ReadFile(pidFile)
			pid, perr := strconv.Atoi(strings.TrimSpace(string(data)))
			if rerr != nil || perr != nil {
				t.Fatalf("no child pid: %v %v", rerr, perr)
			}
			deadline := time.Now().Add(2 * time.Second)
			for processLives(pid) {
				if time.Now().After(deadline) {
					syscall.Kill(pid, syscall.SIGKILL)
					t.Fatalf("child %d still runs after Send returned", pid)
				}
				time.Sleep(20 * time.Millisecond)
			}
		})
	}
}

// TestExecBackgroundJob runs a command that succeeds and leaves a job
// of its own running in the background with its stderr: the alert is
// delivered once the command has exited (and a second for the pipes),
// not after the job ends.
func TestExecBackgroundJob(t *testing.T) {
	t.Parallel()
	pidFile := filepath.Join(t.TempDir(), "job.pid")
	s := &Exec{Command: "sleep 5 & echo $! > " + pidFile + "; exit 0"}
	start := time.Now()
	err := s.Send(context.Background(), &Alert{ID: "lede-x-1"}, []byte(`{}`))
	if took := time.Since(start); err != nil || took > 3*time.Second {
		t.Errorf("Send: %v after %s", err, took)
	}
	if data, err := os.ReadFile(pidFile); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
}

// processLives reports whether pid runs (a zombie waiting for a parent
// that does not reap it has ended).
func processLives(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !errors.Is(err, os.ErrNotExist) || runtime.GOOS != "linux"
	}
	// pid (comm) STATE ...: the state follows the last parenthesis.
	rest := string(stat[strings.LastIndexByte(string(stat), ')')+1:])
	return !strings.HasPrefix(strings.TrimSpace(rest), "Z")
}

// TestExecStderrTail has the command write 64 MB to stderr before it
// fails: the error ends with its last words, and Send keeps only the
// tail (memory allocated stays far below what was written).
func TestExecStderrTail(t *testing.T) {
	s := &Exec{Command: "head -c 64000000 /dev/zero | tr '\\0' x >&2; echo 'the disk is full' >&2; exit 3"}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := s.Send(context.Background(), &Alert{ID: "lede-x-1"}, []byte(`{}`))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.HasPrefix(err.Error(), "exit status 3: …xxx") || !strings.HasSuffix(err.Error(), "xxxthe disk is full") {
		t.Errorf("error %.300v", err)
	}
	if len(err.Error()) > 400 {
		t.Errorf("error of %d bytes", len(err.Error()))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("Send allocated %d MiB for 64 MB of stderr", alloc>>20)
	}
}

func TestTailWriter(t *testing.T) {
	w := &tailWriter{max: 8}
	for _, p := range []string{"abc", "defg", "hijkl", "", "mnopqrstuvwxyz", "é!"} {
		w.Write([]byte(p))
	}
	// The last 8 bytes, from a whole character, after an ellipsis.
	if got, want := w.String(), "…vwxyzé!"; got != want {
		t.Errorf("tail %q, want %q", got, want)
	}
	w = &tailWriter{max: 8}
	w.Write([]byte("short"))
	if w.String() != "short" {
		t.Errorf("tail %q", w.String())
	}
	w = &tailWriter{max: 4}
	w.Write([]byte("abé")) // 4 bytes: kept whole
	w.Write([]byte("z"))   // drops "a"
	if got := w.String(); got != "…béz" {
		t.Errorf("tail %q", got)
	}
}

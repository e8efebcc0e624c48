//go:build unix

package wire

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned after d: a
// read that blocks on a FIFO never would.
func within[T any](t *testing.T, d time.Duration, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(d):
		t.Fatalf("still blocked after %s", d)
	}
	panic("unreachable")
}

func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return path
}

// TestReadInputRefusesNonRegular: a FIFO without a writer, a character
// device and a socket are refused at once, saying what they are, and the
// error wraps ErrNotRegular; a FIFO is never opened, let alone read.
func TestReadInputRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := mkfifo(t, filepath.Join(dir, "pipe"))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "not a regular file (a FIFO)"},
		{link, "not a regular file (a FIFO)"},
		{"/dev/null", "not a regular file (a character device)"},
		{sock, "not a regular file (a socket)"},
	} {
		err := within(t, 5*time.Second, func() error {
			_, err := ReadInput(tc.path, nil, Options{})
			return err
		})
		if err == nil || err.Error() != tc.path+": "+tc.want || !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadInput(%s) = %v, want %q wrapping ErrNotRegular", tc.path, err, tc.want)
		}
	}
}

// TestOpenRegularRace: a path checked as a regular file, or listed as
// one, can be a FIFO by the time it is opened. The open returns at once
// and refuses what it opened, with or without the check before it.
func TestOpenRegularRace(t *testing.T) {
	fifo := mkfifo(t, filepath.Join(t.TempDir(), "swapped"))
	err := within(t, 5*time.Second, func() error {
		_, err := readRegular(fifo, 1<<20)
		return err
	})
	if err == nil || err.Error() != "not a regular file (a FIFO)" {
		t.Errorf("readRegular(FIFO) = %v, want not a regular file (a FIFO)", err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "not a regular file (a FIFO)"},
		{"/dev/null", "not a regular file (a character device)"},
		{filepath.Dir(fifo), "is a directory"},
	} {
		err := within(t, 5*time.Second, func() error {
			_, err := ReadInput(tc.path, nil, Options{Listed: true})
			return err
		})
		if err == nil || err.Error() != tc.path+": "+tc.want {
			t.Errorf("ReadInput(%s, Listed) = %v, want %q", tc.path, err, tc.want)
		}
	}
}

// TestReadRegularSizes reads files around the size limit and names the
// file in the error of one that is missing, as an *os.File would.
func TestReadRegularSizes(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 99, 100, 101, 511, 512, 513, 5000} {
		path := filepath.Join(dir, "f")
		want := strings.Repeat("ab", n)[:n]
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int64{100, 512, 1 << 20} {
			got, err := readRegular(path, limit)
			if err != nil {
				t.Fatalf("%d bytes, limit %d: %v", n, limit, err)
			}
			if keep := min(int64(n), limit+1); string(got) != want[:keep] {
				t.Errorf("%d bytes, limit %d: read %d bytes, want the first %d", n, limit, len(got), keep)
			}
		}
	}
	missing := filepath.Join(dir, "missing")
	_, err := readRegular(missing, 100)
	if !errors.Is(err, os.ErrNotExist) || err.Error() != "open "+missing+": no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
}

// TestReadInputStreams: with Streams, a pipe is read as cat would, for
// "lede diff <(curl ...) <(curl ...)".
func TestReadInputStreams(t *testing.T) {
	fifo := mkfifo(t, filepath.Join(t.TempDir(), "pipe"))
	page := "(LEAD) Foo\nSEOUL, Dec. 1 (Yonhap) -- Bar.\n(END)\n"
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(page)
		f.Close()
	}()
	data := within(t, 10*time.Second, func() string {
		data, err := ReadInput(fifo, nil, Options{Streams: true})
		if err != nil {
			return "error: " + err.Error()
		}
		return string(data)
	})
	if data != page {
		t.Errorf("read %q, want %q", data, page)
	}
	if _, err := ReadInput(filepath.Dir(fifo), nil, Options{Streams: true}); err == nil || !strings.HasSuffix(err.Error(), "is a directory") {
		t.Errorf("directory with Streams: %v", err)
	}
}

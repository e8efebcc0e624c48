//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mkfifo makes a named pipe at path, which nothing will ever write to.
func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return path
}

// runBounded runs the built lede and fails the test if it has not ended
// within d: a run that blocks on a FIFO never does.
func runBounded(t *testing.T, d time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("lede %s still running after %s (killed); stdout:\n%s", strings.Join(args, " "), d, stdout.String())
	}
	return result{code: cmd.ProcessState.ExitCode(), stdout: stdout.String(), stderr: stderr.String()}
}

// TestIngestNonRegularFiles ingests a directory holding pages, a FIFO
// and a link to it, plus a FIFO and a device named on the command line:
// each non-regular file is an error line saying what it is, nothing
// waits for a writer, and the pages are stored.
func TestIngestNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	pages := []string{firstPage, leadPage, pagesDir + "/AEN20190602000700325.txt"}
	for _, p := range pages {
		copyFile(t, p, filepath.Join(dir, filepath.Base(p)))
	}
	inDir := mkfifo(t, filepath.Join(dir, "feed.txt"))
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(inDir, link); err != nil {
		t.Fatal(err)
	}
	named := mkfifo(t, filepath.Join(t.TempDir(), "named"))
	db := filepath.Join(t.TempDir(), "lede.db")

	r := runBounded(t, 60*time.Second, "--db", db, "ingest", dir, named, "/dev/null")
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"error      " + inDir + ": not a regular file (a FIFO)\n",
		"error      " + link + ": not a regular file (a FIFO)\n",
		"error      " + named + ": not a regular file (a FIFO)\n",
		"error      /dev/null: not a regular file (a character device)\n",
		"7 inputs: 2 new stories, 1 update, 0 duplicates, 4 errors",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "not a regular file"); n != 4 {
		t.Errorf("%d non-regular error lines, want 4:\n%s", n, r.stdout)
	}
	got := sources(storiesJSON(t, db))
	for _, p := range pages {
		if got[filepath.Join(dir, filepath.Base(p))] != 1 {
			t.Errorf("%s stored %d times, want once (stored: %v)", p, got[p], got)
		}
	}
	if len(got) != len(pages) {
		t.Errorf("%d sources stored, want %d: %v", len(got), len(pages), got)
	}
}

// TestIngestStopsDuringSlowRead sends SIGTERM while ingest waits for
// standard input that never comes: the first signal stops it at once,
// with the batch before stored and the summary printed, exit 130.
func TestIngestStopsDuringSlowRead(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	cmd := exec.Command(binary(t), "--db", db, "ingest", "--batch", "1", firstPage, "-")
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	stdin, err := cmd.StdinPipe() // held open and never written
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The first page's line means its batch is stored and the second,
	// standard input, is being read.
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "new-story") {
		cmd.Process.Kill()
		t.Fatalf("first line %q, want new-story", lines.Text())
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	rest := make(chan string, 1)
	go func() {
		var b strings.Builder
		for lines.Scan() {
			b.WriteString(lines.Text() + "\n")
		}
		rest <- b.String()
	}()
	var tail string
	select {
	case tail = <-rest:
		cmd.Wait()
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("ingest still running 10s after SIGTERM; stderr:\n%s", stderr.String())
	}
	t.Logf("stopped %s after SIGTERM", time.Since(start).Round(time.Millisecond))
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d, want 130; stderr:\n%s", code, stderr.String())
	}
	if want := "1 input: 1 new story, 0 updates, 0 duplicates, 0 errors"; !strings.HasPrefix(tail, want) {
		t.Errorf("after the signal stdout is %q, want the summary %q", tail, want)
	}
	if want := "lede: stopped with 1 of 2 inputs not stored"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
	}
	if got := sources(storiesJSON(t, db)); got[firstPage] != 1 || len(got) != 1 {
		t.Errorf("stored %v, want the first page only", got)
	}
}

// TestWatchFIFOInFolder: a FIFO dropped in a watched folder is passed
// over, never opened; the page beside it is taken and the watch ends.
func TestWatchFIFOInFolder(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, firstPage, filepath.Join(dir, "page.txt"))
	mkfifo(t, filepath.Join(dir, "feed.txt"))
	db := filepath.Join(t.TempDir(), "lede.db")
	r := runBounded(t, 60*time.Second, "--db", db, "watch", "--once", "--settle", "0", "--quiet", dir)
	if r.code != 0 {
		t.Errorf("exit %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	if got := sources(storiesJSON(t, db)); len(got) != 1 || got[filepath.Join(dir, "page.txt")] != 1 {
		t.Errorf("stored %v, want page.txt only", got)
	}
}

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lede/revision"
)

// writeCopies writes copies of the corpus below dir, each page changed by
// a line naming its copy so that every file is a distinct input that
// still parses, and returns how many files it wrote and how many distinct
// inputs (by the content the store compares) they are.
func writeCopies(t *testing.T, dir string, copies int) (files, distinct int) {
	t.Helper()
	pages, err := filepath.Glob(pagesDir + "/*.txt")
	if err != nil || len(pages) != corpusSize {
		t.Fatalf("corpus: %v, %d pages", err, len(pages))
	}
	seen := map[[32]byte]bool{}
	for n := 1; n <= copies; n++ {
		for _, p := range pages {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			line := fmt.Sprintf("Test copy %d of this page.\n", n)
			text := string(data)
			if before, after, ok := strings.Cut(text, "\n(END)\n"); ok {
				text = before + "\n" + line + "(END)\n" + after
			} else {
				text = strings.TrimSuffix(text, "\n") + "\n" + line
			}
			writeFile(t, filepath.Join(dir, fmt.Sprintf("copy%03d", n), filepath.Base(p)), text)
			clean, err := revision.Clean([]byte(text), 0)
			if err != nil {
				t.Fatal(err)
			}
			seen[sha256.Sum256([]byte(clean))] = true
			files++
		}
	}
	return files, len(seen)
}

// checkJSON runs lede check --json on db and fails unless it is sound.
func checkJSON(t *testing.T, db string) checkResult {
	t.Helper()
	r := runBinary(t, "", nil, "--db", db, "check", "--json")
	var c checkResult
	if err := json.Unmarshal([]byte(r.stdout), &c); err != nil || r.code != 0 || !c.OK {
		t.Fatalf("check: exit %d, %+v, stderr %s", r.code, c, r.stderr)
	}
	return c
}

// TestKilledIngest kills an ingest with SIGKILL at random points, many
// times: after each kill the database must check out, and running the
// ingest to the end must store every input once.
func TestKilledIngest(t *testing.T) {
	bin := binary(t)
	tree := t.TempDir()
	files, distinct := writeCopies(t, tree, 30)
	db := filepath.Join(t.TempDir(), "lede.db")
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 3))
	t.Logf("%d files, %d distinct inputs; seed %d", files, distinct, seed)

	const runs = 8
	midway := 0
	for run := range runs {
		cmd := exec.Command(bin, "--db", db, "ingest", "--batch", "20", tree)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(50+rng.IntN(351)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Kill() // SIGKILL: no clean-up of any kind
		cmd.Wait()
		if cmd.ProcessState.Exited() {
			if cmd.ProcessState.ExitCode() != 0 {
				t.Fatalf("run %d: ingest failed (exit %d) before the kill after %s; stderr:\n%s",
					run, cmd.ProcessState.ExitCode(), delay, stderr.String())
			}
			// The runs before stored nearly everything: this one finished
			// first, and further kills would find nothing left to break.
			t.Logf("run %d: ingest finished within %s, before the kill", run, delay)
			break
		}
		if _, err := os.Stat(db); err != nil && run == 0 {
			t.Logf("run 0: killed after %s, before the database was created", delay)
			continue
		}
		c := checkJSON(t, db)
		t.Logf("run %d: killed after %s: %d revisions in %d stories, check ok", run, delay, c.Revisions, c.Stories)
		if c.Revisions > 0 && c.Revisions < distinct {
			midway++
		}
	}
	if midway < runs/2 {
		t.Errorf("only %d of %d kills left a partly ingested database; the test did not test much", midway, runs)
	}

	r := runBinary(t, "", nil, "--db", db, "ingest", "--batch", "20", "--json", tree)
	if r.code != 0 {
		t.Fatalf("final ingest: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	statuses := map[string]int{}
	for _, l := range decodeIngestLines(t, r.stdout) {
		statuses[l.Status]++
	}
	t.Logf("final ingest: %v; %s", statuses, strings.TrimSpace(r.stderr))
	if statuses["error"] != 0 || statuses["new-story"]+statuses["update"]+statuses["duplicate"] != files {
		t.Errorf("final ingest statuses %v for %d files", statuses, files)
	}
	c := checkJSON(t, db)
	if c.Revisions != distinct {
		t.Errorf("%d revisions stored, want %d: one per distinct input", c.Revisions, distinct)
	}
	var list []jsonStory
	if err := json.Unmarshal([]byte(runBinary(t, "", nil, "--db", db, "stories", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	for src, n := range sources(list) {
		if n != 1 {
			t.Errorf("%s stored %d times", src, n)
		}
	}
	if n := len(sources(list)); n != distinct {
		t.Errorf("%d sources stored, want %d", n, distinct)
	}
}

// TestReaderDuringIngest runs lede history again and again while a long
// ingest writes: each answers, or says why it could not, within --wait.
func TestReaderDuringIngest(t *testing.T) {
	bin := binary(t)
	tree := t.TempDir()
	files, _ := writeCopies(t, tree, 20)
	db := filepath.Join(t.TempDir(), "lede.db")
	if r := runBinary(t, "", nil, "--db", db, "ingest", leadPage, firstPage); r.code != 0 {
		t.Fatalf("ingest: exit %d, stderr %s", r.code, r.stderr)
	}
	var list []jsonStory
	if err := json.Unmarshal([]byte(runBinary(t, "", nil, "--db", db, "stories", "--json").stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories: %v %d", err, len(list))
	}
	id := list[0].ID

	ingest := exec.Command(bin, "--db", db, "ingest", "--batch", "50", tree)
	var ingestErr bytes.Buffer
	ingest.Stderr = &ingestErr
	if err := ingest.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { ingest.Wait(); close(done) }()
	start := time.Now()

	const wait, margin = 10 * time.Second, 3 * time.Second
	var reads, answered, busy int
	var slowest time.Duration
	running := true
	for running {
		ctx, cancel := context.WithTimeout(context.Background(), wait+margin)
		cmd := exec.CommandContext(ctx, bin, "--db", db, "--wait", "10s", "history", id)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		t0 := time.Now()
		cmd.Run()
		took := time.Since(t0)
		hung := ctx.Err() != nil
		cancel()
		select {
		case <-done:
			running = false
		default:
		}
		reads++
		slowest = max(slowest, took)
		code := cmd.ProcessState.ExitCode()
		switch {
		case hung:
			t.Fatalf("history hung for %s with --wait 10s", took)
		case code == 0 && strings.HasPrefix(stdout.String(), id+"  "):
			if running {
				answered++
			}
		case code == 1 && strings.Contains(stderr.String(), "is in use by another lede process (pid "):
			busy++
		default:
			t.Fatalf("history: exit %d after %s, stdout %q, stderr %q", code, took, stdout.String(), stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("ingest of %d files took %s; %d reads while it ran: %d answered, %d gave up busy; slowest %s",
		files, time.Since(start).Round(time.Millisecond), reads, answered, busy, slowest.Round(time.Millisecond))
	if code := ingest.ProcessState.ExitCode(); code != 0 {
		t.Fatalf("ingest: exit %d, stderr:\n%s", code, ingestErr.String())
	}
	if answered == 0 {
		t.Errorf("no read answered while the ingest ran")
	}
	if slowest > wait+margin {
		t.Errorf("slowest read took %s with --wait %s", slowest, wait)
	}
	checkJSON(t, db)
}

// TestInterruptedIngest sends Ctrl-C's signal to a long ingest: it
// finishes the batch under way, prints what it stored and the summary,
// and exits 130; the database holds exactly what it printed.
func TestInterruptedIngest(t *testing.T) {
	bin := binary(t)
	tree := t.TempDir()
	files, _ := writeCopies(t, tree, 10)
	db := filepath.Join(t.TempDir(), "lede.db")
	cmd := exec.Command(bin, "--db", db, "ingest", "--batch", "20", tree)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	stored := len(lines) - 1
	want := fmt.Sprintf("%d inputs: ", stored)
	if stored < 20 || stored >= files || stored%20 != 0 || !strings.HasPrefix(lines[stored], want) {
		t.Errorf("%d lines before the summary %q: want whole batches of 20, fewer than %d", stored, lines[stored], files)
	}
	wantErr := fmt.Sprintf("lede: stopped with %d of %d inputs not stored; run the same command again to finish\nlede: interrupted\n", files-stored, files)
	if stderr.String() != wantErr {
		t.Errorf("stderr %q, want %q", stderr.String(), wantErr)
	}
	if c := checkJSON(t, db); c.Revisions != stored {
		t.Errorf("%d revisions stored, %d reported", c.Revisions, stored)
	}
}

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// helpExamples lists the example command lines of one --help text: the
// lines under "Examples:" that start with lede, source or a pipe into
// lede, each without the description or comment that follows it.
func helpExamples(text string) []string {
	_, after, ok := strings.Cut(text, "Examples:\n")
	if !ok {
		return nil
	}
	var out []string
	for _, line := range strings.Split(after, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasSuffix(line, ":") && !strings.Contains(line, " ") {
			break // the next section (OPTIONS:)
		}
		if !strings.HasPrefix(line, "lede ") && !strings.HasPrefix(line, "source ") {
			continue // an API example for curl, or prose
		}
		if i := exampleEnd.FindStringIndex(line); i != nil {
			line = line[:i[0]]
		}
		out = append(out, line)
	}
	return out
}

// exampleEnd is where an example's description or comment begins.
var exampleEnd = regexp.MustCompile(`\s{2,}\S|\s+#`)

// exampleHome makes the directory every example runs in (and its HOME):
// the names the examples use, filled from the bundled pages and fixtures
// (pages/, page.txt, old.txt and new.txt, ~/wire, an AP day file, JSON
// lines, a NewsML-G2 message), and a database ingested from
// testdata/yonhap, also as backup.db and ~/lede.db.
func exampleHome(t *testing.T, db string) string {
	t.Helper()
	home := t.TempDir()
	pages, err := filepath.Glob(pagesDir + "/*.txt")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no bundled pages: %v", err)
	}
	for _, dir := range []string{"pages", "wire", "wire/incoming", "wire/2020", ".config/fish/completions"} {
		if err := os.MkdirAll(filepath.Join(home, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pages {
		for _, dir := range []string{"pages", "wire", "wire/incoming", "wire/2020"} {
			copyFile(t, p, filepath.Join(home, dir, filepath.Base(p)))
		}
	}
	for name, from := range map[string]string{
		"page.txt": pagesDir + "/AEN20200202000652320.txt", "a.txt": pagesDir + "/AEN20200219002751320.txt",
		"old.txt": pagesDir + "/AEN20200202000651320.txt", "new.txt": pagesDir + "/AEN20200202000652320.txt",
		"ap890101": "../../revision/aptrec/testdata/ap88.trec", "feed.jsonl": "../../revision/jsonl/testdata/yonhap_page.jsonl",
		"newsMessage.xml": "../../revision/newsml/testdata/reuters_corrected.xml",
		"backup.db":       db, "lede.db": db,
	} {
		copyFile(t, from, filepath.Join(home, name))
	}
	abs, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(home, "testdata")); err != nil {
		t.Fatal(err)
	}
	return home
}

// daemonWait is how long a watch or serve example runs before it is
// taken to have started well and is stopped.
const daemonWait = 1500 * time.Millisecond

// daemons are the examples that run until stopped: a watch without
// --once and serve.
var daemon = regexp.MustCompile(`^lede (--db \S+ )?(serve|watch)\b`)

// TestHelpExamplesRun runs every example of every --help text, as a
// user pasting it would, against a database ingested from the bundled
// pages: each must succeed and find what it names (no "no stories", no
// story that matches nothing). The examples of one command run in order
// on one copy of the database, since some build on the one before
// (follow, then follow --remove). A watch or serve still running after
// a while has started as it should and is stopped. Examples once named
// stories the bundled pages do not have (lede log 2002, diff r12 r15
// across two stories, merge ... 200202-s-korea-confirms).
func TestHelpExamplesRun(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not installed")
	}
	corpus := ingestedCorpus(t)
	bin := binary(t)
	seen := 0
	for name, text := range exampleTexts(t) {
		if name == "README.md" {
			continue
		}
		examples := helpExamples(text)
		if len(examples) == 0 {
			t.Errorf("lede %s --help: no examples found", name)
		}
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "lede.db")
			copyFile(t, corpus, db)
			home := exampleHome(t, db)
			for _, ex := range examples {
				seen++
				runExample(t, bin, home, db, ex)
			}
		})
	}
	if seen < 60 {
		t.Errorf("ran %d examples, want all of them (over 60)", seen)
	}
}

// runExample runs one example line with bash in home and fails the test
// when it fails or finds nothing.
func runExample(t *testing.T, bin, home, db, ex string) {
	t.Helper()
	if strings.Contains(ex, "${") {
		t.Logf("%s: written for another shell, not run", ex)
		return
	}
	if _, err := exec.LookPath("jq"); err != nil && strings.Contains(ex, "| jq") {
		t.Logf("%s: jq is not installed, not run", ex)
		return
	}
	cmd := exec.Command("bash", "-o", "pipefail", "-c", ex)
	cmd.Dir = home
	cmd.Env = append(os.Environ(), "HOME="+home, "LEDE_DB="+db, "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(daemonWait):
		if !daemon.MatchString(ex) || strings.Contains(ex, "--once") {
			cmd.Process.Kill()
			<-done
			t.Errorf("%s: still running after %s", ex, daemonWait)
			return
		}
		cmd.Process.Kill()
		<-done
		return // a watch or serve at work
	}
	if err != nil && daemon.MatchString(ex) && strings.Contains(stderr.String(), "address already in use") {
		t.Logf("%s: its port is taken on this machine", ex)
		return
	}
	if err != nil {
		t.Errorf("%s: %v\n%s%s", ex, err, stdout.String(), stderr.String())
		return
	}
	for _, nothing := range []string{"no stories", "matches no", "no story", "nothing to"} {
		if strings.Contains(stderr.String(), nothing) || strings.Contains(stdout.String(), nothing) {
			t.Errorf("%s finds nothing:\n%s%s", ex, stdout.String(), stderr.String())
		}
	}
	if target, ok := redirectTarget(ex, home); ok {
		if b, err := os.ReadFile(target); err != nil || len(b) == 0 {
			t.Errorf("%s: wrote nothing to %s (%v)", ex, target, err)
		}
	} else if stdout.Len() == 0 && stderr.Len() == 0 && !strings.Contains(ex, "| jq") && !strings.HasPrefix(ex, "source ") {
		t.Errorf("%s: printed nothing", ex)
	}
}

var (
	quoted   = regexp.MustCompile(`'[^']*'`)
	redirect = regexp.MustCompile(`\s>\s*(\S+)`)
)

// redirectTarget is the file an example writes its output to with ">".
func redirectTarget(ex, home string) (string, bool) {
	m := redirect.FindStringSubmatch(quoted.ReplaceAllString(ex, "''"))
	if m == nil {
		return "", false
	}
	target := m[1]
	if strings.HasPrefix(target, "~/") {
		return filepath.Join(home, target[2:]), true
	}
	return filepath.Join(home, target), true
}

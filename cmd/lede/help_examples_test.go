package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleTexts is what --help prints for lede and for each of its
// commands, and the README: the texts a newcomer copies examples from.
func exampleTexts(t *testing.T) map[string]string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"README.md": string(readme), "lede": runIn(t, fakeProc{}, "--help").stdout}
	for _, c := range newApp(env{getenv: func(string) string { return "" }}).Commands {
		if c.Name == "help" {
			continue
		}
		r := runIn(t, fakeProc{}, c.Name, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Examples:") {
			t.Fatalf("lede %s --help: exit %d, no examples\n%s%s", c.Name, r.code, r.stdout, r.stderr)
		}
		texts[c.Name] = r.stdout
	}
	return texts
}

// notifyExample finds the service URLs the examples pass to --notify.
var notifyExample = regexp.MustCompile(`--notify '([^']+)'`)

// TestHelpNotifyExamples gives lede watch every --notify URL that a help
// text or the README shows, as a user pasting the example would. Each must
// be accepted (shoutrrr parses it when the watch starts; nothing is sent,
// since --once without a directory only delivers what is due, and nothing
// is). The watch help once showed a Slack URL with its token parts split
// by "/", which shoutrrr refuses.
func TestHelpNotifyExamples(t *testing.T) {
	seen := 0
	for name, text := range exampleTexts(t) {
		for _, m := range notifyExample.FindAllStringSubmatch(text, -1) {
			seen++
			db := filepath.Join(t.TempDir(), "lede.db")
			r := runIn(t, fakeProc{}, "--db", db, "watch", "--once", "--quiet", "--notify", m[1])
			if r.code != 0 {
				t.Errorf("%s: --notify '%s': exit %d\n%s", name, m[1], r.code, r.stderr)
			}
		}
	}
	if seen < 3 {
		t.Errorf("found %d --notify examples, want the watch, serve and README ones", seen)
	}
}

// jqExample finds the jq programs of the examples: `| jq 'PROGRAM'`, with
// or without -r or -c.
var jqExample = regexp.MustCompile(`\| jq (?:-[rc] )?'([^']+)'`)

// TestJQExamplesCompile hands every jq program a help text or the README
// shows to jq. jq exits 3 when a program does not compile; any other
// status (on null input a program may fail to iterate) is the data's
// business, not the example's. The history help once built an object with
// the shorthand {rev, ref, label, note}, and label is a jq keyword.
func TestJQExamplesCompile(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq not installed")
	}
	seen := 0
	for name, text := range exampleTexts(t) {
		for _, m := range jqExample.FindAllStringSubmatch(text, -1) {
			seen++
			out, err := exec.Command(jq, "-n", m[1]).CombinedOutput()
			var exit *exec.ExitError
			if errors.As(err, &exit) && exit.ExitCode() == 3 {
				t.Errorf("%s: jq '%s' does not compile:\n%s", name, m[1], out)
			}
		}
	}
	if seen < 10 {
		t.Errorf("found %d jq examples, want those of the help texts and the README", seen)
	}
}

// storyExample finds the examples of lede --help that read a stored story
// ("lede history ID", "lede show ID@2", "lede diff ID"), each followed by
// its description after two or more spaces.
var storyExample = regexp.MustCompile(`(?m)^\s+lede ((?:history|show|diff) [^\s/]+)\s{2,}\S`)

// TestTopHelpStoryExamples runs the examples of lede --help that read a
// stored story on the bundled pages, which the README's quick start
// ingests first: each must find its story. They once named 200202-korea,
// the prefix of no id (an id is the date and the headline's first words:
// 200202-s-korea-reports-3).
func TestTopHelpStoryExamples(t *testing.T) {
	db := ingestedDB(t)
	ms := storyExample.FindAllStringSubmatch(runIn(t, fakeProc{}, "--help").stdout, -1)
	if len(ms) < 3 {
		t.Fatalf("found %d story examples in lede --help, want history, show and diff", len(ms))
	}
	for _, m := range ms {
		if r := ledeDB(t, db, strings.Fields(m[1])...); r.code != 0 {
			t.Errorf("lede %s: exit %d\n%s", m[1], r.code, r.stderr)
		}
	}
}

package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestMarkCLI marks a version with the built binary, lists it, diffs
// since it, moves it, unmarks it, and checks the usage errors: the
// JSON names the version by story, place and ref, and --since-mark
// compares exactly the marked version with the latest.
func TestMarkCLI(t *testing.T) {
	db := deskDB(t)
	lede := func(args ...string) result {
		t.Helper()
		return runBinary(t, "", nil, append([]string{"--db", db}, args...)...)
	}
	var marks []markJSON
	decode := func(r result) []markJSON {
		t.Helper()
		marks = nil
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &marks) != nil {
			t.Fatalf("exit %d, output %q\n%s", r.code, r.stdout, r.stderr)
		}
		return marks
	}
	const story = "220309-exit-polls-project-lee"
	if r := lede("diff", story, "--since-mark"); r.code != 1 || !strings.Contains(r.stderr, "lede: error: story "+story+" has no marked version") ||
		!strings.Contains(r.stderr, "hint: mark the version you used") {
		t.Errorf("since-mark without a mark: %d %s", r.code, r.stderr)
	}
	m := decode(lede("mark", "--json", story+"@1"))
	if len(m) != 1 || m[0].Story != story || m[0].Rev != 1 || !m[0].Marked || m[0].WasMarked || m[0].Latest || m[0].MarkedAt == "" {
		t.Fatalf("mark @1: %+v", m)
	}
	ref1 := m[0].Ref
	// Flags after the argument work too.
	if l := decode(lede("mark", "--json")); len(l) != 1 || l[0].Ref != ref1 {
		t.Errorf("list of marks %+v, want %s", l, ref1)
	}
	d := decodeDiff(t, lede("diff", story, "--since-mark", "--format", "json").stdout)
	if d.FromRef != ref1 || d.To != story+"@3" {
		t.Errorf("since the mark: %s (%s) → %s, want %s → @3", d.From, d.FromRef, d.To, ref1)
	}
	// The text names the sides too.
	if r := lede("diff", "--since-mark", story, "--stat"); r.code != 0 || !strings.Contains(r.stdout, story+"@1 ("+ref1+")") {
		t.Errorf("since-mark text: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A later mark wins: @2, by its ref, then a mark on the latest.
	ref2 := decode(lede("mark", story+"@2", "--json"))[0].Ref
	if d := decodeDiff(t, lede("diff", story, "--since-mark", "--json").stdout); d.FromRef != ref2 {
		t.Errorf("after marking @2, since-mark compares %s", d.FromRef)
	}
	if r := lede("mark", story); r.code != 0 || !strings.HasPrefix(r.stdout, "marked       "+story+"@3") {
		t.Errorf("mark the latest: %d %q", r.code, r.stdout)
	}
	if r := lede("diff", story, "--since-mark"); r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "nothing new since the mark") {
		t.Errorf("since-mark on the latest: %d %q %q", r.code, r.stdout, r.stderr)
	}
	// Unmark, twice: the second time it says it was not marked.
	if m := decode(lede("unmark", story+"@3", "--json")); m[0].Marked || !m[0].WasMarked {
		t.Errorf("unmark @3: %+v", m)
	}
	if r := lede("unmark", story+"@3"); r.code != 0 || !strings.HasPrefix(r.stdout, "not marked") {
		t.Errorf("unmark @3 again: %d %q", r.code, r.stdout)
	}
	if r := lede("mark", "--remove", ref1); r.code != 0 || !strings.HasPrefix(r.stdout, "unmarked") {
		t.Errorf("mark --remove: %d %q", r.code, r.stdout)
	}
	if l := decode(lede("mark", "--json")); len(l) != 1 || l[0].Ref != ref2 {
		t.Errorf("marks left %+v, want %s", l, ref2)
	}
	// rm takes the mark with its version; check stays clean.
	if r := lede("rm", ref2); r.code != 0 {
		t.Fatalf("rm %s: %d %s", ref2, r.code, r.stderr)
	}
	if l := decode(lede("mark", "--json")); len(l) != 0 {
		t.Errorf("marks after rm: %+v", l)
	}
	if r := lede("check"); r.code != 0 {
		t.Errorf("check after rm of a marked version: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"mark", "nosuchstory"}, 1, "no story matches"},
		{[]string{"mark", story + "@9"}, 1, "revisions 1 to 2, not 9"},
		{[]string{"mark", story + "@x"}, 2, "must be a number"},
		{[]string{"unmark"}, 2, "no version given"},
		{[]string{"mark", "--remove"}, 2, "--remove needs the versions"},
		{[]string{"diff", "--since-mark", story + "@2"}, 2, "give the story without @2"},
		{[]string{"diff", "--since-mark", "--all", story}, 2, "pick one"},
	} {
		if r := lede(c.args...); r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %d %s, want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
}

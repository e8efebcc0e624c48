package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLateVersionKeepsRefs runs the built binary on the exit-polls story
// stored out of order: the first version and the 2nd LD, then the LEAD,
// which lands between them. The LEAD's ingest line says it came late, and
// every ref taken before it came names the same content after.
func TestLateVersionKeepsRefs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	run := func(args ...string) result {
		t.Helper()
		r := runBinary(t, "", nil, append([]string{"--db", db}, args...)...)
		if r.code != 0 {
			t.Fatalf("lede %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r
	}
	lines := decodeIngestLines(t, run("ingest", "--json", exitPolls[0], exitPolls[2]).stdout)
	id, first, ld2 := lines[0].Story, lines[0].Ref, lines[1].Ref
	if lines[1].Rev != 2 || lines[1].Late != "" || first == "" || ld2 == "" || first == ld2 {
		t.Fatalf("first version and 2nd LD: %+v", lines)
	}
	before := run("diff", "--json", id+"@1", id+"@2").stdout
	wantLD2, err := os.ReadFile(exitPolls[2])
	if err != nil {
		t.Fatal(err)
	}

	lead := run("ingest", exitPolls[1]).stdout
	if !strings.Contains(lead, id+"@2 ") || !strings.Contains(lead, "late: arrived after @3; versions renumbered") {
		t.Errorf("ingest line of the late LEAD does not say it is late:\n%s", lead)
	}
	for _, ref := range []string{ld2, id + "@" + ld2} {
		if got := run("show", ref).stdout; got != string(wantLD2) {
			t.Errorf("show %s: %d bytes, not the 2nd LD (%d bytes)", ref, len(got), len(wantLD2))
		}
	}
	if got := run("show", id+"@2").stdout; got == string(wantLD2) {
		t.Errorf("show %s@2 is still the 2nd LD: the LEAD should have taken @2", id)
	}
	old, now := decodeDiff(t, before), decodeDiff(t, run("diff", "--json", first, ld2).stdout)
	if now.From != id+"@1" || now.To != id+"@3" || now.FromRef != first || now.ToRef != ld2 {
		t.Errorf("diff %s %s: from %s (%s) to %s (%s), want @1 (%s) to @3 (%s)", first, ld2,
			now.From, now.FromRef, now.To, now.ToRef, first, ld2)
	}
	if !reflect.DeepEqual(old.Paragraphs, now.Paragraphs) || old.Summary != now.Summary {
		t.Errorf("diff by refs after the late LEAD differs from the diff before it")
	}
	if h := run("history", ld2).stdout; !strings.Contains(h, "> @3 "+ld2+" ") {
		t.Errorf("history %s does not mark the 2nd LD, now @3:\n%s", ld2, h)
	}

	var h struct {
		Versions []struct {
			Rev int    `json:"rev"`
			Ref string `json:"ref"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(run("history", "--json", first).stdout), &h); err != nil || len(h.Versions) != 3 ||
		h.Versions[0].Ref != first || h.Versions[2].Ref != ld2 || h.Versions[2].Rev != 3 {
		t.Errorf("history --json %s: %+v (%v), want %s first and %s @3", first, h.Versions, err, first, ld2)
	}
	s := storyWith(t, storiesJSON(t, db), exitPolls[1])
	var refs []string
	for _, v := range s.Versions {
		refs = append(refs, v.Ref)
	}
	if len(refs) != 3 || refs[0] != first || refs[2] != ld2 || refs[1] == "" {
		t.Errorf("stories --json refs %v, want %s, the LEAD's, %s", refs, first, ld2)
	}
}

// TestLateJSONLine: ingest --json gives the late version a "late" field
// and its ref.
func TestLateJSONLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	mustLede(t, db, "ingest", exitPolls[0], exitPolls[2])
	out := mustLede(t, db, "ingest", "--json", exitPolls[1]).stdout
	var line map[string]any
	if err := json.Unmarshal([]byte(out), &line); err != nil {
		t.Fatal(err)
	}
	if line["late"] != "arrived after @3; versions renumbered" || line["ref"] != "r3" || line["rev"] != 2.0 {
		t.Errorf("late LEAD's line: %s", out)
	}
}

// TestRefErrors: a malformed ref is a usage error, one that names no
// version or a version of another story fails with a hint.
func TestRefErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	mustLede(t, db, "ingest", exitPolls[0], exitPolls[1], firstPage)
	polls := storyWith(t, storiesJSON(t, db), exitPolls[0]).ID
	for _, tt := range []struct {
		name      string
		args      []string
		code      int
		msg, hint string
	}{
		{"not a ref", []string{"show", polls + "@rx"}, 2, "a number from 1 or a ref such as r12", ""},
		{"no such version", []string{"show", "r99"}, 1, "no version r99", "lede history STORY"},
		{"ref of another story", []string{"diff", polls + "@r3"}, 1, "r3 is not a version of " + polls, "give it without the story"},
		{"all with a ref", []string{"diff", "--all", "r2"}, 2, "give a story, not the version r2", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := ledeDB(t, db, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.msg) || !strings.Contains(r.stderr, tt.hint) {
				t.Errorf("exit %d, stderr %q; want %d, %q and %q", r.code, r.stderr, tt.code, tt.msg, tt.hint)
			}
		})
	}
	out := mustLede(t, db, "split", "r2").stdout
	if !strings.Contains(out, "split from "+polls+": 1 version") {
		t.Errorf("split r2: %s", out)
	}
}

// TestRmByRef: lede rm takes a ref, and removes the version it named
// before a late version renumbered the story.
func TestRmByRef(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	lines := decodeIngestLines(t, mustLede(t, db, "ingest", "--json", exitPolls[0], exitPolls[2]).stdout)
	mustLede(t, db, "ingest", exitPolls[1]) // the late LEAD: the 2nd LD is now @3
	id, ld2 := lines[0].Story, lines[1].Ref
	if r := ledeDB(t, db, "rm", firstPage); r.code != 1 {
		t.Fatalf("rm of a story not there: exit %d", r.code)
	}
	var res struct {
		Removed []struct {
			Rev   int    `json:"rev"`
			Ref   string `json:"ref"`
			Label string `json:"label"`
		} `json:"removed"`
		Left int `json:"versions_left"`
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "rm", "--json", ld2).stdout), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Removed) != 1 || res.Removed[0].Ref != ld2 || res.Removed[0].Rev != 3 || res.Removed[0].Label != "2nd LD" || res.Left != 2 {
		t.Errorf("rm %s: %+v, want the 2nd LD, @3, removed and 2 versions left", ld2, res)
	}
	if r := ledeDB(t, db, "show", id+"@"+ld2); r.code != 1 || !strings.Contains(r.stderr, ld2+" was removed from story "+id+" on ") {
		t.Errorf("show %s@%s after rm: exit %d, %s", id, ld2, r.code, r.stderr)
	}
}

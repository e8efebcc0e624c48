package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lede/revision"
)

func TestDiffStored(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), exitPolls[2]).ID
	if !strings.HasPrefix(id, "220309-exit-polls") {
		t.Fatalf("exit polls story is %q", id)
	}
	revs := [3]*revision.Revision{}
	for i, path := range exitPolls {
		revs[i] = parsePage(t, path)
	}

	t.Run("all as one html page", func(t *testing.T) {
		out := mustLede(t, db, "diff", "--all", "--format", "html", id).stdout
		if strings.Count(out, "<!DOCTYPE html>") != 1 || strings.Count(out, `<h2 class="rev">`) != 2 {
			t.Fatalf("want one page with a section per update:\n%.400s", out)
		}
		for _, want := range []string{"rev 2 (LEAD)", "rev 3 (2nd LD)", "<ins>", "Lee Haye-ah and Joo Kyung-don"} {
			if !strings.Contains(out, want) {
				t.Errorf("html lacks %q", want)
			}
		}
		if strings.Contains(out, "<script") {
			t.Error("html carries a script element")
		}
	})

	t.Run("latest against the one before", func(t *testing.T) {
		d := decodeDiff(t, mustLede(t, db, "diff", "--json", id).stdout)
		if d.Story != id || d.From != id+"@2" || d.To != id+"@3" {
			t.Errorf("story %q from %q to %q", d.Story, d.From, d.To)
		}
		checkDiff(t, d, revs[1], revs[2])
		if d.Summary.Added != 5 || d.Summary.Changed != 2 {
			t.Errorf("summary %+v, want 5 added, 2 changed", d.Summary)
		}
		// A prefix names the story; @3 is the latest, the same diff.
		for _, ref := range []string{"220309-exit-polls", id + "@3"} {
			if out := mustLede(t, db, "diff", "--json", ref).stdout; decodeDiff(t, out).To != id+"@3" {
				t.Errorf("diff %s compares up to %s", ref, decodeDiff(t, out).To)
			}
		}
	})
	t.Run("two versions", func(t *testing.T) {
		d := decodeDiff(t, mustLede(t, db, "diff", id+"@1", id+"@3", "--format", "json").stdout)
		if d.From != id+"@1" || d.To != id+"@3" {
			t.Errorf("from %q to %q", d.From, d.To)
		}
		checkDiff(t, d, revs[0], revs[2])
	})
	t.Run("stored version against a file", func(t *testing.T) {
		d := decodeDiff(t, mustLede(t, db, "diff", "--json", id+"@2", exitPolls[2]).stdout)
		if d.From != id+"@2" || d.To != exitPolls[2] || d.Story != "" {
			t.Errorf("story %q from %q to %q", d.Story, d.From, d.To)
		}
		checkDiff(t, d, revs[1], revs[2])
	})
	t.Run("all as json", func(t *testing.T) {
		var ds []json.RawMessage
		if err := json.Unmarshal([]byte(mustLede(t, db, "diff", "--all", "--json", id).stdout), &ds); err != nil {
			t.Fatal(err)
		}
		if len(ds) != 2 {
			t.Fatalf("%d diffs, want 2", len(ds))
		}
		for i, raw := range ds {
			d := decodeDiff(t, string(raw))
			if d.From != id+"@"+strconv.Itoa(i+1) || d.To != id+"@"+strconv.Itoa(i+2) || d.Story != id {
				t.Errorf("diff %d: story %q from %q to %q", i, d.Story, d.From, d.To)
			}
			checkDiff(t, d, revs[i], revs[i+1])
		}
	})
	t.Run("all as text", func(t *testing.T) {
		out := mustLede(t, db, "diff", "--all", id).stdout
		v := storyWith(t, storiesJSON(t, db), exitPolls[2]).Versions
		side := func(n int) string { return fmt.Sprintf("%s@%d (%s)", id, n, v[n-1].Ref) }
		h2 := strings.Index(out, "== rev 2 (LEAD) 2022-03-09 ==\n--- "+side(1)+"\n+++ "+side(2)+"\n")
		h3 := strings.Index(out, "\n\n== rev 3 (2nd LD) 2022-03-09 ==\n--- "+side(2)+"\n+++ "+side(3)+"\n")
		if h2 != 0 || h3 < 0 {
			t.Errorf("sections not in order under their headers:\n%s", out)
		}
		if !strings.Contains(out, "+  11  {+After the JTBC poll came out") {
			t.Errorf("para 11 of the 2nd LD not shown as added:\n%s", out)
		}
	})
	t.Run("stat", func(t *testing.T) {
		out := mustLede(t, db, "diff", "--stat", id).stdout
		want := "headline  Exit polls project Lee, Yoon in dead heat\n" +
			"byline    {+Lee Haye-ah and Joo Kyung-don+}\n" +
			"summary   +5 ~2 -0, byline changed\n" +
			"note      (ATTN: ADDS more info in paras 4-5, 7-11, photos)\n" +
			"  ok       ADDS more info in paras 4-5, 7-11 (changed: paras 4-5, 7-11)\n" +
			"  ?        ADDS photos (photos are not in the text)\n" +
			"  unannounced byline added\n"
		if !strings.HasSuffix(out, want) {
			t.Errorf("diff --stat:\n%s\nwant it to end with:\n%s", out, want)
		}
		var d map[string]json.RawMessage
		if err := json.Unmarshal([]byte(mustLede(t, db, "diff", "--stat", "--json", id).stdout), &d); err != nil {
			t.Fatal(err)
		}
		if string(d["paragraphs"]) != "[]" || d["summary"] == nil {
			t.Errorf("--stat --json: paragraphs %s, summary %s", d["paragraphs"], d["summary"])
		}
	})
	t.Run("markdown all", func(t *testing.T) {
		out := mustLede(t, db, "diff", "--all", "--format", "markdown", id).stdout
		if !strings.HasPrefix(out, "# rev 2 (LEAD) 2022-03-09\n\n## Exit polls") || !strings.Contains(out, "# rev 3 (2nd LD) 2022-03-09\n\n## Exit polls") {
			t.Errorf("markdown --all:\n%s", out)
		}
	})
}

func TestDiffErrors(t *testing.T) {
	db := ingestedCorpus(t)
	list := storiesJSON(t, db)
	polls := storyWith(t, list, exitPolls[2]).ID
	single := ""
	for _, s := range list {
		if len(s.Versions) == 1 {
			single = s.ID
			break
		}
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	missing2 := filepath.Join(t.TempDir(), "missing2.txt")
	tests := []struct {
		name   string
		args   []string
		code   int
		msg    string // on stderr
		absent string // not on stderr, when set
	}{
		{"story with one version", []string{single}, 1, "story " + single + " has one version: nothing to compare it with", ""},
		{"first version", []string{polls + "@1"}, 1, polls + "@1 is the story's first version", ""},
		{"all of a story with one version", []string{"--all", single}, 1, "has one version", ""},
		{"no such story", []string{"nosuchstory"}, 1, `no story matches "nosuchstory"`, ""},
		{"no such version", []string{polls + "@9", polls}, 1, "has revisions 1 to 3, not 9", ""},
		{"missing file", []string{firstPage, missing}, 1, missing + ": no such file or directory", ""},
		{"not a page", []string{firstPage, "../../go.mod"}, 1, "go.mod: not a wire page", ""},
		// Both files are read at once; the first that fails is told.
		{"both files missing", []string{missing, missing2}, 1, missing + ": no such file or directory", missing2},
		{"not a page, then missing", []string{"../../go.mod", missing}, 1, "go.mod: not a wire page", missing},
		{"bad ref, then a missing file", []string{polls + "@0", missing}, 2, "the revision after @ must be a number from 1", missing},
		{"bad format", []string{"--format", "pdf", polls}, 2, `--format "pdf": want text, json, markdown or html`, ""},
		{"json against format", []string{"--json", "--format", "html", polls}, 2, "--json contradicts --format html", ""},
		{"bad context", []string{"--context", "-3", polls}, 2, "--context must be -1 (all) or more", ""},
		{"no arguments", nil, 2, "got 0 arguments", ""},
		{"three arguments", []string{polls, polls, polls}, 2, "got 3 arguments", ""},
		{"bad ref", []string{polls + "@0"}, 2, "the revision after @ must be a number from 1", ""},
		{"one file", []string{firstPage}, 2, "one file given", ""},
		{"stdin twice", []string{"-", "-"}, 2, "standard input (-) given twice", ""},
		{"all with two stories", []string{"--all", polls, polls}, 2, "--all takes one story, got 2 arguments", ""},
		{"all with a version", []string{"--all", polls + "@2"}, 2, "give the story without @2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ledeDB(t, db, append([]string{"diff"}, tt.args...)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tt.code, r.stderr)
			}
			if !strings.HasPrefix(r.stderr, "lede: error: ") || !strings.Contains(r.stderr, tt.msg) {
				t.Errorf("stderr lacks %q:\n%s", tt.msg, r.stderr)
			}
			if tt.absent != "" && strings.Contains(r.stderr, tt.absent) {
				t.Errorf("stderr names %q, which did not fail first:\n%s", tt.absent, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty on an error:\n%s", r.stdout)
			}
		})
	}
}

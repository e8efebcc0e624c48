package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// truthDiff is what TestAPTruthCLI reads of lede diff --format json.
type truthDiff struct {
	Paragraphs []struct {
		Op  string `json:"op"`
		Old *int   `json:"old"`
		New *int   `json:"new"`
	} `json:"paragraphs"`
	NoteCheck []struct {
		Action  string `json:"action"`
		Target  string `json:"target"`
		Verdict string `json:"verdict"`
	} `json:"note_check"`
	Unannounced []json.RawMessage `json:"unannounced"`
}

func (d truthDiff) ops() []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, fmt.Sprintf("%s %s>%s", p.Op, numOrDash(p.Old), numOrDash(p.New)))
	}
	return out
}

func numOrDash(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// TestAPTruthCLI runs known updates of a real AP item (revisiontest.APTruths:
// writethrus and partial 1st Lds) through the built binary, as a desk
// would: `lede diff OLD NEW` on the two files, and `lede ingest` of both
// then `lede diff STORY` and `lede history`. Both must give the exact
// paragraph ops of the whole versions and every claim of the note about
// the text confirmed; history says a partial was rebuilt on the item.
func TestAPTruthCLI(t *testing.T) {
	items, err := wire.ParseFileItems("../../testdata/ap/ap89-firsts.trec", nil, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := items[0]
	cases := revisiontest.APTruths(base.Raw, base.Rev, 0)
	if len(cases) < 10 {
		t.Fatalf("%d updates of %s", len(cases), base.Rev.ID)
	}
	dir := t.TempDir()
	oldPath := filepath.Join(dir, base.Rev.ID+".trec")
	if err := os.WriteFile(oldPath, base.Raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		newPath := filepath.Join(dir, fmt.Sprintf("update-%02d.trec", i))
		if err := os.WriteFile(newPath, c.Item, 0o644); err != nil {
			t.Fatal(err)
		}
		r := runBinary(t, "", nil, "diff", "--format", "json", oldPath, newPath)
		checkTruthDiff(t, c, "diff OLD NEW", r)
		if !c.Partial && i%3 != 0 {
			continue // the store's path: every partial and some writethrus
		}
		db := filepath.Join(dir, fmt.Sprintf("lede-%02d.db", i))
		in := runBinary(t, "", nil, "--db", db, "ingest", "--json", oldPath, newPath)
		var lines []ingestLine
		for _, l := range strings.Split(strings.TrimSpace(in.stdout), "\n") {
			var line ingestLine
			if err := json.Unmarshal([]byte(l), &line); err != nil {
				t.Fatalf("%s: ingest: %v\n%s", c.Name, err, in.stdout)
			}
			lines = append(lines, line)
		}
		if in.code != 0 || len(lines) != 2 || lines[1].Status != "update" || lines[1].Story != lines[0].Story {
			t.Fatalf("%s: ingest: exit %d, %+v", c.Name, in.code, lines)
		}
		checkTruthDiff(t, c, "diff STORY", runBinary(t, "", nil, "--db", db, "diff", "--format", "json", lines[1].Story))
		h := runBinary(t, "", nil, "--db", db, "history", lines[1].Story).stdout
		if rebuilt := strings.Contains(h, "partial: rebuilt on r1"); rebuilt != c.Partial || strings.Contains(h, "not-seen") {
			t.Errorf("%s: history:\n%s", c.Name, h)
		}
	}
}

// checkTruthDiff fails t unless the diff r printed has the update's exact
// ops and confirms every claim its note makes about the text.
func checkTruthDiff(t *testing.T, c revisiontest.APTruth, how string, r result) {
	t.Helper()
	var d truthDiff
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || r.code != 0 {
		t.Fatalf("%s: %s: exit %d, %v\n%s", c.Name, how, r.code, err, r.stderr)
	}
	if got := d.ops(); !slices.Equal(got, c.Ops) {
		t.Errorf("%s: %s: ops\n got  %q\n want %q", c.Name, how, got, c.Ops)
	}
	if len(d.NoteCheck) != len(c.Verbs) {
		t.Errorf("%s: %s: %d verdicts for %q", c.Name, how, len(d.NoteCheck), c.Verbs)
	}
	for _, v := range d.NoteCheck {
		if v.Target != "item" && v.Verdict != "confirmed" {
			t.Errorf("%s: %s: %s %s", c.Name, how, v.Action, v.Verdict)
		}
	}
	if len(d.Unannounced) > 0 {
		t.Errorf("%s: %s: unannounced %s", c.Name, how, d.Unannounced)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// splitDocs writes each <DOC> of a TREC file to a file of its own, so
// that lede ingest, which stores one item per file today, takes them all.
func splitDocs(t *testing.T, trec string) []string {
	t.Helper()
	b, err := os.ReadFile(trec)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i, doc := range regexp.MustCompile(`(?s)<DOC>.*?</DOC>`).FindAll(b, -1) {
		p := filepath.Join(t.TempDir(), filepath.Base(trec)+"-"+string(rune('a'+i)))
		if err := os.WriteFile(p, append(doc, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestHistoryItems: history names each version's agency and item id,
// shows an AP kill advisory as an advisory about the item it names (not
// as news of its own) and a take and its add as one version.
func TestHistoryItems(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	paths := append(splitDocs(t, "../../revision/aptrec/testdata/advisory.trec"), splitDocs(t, "../../revision/aptrec/testdata/takes.trec")...)
	if r := runIn(t, fakeProc{}, append([]string{"--db", db, "ingest"}, paths...)...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	r := runIn(t, fakeProc{}, "--db", db, "stories", "--json")
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil || len(stories) == 0 {
		t.Fatalf("stories: %v\n%s", err, r.stdout)
	}
	var all strings.Builder
	for _, s := range stories {
		all.WriteString(runIn(t, fakeProc{}, "--db", db, "history", s.ID).stdout)
	}
	out := all.String()
	for _, want := range []string{
		"AP AP890103-0011\n",
		"canceled, kill\n",
		"advisory about a0799: an item about them, not a version\n",
		"AP AP890103-0004 + AP890103-0005\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`\n +2 parts joined: r\d+ \(take 1 of 2\), r\d+ \(add 1\)\n`).MatchString(out) {
		t.Errorf("history does not show the take and the add as one version:\n%s", out)
	}
	if strings.Contains(out, "advisory, ") || strings.Contains(out, ", advisory") {
		t.Errorf("advisory listed as a status:\n%s", out)
	}
}

// TestDiffNamesItems: the diff of two stored versions names each side's
// agency and item id, in the text header and in the JSON.
func TestDiffNamesItems(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	for _, f := range []string{"dam-v1.json", "dam-v3-killed.json"} {
		if r := runIn(t, fakeProc{}, "--db", db, "ingest", filepath.Join("testdata", "lifecycle", f)); r.code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", f, r.code, r.stderr)
		}
	}
	item := "Example News urn:example:lede:20240305:dam-1"
	r := runIn(t, fakeProc{}, "--db", db, "diff", "--color", "never", "240305-dam")
	if r.code != 0 || !strings.Contains(r.stdout, "\nitem      "+item+" → "+item+"\n") {
		t.Errorf("diff header lacks the items: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, fakeProc{}, "--db", db, "diff", "--format", "json", "240305-dam")
	var d struct {
		FromItem string `json:"from_item"`
		ToItem   string `json:"to_item"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || d.FromItem != item || d.ToItem != item {
		t.Errorf("diff JSON items %+v, %v", d, err)
	}
}

package ninjs_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"lede/revision"
	"lede/revision/ninjs"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpusDir holds the real ninjs and AP Media API items of the shared corpus.
const corpusDir = "../../../shared/corpus/formats/ninjs"

// facts are the contract fields of one item, what the golden file pins
// down; each was checked by hand against the item's bytes.
type facts struct {
	File        string            `json:"file"`
	Agency      string            `json:"agency"`
	ID          string            `json:"id"`
	Key         string            `json:"key"`
	Version     int               `json:"version"`
	Slug        string            `json:"slug"`
	Cycle       string            `json:"cycle"`
	Marker      revision.Marker   `json:"marker"`
	Status      revision.Status   `json:"status"`
	Signals     []string          `json:"signals"`
	Refs        []string          `json:"refs"`
	Partial     bool              `json:"partial"`
	Transmitted string            `json:"transmitted"`
	Date        string            `json:"date"`
	Time        string            `json:"time"`
	Headline    string            `json:"headline"`
	Note        string            `json:"note"`
	Actions     []revision.Action `json:"actions"`
	Byline      string            `json:"byline"`
	Authors     []string          `json:"authors"`
	Dateline    revision.Dateline `json:"dateline"`
	Paragraphs  []string          `json:"paragraphs"`
	Captions    []string          `json:"captions"`
	Furniture   []string          `json:"furniture"`
	Complete    bool              `json:"complete"`
	Warnings    []string          `json:"warnings"`
}

func factsOf(file string, r *revision.Revision) facts {
	return facts{
		File: file, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Cycle: r.Cycle, Marker: r.Marker, Status: r.Status, Signals: r.Signals, Refs: r.Refs,
		Partial: r.Partial, Transmitted: r.Transmitted, Date: r.Date.String(), Time: r.Time,
		Headline: r.Headline, Note: r.Note, Actions: r.Actions, Byline: r.Byline, Authors: r.Authors,
		Dateline: r.Dateline, Paragraphs: r.Paragraphs, Captions: r.Captions, Furniture: r.Furniture,
		Complete: r.Complete, Warnings: r.Warnings,
	}
}

// TestCorpusGolden parses every real item of the corpus through
// revision/wire, as lede does, and compares the contract fields with
// testdata/corpus.golden.json. Run with -update after a deliberate change
// and review the golden file's diff line by line.
func TestCorpusGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if len(files) != 5 {
		t.Fatalf("%d corpus items, want the 5 of formats/ninjs", len(files))
	}
	var got []facts
	for _, p := range files {
		got = append(got, factsOf(filepath.Base(p), parseOne(t, p)))
	}
	checkGolden(t, "testdata/corpus.golden.json", got)
}

// parseOne parses a file of one item the way lede does, through
// revision/wire: detected as ninjs, one item, parsed.
func parseOne(t *testing.T, path string) *revision.Revision {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := revision.DetectFormat(data); !ok || f.Name != ninjs.Format {
		t.Fatalf("%s: detected as %q, want %s", path, f.Name, ninjs.Format)
	}
	items := wire.ParseItems(filepath.Base(path), data, wire.Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("%s: %d items (%v), want one item that parses", path, len(items), items[0].Err)
	}
	return items[0].Rev
}

// checkGolden compares got with the golden file at path, rewriting it
// first under -update.
func checkGolden[T any](t *testing.T, path string, got T) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("parse differs from %s (run go test -update and review the diff):\n%s", path, firstDiff(buf.String(), string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := bytes.Split([]byte(got), []byte("\n")), bytes.Split([]byte(want), []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl []byte
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if !bytes.Equal(gl, wl) {
			return "line " + itoa(i+1) + ":\n got  " + string(gl) + "\n want " + string(wl)
		}
	}
	return ""
}

func itoa(n int) string { return strconv.Itoa(n) }

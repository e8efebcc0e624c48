package newsml

import (
	"bytes"
	"encoding/json"
	"flag"
	"lede/revision/revisiontest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"lede/revision"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// corpusDir holds the real NewsML-G2 items of the shared corpus.
const corpusDir = "../../../shared/corpus/formats/newsml-g2"

// itemFacts is what the golden file pins down for each item: every
// contract field, and the paragraphs by their count, first and last text
// and the opening words of each, so that a split or merged paragraph
// shows in the diff. Each was checked by hand against the source bytes
// when the file was written.
type itemFacts struct {
	Item        string            `json:"item"`
	Agency      string            `json:"agency"`
	ID          string            `json:"id"`
	Key         string            `json:"key"`
	Version     int               `json:"version"`
	Slug        string            `json:"slug"`
	Cycle       string            `json:"cycle"`
	Status      revision.Status   `json:"status"`
	Signals     []string          `json:"signals"`
	Refs        []string          `json:"refs"`
	Partial     bool              `json:"partial"`
	Transmitted string            `json:"transmitted"`
	Date        string            `json:"date"`
	Time        string            `json:"time"`
	Marker      revision.Marker   `json:"marker"`
	Tags        []string          `json:"tags"`
	Headline    string            `json:"headline"`
	RawHeadline string            `json:"raw_headline"`
	Note        string            `json:"note"`
	Actions     []revision.Action `json:"actions"`
	Byline      string            `json:"byline"`
	Authors     []string          `json:"authors"`
	Dateline    revision.Dateline `json:"dateline"`
	Paras       int               `json:"paras"`
	First       string            `json:"first"`
	Last        string            `json:"last"`
	Openings    []string          `json:"openings"`
	Captions    []string          `json:"captions"`
	Furniture   []string          `json:"furniture"`
	Signoff     string            `json:"signoff"`
	Warnings    []string          `json:"warnings"`
}

func factsOf(item string, r *revision.Revision) itemFacts {
	f := itemFacts{
		Item: item, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Cycle: r.Cycle, Status: r.Status, Signals: r.Signals, Refs: r.Refs, Partial: r.Partial,
		Transmitted: r.Transmitted, Date: r.Date.String(), Time: r.Time, Marker: r.Marker,
		Tags: r.Tags, Headline: r.Headline, RawHeadline: r.RawHeadline, Note: r.Note,
		Actions: r.Actions, Byline: r.Byline, Authors: r.Authors, Dateline: r.Dateline,
		Paras: len(r.Paragraphs), Captions: r.Captions, Furniture: r.Furniture,
		Signoff: r.Signoff, Warnings: r.Warnings,
	}
	if n := len(r.Paragraphs); n > 0 {
		f.First, f.Last = r.Paragraphs[0], r.Paragraphs[n-1]
	}
	for _, p := range r.Paragraphs {
		f.Openings = append(f.Openings, opening(p))
	}
	return f
}

// opening is a paragraph's first words, about 40 bytes, cut at a space.
func opening(p string) string {
	if len(p) <= 48 {
		return p
	}
	if i := bytes.LastIndexByte([]byte(p[:40]), ' '); i > 0 {
		return p[:i] + " …"
	}
	return p[:40] + " …"
}

// readItems parses a file the way revision/wire does: cut into its items
// when it holds several, each parsed alone. It fails the test on an item
// that does not parse.
func readItems(t *testing.T, path string) []*revision.Revision {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !Detect(data) {
		t.Fatalf("%s: not detected as NewsML-G2", path)
	}
	chunks := Split(data)
	if chunks == nil {
		chunks = []revision.Chunk{{Data: data}}
	}
	var out []*revision.Revision
	for i, c := range chunks {
		if c.Err != nil {
			t.Fatalf("%s item %d: %v", path, i+1, c.Err)
		}
		r, err := Parse(path, c.Data)
		if err != nil {
			t.Fatalf("%s item %d: %v", path, i+1, err)
		}
		out = append(out, r)
	}
	return out
}

// TestCorpusGolden compares every item of every real sample with
// testdata/corpus.golden.json. Run with -update after a deliberate parser
// change and review the diff of the golden file line by line.
func TestCorpusGolden(t *testing.T) {
	revisiontest.NeedShared(t)
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.xml"))
	if len(paths) < 8 {
		t.Fatalf("found %d samples in %s, want the 8 the corpus holds", len(paths), corpusDir)
	}
	var got []itemFacts
	for _, p := range paths {
		for i, r := range readItems(t, p) {
			got = append(got, factsOf(filepath.Base(p)+"#"+strconv.Itoa(i+1), r))
		}
	}
	compareGolden(t, "testdata/corpus.golden.json", got)
}

// compareGolden compares v, as indented JSON, with a golden file, or
// rewrites the file under -update.
func compareGolden(t *testing.T, golden string, v any) {
	t.Helper()
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	if *update {
		if err := os.WriteFile(golden, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("parse differs from %s; run go test -run %s -update and review the diff", golden, t.Name())
		var w []itemFacts
		if json.Unmarshal(want, &w) == nil {
			g, _ := v.([]itemFacts)
			for i := range min(len(w), len(g)) {
				a, _ := json.Marshal(w[i])
				b, _ := json.Marshal(g[i])
				if !bytes.Equal(a, b) {
					t.Errorf("first difference at %s:\nwant %s\n got %s", g[i].Item, a, b)
					break
				}
			}
		}
	}
}

package yonhap

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// pageFacts is what the golden file pins down for each corpus page: the
// fields the labels do not cover (byline, dateline, paragraphs, captions,
// sign-off), checked by hand against the pages when the file was written.
type pageFacts struct {
	ID        string            `json:"id"`
	Date      string            `json:"date"`
	Time      string            `json:"time,omitempty"`
	Marker    revision.Marker   `json:"marker"`
	Tags      []string          `json:"tags,omitempty"`
	Headline  string            `json:"headline"`
	Actions   []revision.Action `json:"actions,omitempty"`
	Authors   []string          `json:"authors,omitempty"`
	Dateline  string            `json:"dateline"`
	Paras     int               `json:"paras"`
	First     string            `json:"first"`
	Last      string            `json:"last"`
	Captions  int               `json:"captions,omitempty"`
	Signoff   string            `json:"signoff,omitempty"`
	Complete  bool              `json:"complete"`
	Furniture int               `json:"furniture,omitempty"`
}

func factsOf(id string, r *revision.Revision) pageFacts {
	f := pageFacts{
		ID: id, Date: r.Date.String(), Time: r.Time, Marker: r.Marker, Tags: r.Tags,
		Headline: r.Headline, Actions: r.Actions, Authors: r.Authors,
		Dateline: r.Dateline.Place + "|" + r.Dateline.Date + "|" + r.Dateline.Agency,
		Paras:    len(r.Paragraphs), Captions: len(r.Captions), Signoff: r.Signoff,
		Complete: r.Complete, Furniture: len(r.Furniture),
	}
	if n := len(r.Paragraphs); n > 0 {
		f.First, f.Last = r.Paragraphs[0], r.Paragraphs[n-1]
	}
	return f
}

// TestCorpusGolden compares every corpus page's parse with
// testdata/yonhap/parsed.golden.json. Run with -update after a deliberate
// parser change and review the diff of the golden file line by line.
func TestCorpusGolden(t *testing.T) {
	golden := filepath.Join(corpusDir, "parsed.golden.json")
	var got []pageFacts
	for _, l := range loadLabels(t) {
		got = append(got, factsOf(l.ID, parsePage(t, filepath.Join(corpusDir, "pages", l.ID+".txt"))))
	}
	if *update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []pageFacts
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(got) {
		t.Fatalf("golden has %d pages, corpus %d", len(want), len(got))
	}
	for i := range want {
		w, _ := json.Marshal(want[i])
		g, _ := json.Marshal(got[i])
		if !bytes.Equal(w, g) {
			t.Errorf("%s:\n got  %s\n want %s", want[i].ID, g, w)
		}
	}
}

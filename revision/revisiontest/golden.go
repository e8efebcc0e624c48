package revisiontest

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"lede/revision"
)

// Golden compares got, one value per parsed item, with the JSON golden
// file at path, item by item; with update it first rewrites the file from
// got. name labels an item in a failure. Format packages keep the fields
// of every real sample in such a file, reviewed by hand when it changes.
func Golden[T any](t *testing.T, path string, got []T, update bool, name func(T) string) {
	t.Helper()
	if update {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []T
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(want) != len(got) {
		t.Fatalf("%s has %d items, parsed %d", path, len(want), len(got))
	}
	for i := range want {
		w, _ := json.Marshal(want[i])
		g, _ := json.Marshal(got[i])
		if !bytes.Equal(w, g) {
			t.Errorf("%s:\n got  %s\n want %s", name(want[i]), g, w)
		}
	}
}

// Facts is what a format's golden file pins down for each real sample:
// the JSON contract's fields, and the parts of the text beside the
// paragraphs, so that a change to any of them shows in review.
type Facts struct {
	File        string            `json:"file"`
	Agency      string            `json:"agency"`
	ID          string            `json:"id"`
	Key         string            `json:"key"`
	Version     int               `json:"version"`
	Slug        string            `json:"slug"`
	Status      revision.Status   `json:"status"`
	Signals     []string          `json:"signals"`
	Refs        []string          `json:"refs"`
	Transmitted string            `json:"transmitted"`
	Date        string            `json:"date"`
	Time        string            `json:"time"`
	Marker      revision.Marker   `json:"marker"`
	Tags        []string          `json:"tags"`
	Headline    string            `json:"headline"`
	Note        string            `json:"note"`
	Actions     []revision.Action `json:"actions"`
	Byline      string            `json:"byline"`
	Authors     []string          `json:"authors"`
	Dateline    revision.Dateline `json:"dateline"`
	Paragraphs  []string          `json:"paragraphs"`
	Captions    []string          `json:"captions"`
	Signoff     string            `json:"signoff"`
	Furniture   []string          `json:"furniture"`
	Complete    bool              `json:"complete"`
	Warnings    []string          `json:"warnings"`
}

// FactsOf takes a revision's Facts; file names the sample.
func FactsOf(file string, r *revision.Revision) Facts {
	return Facts{
		File: file, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Status: r.Status, Signals: r.Signals, Refs: r.Refs, Transmitted: r.Transmitted,
		Date: r.Date.String(), Time: r.Time, Marker: r.Marker, Tags: r.Tags, Headline: r.Headline,
		Note: r.Note, Actions: r.Actions, Byline: r.Byline, Authors: r.Authors, Dateline: r.Dateline,
		Paragraphs: r.Paragraphs, Captions: r.Captions, Signoff: r.Signoff, Furniture: r.Furniture,
		Complete: r.Complete, Warnings: r.Warnings,
	}
}

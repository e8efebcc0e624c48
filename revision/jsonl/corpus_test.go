package jsonl_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"lede/revision/revisiontest"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"lede/revision/wire"
	"lede/revision/yonhap"
)

const yonhapCorpus = "../../../shared/corpus/yonhap"

// corpusLines writes every real Yonhap page of the shared corpus as a
// line of JSON lines with its url and time, as a scraper would send it.
func corpusLines(t testing.TB) ([]byte, []struct{ ID, URL string }) {
	f, err := os.Open(filepath.Join(yonhapCorpus, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var labels []struct{ ID, URL string }
	var buf bytes.Buffer
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l struct{ ID, URL string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(yonhapCorpus, "pages", l.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(map[string]string{"url": l.URL, "text": string(page)})
		buf.Write(append(b, '\n'))
		labels = append(labels, l)
	}
	return buf.Bytes(), labels
}

// Every real Yonhap page, riding in a line with its url, reads as the
// Yonhap parser reads the page itself, and takes its id, story key and
// version from the url.
func TestYonhapCorpus(t *testing.T) {
	revisiontest.NeedShared(t)
	data, labels := corpusLines(t)
	its := wire.ParseItems("pages.jsonl", data, wire.Options{})
	if len(its) != len(labels) || len(labels) != 104 {
		t.Fatalf("%d items for %d pages, want 104", len(its), len(labels))
	}
	for i, l := range labels {
		it := its[i]
		if it.Err != nil {
			t.Errorf("%s: %v", l.ID, it.Err)
			continue
		}
		page, _ := os.ReadFile(filepath.Join(yonhapCorpus, "pages", l.ID+".txt"))
		direct, err := wire.Parse(l.ID, page, wire.Options{})
		if err != nil {
			t.Fatalf("%s: the page itself: %v", l.ID, err)
		}
		r := it.Rev
		id, key, _ := yonhap.ArticleID(l.URL)
		v, _ := yonhap.ArticleVersion(id)
		if r.ID != l.ID || r.Key != key || r.Version != v || r.Agency != "Yonhap" {
			t.Errorf("%s: id %q key %q version %d agency %q; want %q %q %d Yonhap", l.ID, r.ID, r.Key, r.Version, r.Agency, id, key, v)
		}
		if r.RawHeadline != direct.RawHeadline || r.Note != direct.Note || r.Complete != direct.Complete ||
			!slices.Equal(r.Paragraphs, direct.Paragraphs) {
			t.Errorf("%s: reads differently in a line than as a page", l.ID)
		}
	}
}

package ninjs

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
)

func TestDetect(t *testing.T) {
	revisiontest.NeedShared(t)
	tests := []struct {
		name, in string
		want     bool
	}{
		{"ninjs 1.x", `{"uri": "urn:x", "versioncreated": "2024-01-01T00:00:00Z"}`, true},
		{"ninjs 3.0", `{"uri": "urn:x", "versionCreated": "2024-01-01T00:00:00Z"}`, true},
		{"uri after other keys", `{"headline": "x", "type": "text", "uri": "urn:x"}`, true},
		{"list of items", ` [ {"uri": "urn:x", "type": "text"} ]`, true},
		{"AP envelope", `{"api_version": "2.1", "data": {"item": {}}}`, true},
		{"cut after the keys", `{"uri": "urn:x", "type": "text", "body_html": "<p>cut`, true},
		{"uri alone", `{"uri": "urn:x"}`, false},
		{"uri not a string", `{"uri": {"type": "text"}, "headline": "x"}`, false},
		{"uri inside a string", `{"note": "\"uri\": \"urn:x\", \"type\": \"text\""}`, false},
		{"uri of a nested object", `{"link": {"uri": "urn:x", "type": "text"}}`, false},
		{"lede JSON lines", `{"id": "x", "url": "https://x", "headline": "h", "paragraphs": ["p"]}`, false},
		{"lede parse output", `[{"source": "a.txt", "format": "yonhap-text", "headline": "h"}]`, false},
		{"JSON list of numbers", `[1, 2, 3]`, false},
		{"not JSON", `uri: urn:x`, false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.in)); got != tt.want {
				t.Errorf("Detect(%s) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// Every real item is detected, and so is every item when the detector
// sees only its first bytes, as it does for a large input, once the cut
// is past the properties that mark it.
func TestDetectCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("../../../shared/corpus/formats/ninjs", "*.json"))
	files = append(files, "testdata/evolvedfrom.json", "testdata/canceled.json", "testdata/ninjs3_camel.json")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !Detect(data) {
			t.Errorf("%s: not detected", p)
		}
		if !Detect(data[:min(len(data), 400)]) {
			t.Errorf("%s: its first 400 bytes are not detected", p)
		}
	}
}

// Other JSON in the repository, the corpus's labels and other formats'
// files, is not ninjs.
func TestDetectOthers(t *testing.T) {
	revisiontest.NeedShared(t)
	for _, p := range []string{
		"../../testdata/yonhap/parsed.golden.json",
		"../../testdata/yonhap/labels.jsonl",
		"../../testdata/yonhap/groups.jsonl",
		"../../../shared/corpus/formats/newsml-g2/iptc_spec_LISTING_1_news_item.xml",
		"testdata/corpus.golden.json",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if Detect(data) {
			t.Errorf("%s: detected as ninjs", p)
		}
	}
}

package jsonl

import (
	"os"
	"testing"

	"lede/revision/revisiontest"
)

func TestDetect(t *testing.T) {
	revisiontest.NeedShared(t)
	tests := []struct {
		name, in string
		want     bool
	}{
		{"headline", `{"id": "x", "headline": "h", "body": "b"}` + "\n", true},
		{"text", `{"url": "https://en.yna.co.kr/view/AEN20200201001252320", "text": "page"}`, true},
		{"blank lines and BOM first", "\xef\xbb\xbf\n\n" + `{"headline": "h"}`, true},
		{"case of field names", `{"Headline": "h", "ID": "x"}`, true},
		{"cut inside the text", `{"url": "u", "text": "a long page cut off here`, true},
		{"only fields without a story", `{"id": "x", "url": "u"}`, false},
		{"an unknown field", `{"headline": "h", "chars": 3}`, false},
		{"ninjs", `{"uri": "urn:x", "headline": "h"}`, false},
		{"a list", `[{"headline": "h"}]`, false},
		{"not JSON", `headline: h`, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.in)); got != tt.want {
				t.Errorf("Detect(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// The repository's other JSON lines, the corpus's labels and groups,
// are not lede's JSON lines: they have fields of their own.
func TestDetectOthers(t *testing.T) {
	revisiontest.NeedShared(t)
	for _, p := range []string{
		"../../testdata/yonhap/labels.jsonl",
		"../../testdata/yonhap/groups.jsonl",
		"../../testdata/yonhap/parsed.golden.json",
		"../../../shared/corpus/formats/ninjs/dpa_ninjs3_v2.json",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if Detect(data) {
			t.Errorf("%s: detected as JSON lines", p)
		}
	}
}

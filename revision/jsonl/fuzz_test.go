package jsonl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
)

// FuzzParse feeds the splitter and parser mutated fixtures and Yonhap
// lines. They must not panic; every chunk is an error or a line that
// Detect takes again and Parse reads alone; a parsed line has a
// headline or paragraphs, no empty paragraph, a known status and a real
// date.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.jsonl")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id":"AEN20200201001252320","headline":"(3rd LD) x","version":"2nd Ld-Writethru","time":"2020-02-30"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, c := range Split(data) {
			if c.Err != nil {
				continue
			}
			if !Detect(c.Data) {
				t.Fatalf("line %d is not detected again: %.200q", i+1, c.Data)
			}
			r, err := Parse("fuzz", c.Data)
			if err != nil {
				t.Fatalf("line %d parsed in Split but not alone: %v", i+1, err)
			}
			if r.Headline == "" && r.RawHeadline == "" && len(r.Paragraphs) == 0 {
				t.Fatal("parsed line with neither headline nor paragraphs")
			}
			for j, p := range r.Paragraphs {
				if strings.TrimSpace(p) == "" {
					t.Fatalf("para %d is empty", j+1)
				}
			}
			switch r.Status {
			case revision.StatusUsable, revision.StatusWithheld, revision.StatusCanceled:
			default:
				t.Fatalf("status %q", r.Status)
			}
			if !r.Date.Valid() {
				t.Fatalf("date %+v is not a real date", r.Date)
			}
		}
	})
}

// FuzzDetect: the detector never panics on any bytes.
func FuzzDetect(f *testing.F) {
	f.Add([]byte(`{"headline": "h", "text": "x"}`))
	f.Add([]byte("\xef\xbb\xbf\n{\"id\": 1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > revision.DetectBytes {
			data = data[:revision.DetectBytes]
		}
		Detect(data)
	})
}

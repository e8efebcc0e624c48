package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryDiffCutPage: the built lede diff on the Typhoon Haishen pair,
// whose newer page is cut off inside its last paragraph, shows that
// paragraph as cut and counts it neither as a change nor as unannounced.
func TestBinaryDiffCutPage(t *testing.T) {
	old, new := pagesDir+"/AEN20200905000400320.txt", pagesDir+"/AEN20200905000454320.txt"
	res := runBinary(t, "", nil, "diff", "--format", "json", old, new)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	d := decodeDiff(t, res.stdout)
	checkDiff(t, d, parsePage(t, old), parsePage(t, new))
	var cut struct {
		Paragraphs []struct {
			Op  string `json:"op"`
			Old *int   `json:"old"`
			New *int   `json:"new"`
			Cut bool   `json:"cut"`
		} `json:"paragraphs"`
		Unannounced []struct {
			Part string `json:"part"`
			New  *int   `json:"new"`
		} `json:"unannounced"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &cut); err != nil {
		t.Fatal(err)
	}
	last := cut.Paragraphs[len(cut.Paragraphs)-1]
	for _, p := range cut.Paragraphs {
		if p.New != nil && *p.New == 10 {
			last = p
		}
	}
	if last.Op != "equal" || !last.Cut || last.Old == nil || *last.Old != 2 {
		t.Errorf("new para 10: %+v, want equal and cut, old para 2", last)
	}
	if s := d.Summary; s.Added != 6 || s.Changed != 3 || s.Removed != 3 || s.Moved != 0 {
		t.Errorf("summary %+v", s)
	}
	for _, u := range cut.Unannounced {
		if u.Part == "para" && u.New != nil && *u.New == 10 {
			t.Errorf("para 10 unannounced")
		}
	}
	text := runBinary(t, "", []string{"NO_COLOR=1"}, "diff", old, new)
	for _, want := range []string{
		"summary   +6 ~3 -3, headline changed\n",
		"?  10  [-The forecast by the Korea Meteorological Administration (KMA)-]{+It+} said that",
		"in the country's so… (the newer page is cut off inside this paragraph, para 2 of the older page; not counted as a change)\n",
	} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("lede diff output lacks %q:\n%s", want, text.stdout)
		}
	}
	if strings.Contains(text.stdout, "moved 1") || strings.Contains(text.stdout, "(moved from") {
		t.Errorf("lede diff still calls the cut paragraph moved:\n%s", text.stdout)
	}
}

// TestBinaryParseCutMidCharacter: lede parse reads a page cut inside a
// character as an incomplete page whose last paragraph is cut, and a page
// with a broken character mid-page is still an error naming the file.
func TestBinaryParseCutMidCharacter(t *testing.T) {
	page, err := os.ReadFile(seedPage)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	at := strings.Index(string(page), "North Korea said that it has a sovereign right")
	cut := filepath.Join(dir, "cut.txt")
	broken := filepath.Join(dir, "broken.txt")
	os.WriteFile(cut, append(page[:at:at], "North Korea\xe2\x80"...), 0o644)
	os.WriteFile(broken, append(page[:at:at], "North Korea\xe2\x80 said more.\n"...), 0o644)
	res := runBinary(t, "", nil, "parse", "--json", cut, broken)
	if res.code != 1 {
		t.Errorf("exit %d, want 1 (one input failed)", res.code)
	}
	if want := "lede: error: " + broken + ": input is not valid UTF-8: bad byte 0xe2"; !strings.Contains(res.stderr, want) ||
		strings.Contains(res.stderr, "Latin-1") {
		t.Errorf("stderr %q, want %q and no Latin-1 hint", res.stderr, want)
	}
	var out []struct {
		Source     string   `json:"source"`
		Complete   bool     `json:"complete"`
		Cut        string   `json:"cut"`
		Paragraphs []string `json:"paragraphs"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil || len(out) != 1 {
		t.Fatalf("parse --json: %v\n%s", err, res.stdout)
	}
	r := out[0]
	if r.Source != cut || r.Complete || r.Cut != "paragraph" || r.Paragraphs[len(r.Paragraphs)-1] != "North Korea" {
		t.Errorf("cut page: %+v", r)
	}
}

package diff

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files")

type group struct {
	Group   string   `json:"group"`
	Members []string `json:"members"`
}

// corpusPairs lists consecutive versions of every corpus story, and
// whether both pages are complete.
func corpusPairs(t testing.TB) [][2]*revision.Revision {
	t.Helper()
	f, err := os.Open("../testdata/yonhap/groups.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]*revision.Revision
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g group
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(g.Members); i++ {
			out = append(out, [2]*revision.Revision{page(t, g.Members[i]), page(t, g.Members[i+1])})
		}
	}
	return out
}

func page(t testing.TB, id string) *revision.Revision {
	r, _, err := wire.ParseFile("../testdata/yonhap/pages/"+id+".txt", nil, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.Source = id
	return r
}

// TestCorpusGolden diffs every pair of consecutive real versions and
// compares the plain-text rendering with testdata/diff/*.txt, reviewed by
// hand when written (-update rewrites them).
func TestCorpusGolden(t *testing.T) {
	pairs := corpusPairs(t)
	if len(pairs) < 20 {
		t.Fatalf("only %d pairs", len(pairs))
	}
	for _, p := range pairs {
		r := Compare(p[0], p[1], Options{})
		assertLossless(t, p[0].Paragraphs, p[1].Paragraphs, r.Paragraphs)
		var buf bytes.Buffer
		if err := WriteText(&buf, r, TextOptions{Context: -1}); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("../testdata/diff", p[0].Source+"_"+p[1].Source+".txt")
		if *update {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test ./diff -update writes it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from golden:\n%s", golden, buf.String())
		}
	}
}

// TestNoteCheckOnCompletePairs pins the note-check verdicts of the real
// updates whose two versions both reached (END).
func TestNoteCheckOnCompletePairs(t *testing.T) {
	want := map[string][]string{
		// "(ATTN: UPDATES with more info throughout)": seven paragraphs
		// rewritten or added across the story.
		"AEN20200331001451315": {"UPDATES with more info throughout: confirmed"},
		// "(ATTN: UPDATES lead, paras 2-3; CHANGES image)"
		"AEN20200822002251315": {"UPDATES lead: confirmed", "UPDATES paras 2-3: confirmed", "CHANGES image: unverifiable"},
	}
	seen := 0
	for _, p := range corpusPairs(t) {
		if !p[0].Complete || !p[1].Complete {
			continue
		}
		seen++
		r := Compare(p[0], p[1], Options{})
		var got []string
		for _, v := range r.NoteCheck {
			got = append(got, v.Action+": "+v.Result)
			t.Logf("%s -> %s: %s: %s (%s) paras %v", p[0].Source, p[1].Source, v.Action, v.Result, v.Why, v.Paras)
		}
		t.Logf("%s -> %s: summary %s; unannounced %d", p[0].Source, p[1].Source, r.Summary, len(r.Unannounced))
		if w, ok := want[p[1].Source]; !ok || strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("%s: verdicts %q, want %q", p[1].Source, got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d complete pairs, want %d", seen, len(want))
	}
}

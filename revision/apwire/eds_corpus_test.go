package apwire_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/apwire"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

var update = flag.Bool("update", false, "rewrite golden files from the parser's output")

// edsFacts is what the golden file pins down for one real note.
type edsFacts struct {
	Source  string            `json:"source"`
	Note    string            `json:"note"`
	Actions []revision.Action `json:"actions"`
	Clauses []string          `json:"note_clauses"`
	Pickup  *revision.Pickup  `json:"pickup"`
}

// TestEdsCorpus reads every Eds: note of the shared corpus: each `eds` of
// the AP89 labels (two notes of one item are joined there by " | "), and
// the note of every AP item in corpus/formats as the format's parser
// reads it. The actions, unread clauses and pick-ups are compared with
// testdata/eds.golden.json (go test -update rewrites it; review the diff),
// and no note may lose a word.
func TestEdsCorpus(t *testing.T) {
	revisiontest.NeedShared(t)
	shared := revisiontest.SharedDir()
	var got []edsFacts
	for _, l := range labelNotes(t, filepath.Join(shared, "ap89", "labels.jsonl")) {
		e := apwire.ParseEds(l.note)
		got = append(got, edsFacts{l.source, l.note, e.Actions, e.Clauses, e.Pickup})
	}
	root := filepath.Join(shared, "formats")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".md") {
			return err
		}
		items, err := wire.ParseFileItems(path, nil, wire.Options{})
		if err != nil {
			return nil // not an item: SOURCES and the like
		}
		rel, _ := filepath.Rel(root, path)
		for _, it := range items {
			if r := it.Rev; r != nil && r.Agency == "AP" && r.Note != "" {
				got = append(got, edsFacts{rel + " " + r.ID, r.Note, r.Actions, r.NoteClauses, r.Pickup})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range got {
		if lost := apwire.LostWords(f.Note, f.Actions, f.Clauses); len(lost) > 0 {
			t.Errorf("%s: %q loses %q", f.Source, f.Note, lost)
		}
	}
	revisiontest.Golden(t, filepath.Join("testdata", "eds.golden.json"), got, *update,
		func(f edsFacts) string { return f.Source })
	t.Logf("%d notes, %d read completely", len(got), complete(got))
}

// complete counts the notes every clause of which is an action.
func complete(fs []edsFacts) int {
	n := 0
	for _, f := range fs {
		if len(f.Clauses) == 0 {
			n++
		}
	}
	return n
}

type labelNote struct{ source, note string }

func labelNotes(t *testing.T, path string) []labelNote {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelNote
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct{ Docno, Eds string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i, n := range strings.Split(l.Eds, " | ") {
			if n = apwire.EdsText(n); n != "" {
				src := l.Docno
				if i > 0 {
					src += "#" + string(rune('1'+i))
				}
				out = append(out, labelNote{src, n})
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

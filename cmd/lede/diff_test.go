package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
)

// The corpus's three-version story: the exit polls of the 2022
// presidential election, first version, (LEAD) and (2nd LD).
var exitPolls = [3]string{
	pagesDir + "/AEN20220309004700315.txt",
	pagesDir + "/AEN20220309004751315.txt",
	pagesDir + "/AEN20220309004752315.txt",
}

// jsonDiff is lede diff --format json, per the contract.
type jsonDiff struct {
	Story    string `json:"story"`
	From     string `json:"from"`
	To       string `json:"to"`
	FromRef  string `json:"from_ref"`
	ToRef    string `json:"to_ref"`
	Headline struct {
		Op, Old, New string
	} `json:"headline"`
	Paragraphs []struct {
		Op    string `json:"op"`
		Old   *int   `json:"old"`
		New   *int   `json:"new"`
		Text  string `json:"text"`
		Words []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"words"`
	} `json:"paragraphs"`
	Summary struct {
		Added   int `json:"added"`
		Removed int `json:"removed"`
		Changed int `json:"changed"`
		Moved   int `json:"moved"`
	} `json:"summary"`
	NoteCheck []struct {
		Action  string `json:"action"`
		Verdict string `json:"verdict"`
		Paras   []int  `json:"paras"`
	} `json:"note_check"`
	Unannounced []json.RawMessage `json:"unannounced"`
}

// contractKeys are the fields of a diff object the contract fixes.
var contractKeys = []string{"story", "from", "to", "headline", "paragraphs", "summary", "note_check", "unannounced"}

func decodeDiff(t *testing.T, out string) jsonDiff {
	t.Helper()
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &keys); err != nil {
		t.Fatalf("diff --json: %v\n%s", err, out)
	}
	for _, k := range contractKeys {
		if _, ok := keys[k]; !ok {
			t.Errorf("diff --json lacks %q", k)
		}
	}
	var d jsonDiff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// parsePage parses a corpus page the way lede does.
func parsePage(t *testing.T, path string) *revision.Revision {
	t.Helper()
	r, _, err := wire.ParseFile(path, nil, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sides rebuilds both revisions' paragraphs from the ops of a diff: the
// old side of every entry, joined by old paragraph number, and the new.
func sides(d jsonDiff) (old, new map[int]string) {
	old, new = map[int]string{}, map[int]string{}
	for _, p := range d.Paragraphs {
		o, n := p.Text, p.Text
		if p.Words != nil {
			var ob, nb strings.Builder
			for _, w := range p.Words {
				if w.Op != "insert" {
					ob.WriteString(w.Text)
				}
				if w.Op != "delete" {
					nb.WriteString(w.Text)
				}
			}
			o, n = ob.String(), nb.String()
		}
		if p.Old != nil {
			old[*p.Old] += o
		}
		if p.New != nil {
			new[*p.New] += n
		}
	}
	return old, new
}

// checkDiff asserts that a diff rebuilds both revisions exactly and that
// its summary is diff.Compare's.
func checkDiff(t *testing.T, d jsonDiff, oldRev, newRev *revision.Revision) {
	t.Helper()
	old, new := sides(d)
	for name, side := range map[string]struct {
		got  map[int]string
		want []string
	}{"old": {old, oldRev.Paragraphs}, "new": {new, newRev.Paragraphs}} {
		if len(side.got) != len(side.want) {
			t.Errorf("%s side: %d paragraphs rebuilt, want %d", name, len(side.got), len(side.want))
		}
		for i, want := range side.want {
			if got := side.got[i+1]; got != want {
				t.Errorf("%s para %d rebuilt as\n%q\nwant\n%q", name, i+1, got, want)
			}
		}
	}
	s := diff.Compare(oldRev, newRev, diff.Options{}).Summary
	got := d.Summary
	if got.Added != s.Added || got.Removed != s.Removed || got.Changed != s.Changed || got.Moved != s.Moved {
		t.Errorf("summary %+v, diff.Compare says %+v", got, s)
	}
}

func TestDiffFilesJSON(t *testing.T) {
	r := runIn(t, fakeProc{}, "--db", "/nonexistent/lede.db", "diff", "--json", firstPage, leadPage)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := decodeDiff(t, r.stdout)
	if d.Story != "" || d.From != firstPage || d.To != leadPage {
		t.Errorf("story %q from %q to %q, want no story and the paths", d.Story, d.From, d.To)
	}
	checkDiff(t, d, parsePage(t, firstPage), parsePage(t, leadPage))
	if d.Summary.Added != 2 || d.Summary.Changed != 2 || d.Summary.Removed != 0 {
		t.Errorf("summary %+v, want +2 ~2 -0", d.Summary)
	}
	verdicts := map[string]string{}
	for _, v := range d.NoteCheck {
		verdicts[v.Action] = v.Verdict
	}
	want := map[string]string{"UPDATES with more details from para 3": "confirmed", "CHANGES photo": "unverifiable"}
	if !reflect.DeepEqual(verdicts, want) {
		t.Errorf("note check %v, want %v", verdicts, want)
	}
	if d.Headline.Op != "equal" || d.Headline.New != "S. Korea reports 3 more cases of novel coronavirus, total now at 15" {
		t.Errorf("headline %+v", d.Headline)
	}
}

func TestDiffFilesText(t *testing.T) {
	tests := []struct {
		name    string
		proc    fakeProc
		args    []string
		want    []string
		notWant []string
	}{
		{name: "pipe: git markers", args: nil,
			want: []string{"--- " + firstPage + "\n+++ " + leadPage + "\n", "summary   +2 ~2 -0\n",
				"  ok       UPDATES with more details from para 3",
				"~   4  The 15th case is a 43-year-old South Korean man who [-arrived back home from China on Jan. 20 and was-]{+was in Wuhan,",
				"+   5  {+Except for the 13th case,"},
			notWant: []string{"\x1b["}},
		{name: "terminal: colour", proc: fakeProc{tty: true}, want: []string{"\x1b[32m", "\x1b[31;9m"}, notWant: []string{"{+", "[-"}},
		{name: "terminal with NO_COLOR", proc: fakeProc{tty: true, env: map[string]string{"NO_COLOR": "1"}},
			want: []string{"{+Except"}, notWant: []string{"\x1b["}},
		{name: "terminal with TERM=dumb", proc: fakeProc{tty: true, env: map[string]string{"TERM": "dumb"}},
			want: []string{"{+Except"}, notWant: []string{"\x1b["}},
		{name: "color always in a pipe", args: []string{"--color", "always"}, want: []string{"\x1b[32m"}},
		{name: "stat", args: []string{"--stat"}, want: []string{"summary   +2 ~2 -0\n", "  ?        CHANGES photo"},
			notWant: []string{"Except for", "   1  SEOUL"}},
		{name: "context 0", args: []string{"--context", "0"}, want: []string{"+   5  {+Except", "... 1 unchanged paragraph\n"},
			notWant: []string{"   1  SEOUL"}},
		{name: "context all", args: []string{"-U", "-1"}, want: []string{"    1  SEOUL, Feb. 2", "    6  The KCDC"}},
		{name: "markdown", args: []string{"--format", "markdown"},
			want: []string{"## S. Korea reports 3 more cases", `5\. **Except for the 13th case`, "*(added)*",
				"- CHANGES photo — **unverifiable**"},
			notWant: []string{"{+"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"diff", firstPage, leadPage}, tt.args...)
			r := runIn(t, tt.proc, args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.stdout, w) {
					t.Errorf("output has %q:\n%s", w, r.stdout)
				}
			}
		})
	}
}

// TestDiffHTMLEscapes diffs against a copy of a real page with a script
// injected into a paragraph: the page shows it as text, never runs it.
func TestDiffHTMLEscapes(t *testing.T) {
	page, err := os.ReadFile(leadPage)
	if err != nil {
		t.Fatal(err)
	}
	hostile := strings.Replace(string(page), "under observation.", `under observation. <script>alert(1)</script>`, 1)
	if hostile == string(page) {
		t.Fatal("the page changed: nothing to inject into")
	}
	path := filepath.Join(t.TempDir(), "hostile.txt")
	writeFile(t, path, hostile)
	r := runIn(t, fakeProc{}, "diff", "--format", "html", firstPage, path)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("html does not show the script as text:\n%s", r.stdout)
	}
	if strings.Contains(strings.ToLower(r.stdout), "<script") {
		t.Errorf("html carries a script element:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "<ins>") || !strings.Contains(r.stdout, "<del>") {
		t.Errorf("html shows no insertions or deletions:\n%s", r.stdout)
	}
}

func TestDiffStdin(t *testing.T) {
	old, err := os.ReadFile(firstPage)
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, fakeProc{stdin: string(old)}, "diff", "--json", "-", leadPage)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := decodeDiff(t, r.stdout)
	if d.From != "-" {
		t.Errorf("from %q, want -", d.From)
	}
	checkDiff(t, d, parsePage(t, firstPage), parsePage(t, leadPage))
}

// TestDiffMaxSize checks that diff reads files up to --max-size, as
// parse and ingest do, and that the error for a larger file names the
// flag that lifts the limit: it names --max-size, so diff must take it.
func TestDiffMaxSize(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	st, err := os.Stat(exitPolls[1])
	if err != nil {
		t.Fatal(err)
	}
	small := strconv.FormatInt(st.Size()/2, 10)
	r := ledeDB(t, db, "diff", "--max-size", small, exitPolls[0], exitPolls[1])
	if r.code != 1 || !strings.Contains(r.stderr, "raise it with --max-size") || r.stdout != "" {
		t.Errorf("over the limit: exit %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	big := strconv.FormatInt(st.Size()*4, 10)
	r = ledeDB(t, db, "diff", exitPolls[0], exitPolls[1], "--max-size", big, "--json")
	if r.code != 0 {
		t.Fatalf("under the limit: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if d := decodeDiff(t, r.stdout); d.Summary.Added+d.Summary.Changed == 0 {
		t.Errorf("under the limit: no changes in %+v", d.Summary)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("diff of two files made a database at %s", db)
	}
}

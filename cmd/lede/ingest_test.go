package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"lede/revision"
	"lede/store"
)

// The bundled corpus of real pages.
const pagesDir = "../../testdata/yonhap/pages"

// A two-version story of the corpus: a first version and its (LEAD).
const (
	firstPage = pagesDir + "/AEN20200202000651320.txt"
	leadPage  = pagesDir + "/AEN20200202000652320.txt"
)

// corpusSize is the number of pages in pagesDir, all distinct.
const corpusSize = 104

// ledeDB runs lede in-process on the database file db.
func ledeDB(t *testing.T, db string, args ...string) result {
	t.Helper()
	return runIn(t, fakeProc{}, append([]string{"--db", db}, args...)...)
}

// mustLede runs lede on db and fails the test unless it exits 0.
func mustLede(t *testing.T, db string, args ...string) result {
	t.Helper()
	r := ledeDB(t, db, args...)
	if r.code != 0 {
		t.Fatalf("lede %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// jsonStory is a story of stories --json, per the contract.
type jsonStory struct {
	ID       string        `json:"id"`
	Slug     string        `json:"slug"`
	Headline string        `json:"headline"`
	Updated  string        `json:"updated"`
	Versions []jsonVersion `json:"versions"`
}

// jsonVersion is a version in stories --json.
type jsonVersion struct {
	Rev      int    `json:"rev"`
	Ref      string `json:"ref"`
	Source   string `json:"source"`
	Label    string `json:"label"`
	Seq      int    `json:"seq"`
	Headline string `json:"headline"`
	Date     string `json:"date"`
}

// storiesJSON lists the stories in db, checking that each numbers its
// versions 1..n.
func storiesJSON(t *testing.T, db string) []jsonStory {
	t.Helper()
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil {
		t.Fatalf("stories --json: %v", err)
	}
	for _, s := range list {
		for i, v := range s.Versions {
			if v.Rev != i+1 {
				t.Errorf("story %s: version %d has rev %d", s.ID, i+1, v.Rev)
			}
			if _, ok := store.ParseRef(v.Ref); !ok {
				t.Errorf("story %s: version %d has ref %q", s.ID, i+1, v.Ref)
			}
		}
	}
	return list
}

// storyWith finds the story that holds the page stored from source.
func storyWith(t *testing.T, list []jsonStory, source string) jsonStory {
	t.Helper()
	for _, s := range list {
		for _, v := range s.Versions {
			if v.Source == source {
				return s
			}
		}
	}
	t.Fatalf("no story holds %s", source)
	return jsonStory{}
}

// sources maps every stored source to how often it is stored.
func sources(list []jsonStory) map[string]int {
	out := map[string]int{}
	for _, s := range list {
		for _, v := range s.Versions {
			out[v.Source]++
		}
	}
	return out
}

// ingestLineRE matches the readable line of a stored input.
// An update's line ends with what it changed.
var ingestLineRE = regexp.MustCompile(`^(new-story|update   )  (\S+)@(\d+) (r\d+)  (\([^)]+\)  )?(.*)  \(([^)]+)\)(  [+].*)?$`)

func TestIngestCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	r := mustLede(t, db, "ingest", pagesDir)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != corpusSize+1 {
		t.Fatalf("%d lines, want one per page and a summary:\n%s", len(lines), r.stdout)
	}
	counts := map[string]int{}
	bySource := map[string][]string{}
	for _, line := range lines[:corpusSize] {
		m := ingestLineRE.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %q is not a new-story or update line", line)
		}
		counts[strings.TrimSpace(m[1])]++
		bySource[m[7]] = m
	}
	if counts["new-story"]+counts["update"] != corpusSize || counts["update"] < 20 {
		t.Errorf("statuses %v: want every page stored, many as updates", counts)
	}
	if m := bySource[leadPage]; m == nil || strings.TrimSpace(m[1]) != "update" || m[3] != "2" || m[5] != "(LEAD)  " ||
		m[6] != "S. Korea reports 3 more cases of novel coronavirus, total now at 15" {
		t.Errorf("line of the LEAD page: %q", m)
	}
	summary := regexp.MustCompile(`^104 inputs: (\d+) new stories, (\d+) updates, 0 duplicates, 0 errors in \d+\.\d\ds \(\d+ inputs/s\)$`)
	if !summary.MatchString(lines[corpusSize]) {
		t.Errorf("summary %q", lines[corpusSize])
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}

	list := storiesJSON(t, db)
	if len(list) != counts["new-story"] {
		t.Errorf("%d stories, but %d new-story lines", len(list), counts["new-story"])
	}
	if src := sources(list); len(src) != corpusSize {
		t.Errorf("%d sources stored, want %d", len(src), corpusSize)
	}
	s := storyWith(t, list, leadPage)
	if len(s.Versions) != 2 || s.Versions[0].Source != firstPage || s.Versions[0].Label != "" ||
		s.Versions[1].Source != leadPage || s.Versions[1].Label != "LEAD" || s.Versions[1].Seq != 1 ||
		s.Versions[1].Date != "2020-02-02" || s.Updated != "2020-02-02" {
		t.Errorf("story of the LEAD page: %+v", s)
	}
	// The corpus story with three versions: first, 2nd LD, 3rd LD.
	s = storyWith(t, list, pagesDir+"/AEN20200201001253320.txt")
	var labels []string
	for _, v := range s.Versions {
		labels = append(labels, v.Label)
	}
	if strings.Join(labels, "|") != "|2nd LD|3rd LD" {
		t.Errorf("story %s has versions %q, want first, 2nd LD, 3rd LD", s.ID, labels)
	}

	// Again: nothing new, every line a duplicate naming its place.
	again := mustLede(t, db, "ingest", pagesDir)
	lines = strings.Split(strings.TrimSuffix(again.stdout, "\n"), "\n")
	dup := regexp.MustCompile(`^duplicate  (\S+)@(\d+) (r\d+)  (\S+)$`)
	for _, line := range lines[:len(lines)-1] {
		m := dup.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("second ingest: line %q is not a duplicate", line)
		}
		if want := bySource[m[4]]; want[2] != m[1] || want[4] != m[3] {
			t.Errorf("duplicate %s names %s %s, first stored as %s %s", m[4], m[1], m[3], want[2], want[4])
		}
	}
	if len(lines) != corpusSize+1 || !strings.HasPrefix(lines[corpusSize], "104 inputs: 0 new stories, 0 updates, 104 duplicates, 0 errors in ") {
		t.Errorf("second ingest summary %q", lines[len(lines)-1])
	}
	if after := storiesJSON(t, db); !reflect.DeepEqual(after, list) {
		t.Errorf("stories changed by a second ingest")
	}
	if r := mustLede(t, db, "check"); r.stdout != "ok: "+plural(len(list), "story", "stories")+", 104 revisions\n" {
		t.Errorf("check: %q", r.stdout)
	}
}

// jsonIngestLine is one line of ingest --json.
type jsonIngestLine struct {
	Source   string   `json:"source"`
	Story    string   `json:"story"`
	Rev      int      `json:"rev"`
	Ref      string   `json:"ref"`
	Status   string   `json:"status"`
	Late     string   `json:"late"`
	Error    *string  `json:"error"`
	Marker   string   `json:"marker"`
	Headline string   `json:"headline"`
	Merged   []string `json:"merged"`
	// Summary is what an update changed (not in the contract).
	Summary *revision.UpdateSummary `json:"summary"`
}

func decodeIngestLines(t *testing.T, out string) []jsonIngestLine {
	t.Helper()
	var lines []jsonIngestLine
	for _, text := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var l jsonIngestLine
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("line %q is not an ingest object: %v", text, err)
		}
		lines = append(lines, l)
	}
	return lines
}

func TestIngestJSONLines(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	// One batch, so every rev is final when it is printed.
	r := mustLede(t, db, "ingest", pagesDir, "--json", "--batch", "1000")
	lines := decodeIngestLines(t, r.stdout)
	if len(lines) != corpusSize {
		t.Fatalf("%d JSON lines, want %d", len(lines), corpusSize)
	}
	if !strings.HasPrefix(r.stderr, "104 inputs: ") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr %q, want the summary alone", r.stderr)
	}
	list := storiesJSON(t, db)
	byID := map[string]jsonStory{}
	for _, s := range list {
		byID[s.ID] = s
	}
	for _, l := range lines {
		if l.Status != "new-story" && l.Status != "update" || l.Error != nil {
			t.Errorf("%s: status %q error %v", l.Source, l.Status, l.Error)
			continue
		}
		s, ok := byID[l.Story]
		if !ok || l.Rev < 1 || l.Rev > len(s.Versions) || s.Versions[l.Rev-1].Source != l.Source {
			t.Errorf("%s: line names %s@%d, which does not hold it", l.Source, l.Story, l.Rev)
			continue
		}
		if v := s.Versions[l.Rev-1]; v.Label != l.Marker || v.Headline != l.Headline {
			t.Errorf("%s: marker %q headline %q, stored %q %q", l.Source, l.Marker, l.Headline, v.Label, v.Headline)
		}
	}

	again := decodeIngestLines(t, mustLede(t, db, "ingest", "--json", pagesDir).stdout)
	for i, l := range again {
		if l.Status != "duplicate" || l.Story != lines[i].Story || l.Rev != lines[i].Rev || l.Source != lines[i].Source {
			t.Errorf("second run: %+v, want a duplicate of %s@%d", l, lines[i].Story, lines[i].Rev)
		}
	}
}

func TestIngestStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	page, err := os.ReadFile(leadPage)
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, fakeProc{stdin: string(page)}, "--db", db, "ingest", "-", "--json")
	lines := decodeIngestLines(t, r.stdout)
	if r.code != 0 || len(lines) != 1 || lines[0].Source != "-" || lines[0].Status != "new-story" || lines[0].Marker != "LEAD" {
		t.Fatalf("exit %d, lines %+v, stderr %s", r.code, lines, r.stderr)
	}
	if got := mustLede(t, db, "show", lines[0].Story).stdout; got != string(page) {
		t.Errorf("show gives back %d bytes, not the %d read from stdin", len(got), len(page))
	}
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

// corpusDB is a database holding the whole corpus, ingested once and
// copied for each test that changes it.
var corpusDB struct {
	once sync.Once
	dir  string
	path string
}

// ingestedCorpus returns a fresh copy of a database of the corpus.
func ingestedCorpus(t *testing.T) string {
	t.Helper()
	corpusDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "lede-corpus-")
		if err != nil {
			t.Fatal(err)
		}
		corpusDB.dir, corpusDB.path = dir, filepath.Join(dir, "lede.db")
		mustLede(t, corpusDB.path, "ingest", pagesDir)
	})
	db := filepath.Join(t.TempDir(), "lede.db")
	copyFile(t, corpusDB.path, db)
	return db
}

// jsonHistory is history --json.
type jsonHistory struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Headline string `json:"headline"`
	Updated  string `json:"updated"`
	Versions []struct {
		Rev      int          `json:"rev"`
		Source   string       `json:"source"`
		Label    string       `json:"label"`
		Seq      int          `json:"seq"`
		Flags    []string     `json:"flags"`
		Tags     []string     `json:"tags"`
		Headline string       `json:"headline"`
		Date     string       `json:"date"`
		Time     string       `json:"time"`
		Note     string       `json:"note"`
		Actions  []jsonAction `json:"actions"`
		Byline   string       `json:"byline"`
		Paras    int          `json:"paras"`
		Complete bool         `json:"complete"`
		Why      string       `json:"why"`
	} `json:"versions"`
}

func historyOf(t *testing.T, db, ref string) jsonHistory {
	t.Helper()
	var h jsonHistory
	if err := json.Unmarshal([]byte(mustLede(t, db, "history", "--json", ref).stdout), &h); err != nil {
		t.Fatal(err)
	}
	return h
}

func TestHistory(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), leadPage).ID
	h := historyOf(t, db, id)
	if h.ID != id || h.Headline != "S. Korea reports 3 more cases of novel coronavirus, total now at 15" || len(h.Versions) != 2 {
		t.Fatalf("history: %+v", h)
	}
	v1, v2 := h.Versions[0], h.Versions[1]
	if v1.Source != firstPage || v1.Label != "" || v1.Note != "" || v1.Paras != 5 || len(v1.Actions) != 0 || v1.Actions == nil {
		t.Errorf("version 1: %+v", v1)
	}
	if v2.Rev != 2 || v2.Source != leadPage || v2.Label != "LEAD" || v2.Seq != 1 || v2.Date != "2020-02-02" ||
		v2.Note != "UPDATES with more details from para 3; CHANGES photo" || v2.Paras != 7 || v2.Complete ||
		len(v2.Actions) != 2 || v2.Actions[0].Verb != "UPDATES" || v2.Actions[1].Verb != "CHANGES" || v2.Why == "" {
		t.Errorf("version 2: %+v", v2)
	}

	text := mustLede(t, db, "history", id).stdout
	for _, want := range []string{
		id + "  (2 versions)\n",
		"  @2 r19  2020-02-02  LEAD    7 paras  S. Korea reports 3 more cases",
		"ATTN: UPDATES with more details from para 3; CHANGES photo\n",
		"cut off before (END)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("history lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "source") {
		t.Errorf("history shows sources without --verbose:\n%s", text)
	}
	if v := mustLede(t, db, "log", id, "-v").stdout; !strings.Contains(v, "source  "+leadPage+"\n") || !strings.Contains(v, "grouped ") {
		t.Errorf("history --verbose lacks source and grouping reason:\n%s", v)
	}
	if m := mustLede(t, db, "history", id+"@2").stdout; !strings.Contains(m, "> @2 r19  ") {
		t.Errorf("STORY@2 does not mark version 2:\n%s", m)
	}
}

func TestShow(t *testing.T) {
	db := ingestedCorpus(t)
	id := storyWith(t, storiesJSON(t, db), leadPage).ID
	for _, tt := range []struct{ ref, file string }{
		{id + "@1", firstPage}, {id + "@2", leadPage}, {id, leadPage},
	} {
		want, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := mustLede(t, db, "show", tt.ref).stdout; got != string(want) {
			t.Errorf("show %s: %d bytes differ from %s (%d bytes)", tt.ref, len(got), tt.file, len(want))
		}
	}

	var shown map[string]any
	if err := json.Unmarshal([]byte(mustLede(t, db, "show", "--json", id+"@2").stdout), &shown); err != nil {
		t.Fatal(err)
	}
	var parsed []map[string]any
	if err := json.Unmarshal([]byte(mustLede(t, db, "parse", "--json", leadPage).stdout), &parsed); err != nil {
		t.Fatal(err)
	}
	if shown["story"] != id || shown["rev"] != 2.0 {
		t.Errorf("show --json story %v rev %v, want %s 2", shown["story"], shown["rev"], id)
	}
	if shown["ref"] != storyWith(t, storiesJSON(t, db), leadPage).Versions[1].Ref {
		t.Errorf("show --json ref %v, want the LEAD's ref in stories --json", shown["ref"])
	}
	delete(shown, "story")
	delete(shown, "rev")
	delete(shown, "ref")
	if !reflect.DeepEqual(shown, parsed[0]) {
		t.Errorf("show --json differs from parse --json of the file:\n%v\n%v", shown, parsed[0])
	}
}

// uniquePrefix is the shortest prefix of id that no other id shares.
func uniquePrefix(id string, ids []string) string {
	for n := 1; n < len(id); n++ {
		p := id[:n]
		if !slices.ContainsFunc(ids, func(o string) bool { return o != id && strings.HasPrefix(o, p) }) {
			return p
		}
	}
	return id
}

func TestStoryPrefixes(t *testing.T) {
	db := ingestedCorpus(t)
	list := storiesJSON(t, db)
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	id := storyWith(t, list, leadPage).ID
	p := uniquePrefix(id, ids)
	if len(p) >= len(id) {
		t.Fatalf("%s has no unique prefix", id)
	}
	if h := historyOf(t, db, p); h.ID != id {
		t.Errorf("prefix %q names %s, want %s", p, h.ID, id)
	}
	short := p[:len(p)-1]
	var sharing []string
	for _, o := range ids {
		if strings.HasPrefix(o, short) {
			sharing = append(sharing, o)
		}
	}
	r := ledeDB(t, db, "show", short)
	if r.code != 1 || !strings.Contains(r.stderr, "lede: error: \""+short+"\" is ambiguous: ") ||
		!strings.Contains(r.stderr, "hint: type more of the id") || r.stdout != "" {
		t.Errorf("ambiguous %q: exit %d, stderr %q", short, r.code, r.stderr)
	}
	for _, o := range sharing[:min(len(sharing), 5)] {
		if !strings.Contains(r.stderr, o) {
			t.Errorf("ambiguity message lacks candidate %s: %q", o, r.stderr)
		}
	}
	for _, args := range [][]string{{"history", "zz"}, {"show", "zz@1"}, {"merge", id, "zz"}, {"split", "zz@2"}} {
		r := ledeDB(t, db, args...)
		if r.code != 1 || r.stderr != "lede: error: no story matches \"zz\"\nhint: run 'lede stories' to list story ids\n" {
			t.Errorf("%q: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if r := ledeDB(t, db, "show", id+"@3"); r.code != 1 || !strings.Contains(r.stderr, "has revisions 1 to 2, not 3") {
		t.Errorf("show @3 of a 2-version story: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestMergeSplitRoundTrip(t *testing.T) {
	db := ingestedCorpus(t)
	before := storiesJSON(t, db)
	id := storyWith(t, before, leadPage).ID

	var sp struct {
		Story        string `json:"story"`
		Versions     int    `json:"versions"`
		From         string `json:"from"`
		FromVersions int    `json:"from_versions"`
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "split", "--json", id+"@2").stdout), &sp); err != nil {
		t.Fatal(err)
	}
	if sp.Story == "" || sp.Story == id || sp.From != id || sp.Versions != 1 || sp.FromVersions != 1 {
		t.Fatalf("split: %+v", sp)
	}
	mid := storiesJSON(t, db)
	if len(mid) != len(before)+1 || storyWith(t, mid, leadPage).ID != sp.Story || storyWith(t, mid, firstPage).ID != id {
		t.Errorf("after split: %d stories (want %d), lead in %s", len(mid), len(before)+1, storyWith(t, mid, leadPage).ID)
	}
	mustLede(t, db, "check")

	out := mustLede(t, db, "merge", id, sp.Story).stdout
	if out != id+"  merged "+sp.Story+" into it: 2 versions\n" {
		t.Errorf("merge printed %q", out)
	}
	if after := storiesJSON(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("merge did not undo the split")
	}
	// The merged id keeps naming the story.
	if h := historyOf(t, db, sp.Story); h.ID != id || len(h.Versions) != 2 {
		t.Errorf("history %s: %s with %d versions", sp.Story, h.ID, len(h.Versions))
	}
	mustLede(t, db, "check")

	if r := ledeDB(t, db, "merge", id, id); r.code != 1 || !strings.Contains(r.stderr, "same story") {
		t.Errorf("merge with itself: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := ledeDB(t, db, "split", id+"@1"); r.code != 1 || !strings.Contains(r.stderr, "split needs a revision from 2 to 2") {
		t.Errorf("split @1: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestStoriesFilters(t *testing.T) {
	db := ingestedCorpus(t)
	all := storiesJSON(t, db)
	for i := 1; i < len(all); i++ {
		// Newest first; stories whose year is unknown sort by their
		// story's year, so compare only complete dates.
		a, b := all[i-1].Updated, all[i].Updated
		if !strings.HasPrefix(a, "--") && !strings.HasPrefix(b, "--") && a < b {
			t.Errorf("story %d updated %s after story %d updated %s", i, b, i-1, a)
		}
	}
	decode := func(args ...string) []jsonStory {
		var list []jsonStory
		if err := json.Unmarshal([]byte(mustLede(t, db, append([]string{"ls", "--json"}, args...)...).stdout), &list); err != nil {
			t.Fatal(err)
		}
		return list
	}
	if got := decode("--limit", "3"); len(got) != 3 || got[0].ID != all[0].ID || got[2].ID != all[2].ID {
		t.Errorf("--limit 3 gave %d stories", len(got))
	}
	for _, s := range decode("--since", "2023-01-01") {
		if s.Updated < "2023-01-01" && !strings.HasPrefix(s.Updated, "--") {
			t.Errorf("--since 2023-01-01 lists %s updated %s", s.ID, s.Updated)
		}
	}
	if got := decode("--since", "2099-01-01"); len(got) != 0 {
		t.Errorf("--since in the future lists %d stories", len(got))
	}
	// --grep against every version's headline, computed from the list.
	matching := func(match func(string) bool) []string {
		var ids []string
		for _, s := range all {
			if slices.ContainsFunc(s.Versions, func(v jsonVersion) bool { return match(v.Headline) }) {
				ids = append(ids, s.ID)
			}
		}
		return ids
	}
	idsOf := func(list []jsonStory) []string {
		var ids []string
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		return ids
	}
	want := matching(func(h string) bool { return strings.Contains(h, "coronavirus") })
	if got := idsOf(decode("--grep", "coronavirus")); len(want) < 5 || !slices.Equal(got, want) {
		t.Errorf("--grep coronavirus: %v, want %v", got, want)
	}
	want = matching(func(h string) bool { return strings.Contains(strings.ToLower(h), "coronavirus") })
	if got := idsOf(decode("--grep", "CORONAVIRUS", "-i")); !slices.Equal(got, want) {
		t.Errorf("--grep CORONAVIRUS -i: %v, want %v", got, want)
	}

	text := mustLede(t, db, "stories", "--limit", "2").stdout
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "STORY ") || !strings.HasPrefix(lines[1], all[0].ID+" ") {
		t.Errorf("stories --limit 2:\n%s", text)
	}
}

func TestCheckAndMissingDatabase(t *testing.T) {
	db := ingestedCorpus(t)
	var c checkResult
	if err := json.Unmarshal([]byte(mustLede(t, db, "check", "--json").stdout), &c); err != nil {
		t.Fatal(err)
	}
	if !c.OK || c.Revisions != corpusSize || c.Stories != len(storiesJSON(t, db)) || c.Problems == nil {
		t.Errorf("check --json: %+v", c)
	}

	missing := filepath.Join(t.TempDir(), "none.db")
	for _, cmd := range [][]string{{"stories"}, {"history", "x"}, {"show", "x"}, {"check"}} {
		r := ledeDB(t, missing, cmd...)
		if r.code != 1 || r.stderr != "lede: error: no database at "+missing+"\nhint: run 'lede ingest DIR' first\n" || r.stdout != "" {
			t.Errorf("%s on a missing database: exit %d, stderr %q", cmd[0], r.code, r.stderr)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("a read command created %s", missing)
	}
}

// TestNoHeadlineShowsLead: a story whose page shows no headline is listed
// with how its lead begins, kept at ingest.
func TestNoHeadlineShowsLead(t *testing.T) {
	db := ingestedDB(t)
	r := runIn(t, fakeProc{}, "--db", db, "stories", "--limit", "3")
	want := "(no headline) North Korean leader Kim Jong-un and Russian President Vladim..."
	if r.code != 0 || !strings.Contains(r.stdout, "230913-north-korean-leader-kim") || !strings.Contains(r.stdout, want) {
		t.Errorf("stories: exit %d, want a line with %q\n%s", r.code, want, r.stdout)
	}
}

// TestAmbiguousPrefixCounts: a prefix of many stories names the first
// ten and counts the rest, and one of seven names all seven (it once
// named six and stopped without saying so).
func TestAmbiguousPrefixCounts(t *testing.T) {
	db := ingestedCorpus(t)
	var ids []string
	for _, s := range storiesJSON(t, db) {
		ids = append(ids, s.ID)
	}
	count := func(prefix string) (n int, first []string) {
		for _, id := range ids {
			if strings.HasPrefix(id, prefix) {
				n++
			}
		}
		sorted := slices.Sorted(slices.Values(slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return !strings.HasPrefix(id, prefix) })))
		return n, sorted
	}
	n, all := count("2002")
	r := ledeDB(t, db, "history", "2002")
	if n < 7 || !strings.Contains(r.stderr, fmt.Sprintf(`"2002" is ambiguous: %d stories match: %s`+"\n", n, strings.Join(all, ", "))) {
		t.Errorf("history 2002 (%d stories): %q", n, r.stderr)
	}
	n, all = count("2")
	r = ledeDB(t, db, "history", "2")
	if n <= 10 || !strings.Contains(r.stderr, fmt.Sprintf(`%d stories match: %s, and %d more`+"\n", n, strings.Join(all[:10], ", "), n-10)) {
		t.Errorf("history 2 (%d stories): %q", n, r.stderr)
	}
}

// TestMergeAsksForce: merging stories years and topics apart asks for
// --force and says why, leaving both as they were; --force merges.
func TestMergeAsksForce(t *testing.T) {
	db := ingestedCorpus(t)
	r := ledeDB(t, db, "merge", "200202-s-korea-reports-3", "220309-exit-polls-project-lee")
	want := "lede: error: 200202-s-korea-reports-3 and 220309-exit-polls-project-lee look like two stories: " +
		"their nearest versions are 766 days apart and their headlines share no telling word\nhint: merge them anyway with --force\n"
	if r.code != 1 || r.stderr != want {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if h := historyOf(t, db, "220309-exit-polls-project-lee"); h.ID != "220309-exit-polls-project-lee" || len(h.Versions) != 3 {
		t.Errorf("refused merge changed the story: %+v", h)
	}
	if out := mustLede(t, db, "merge", "200202-s-korea-reports-3", "220309-exit-polls-project-lee", "--force").stdout; !strings.Contains(out, "5 versions") {
		t.Errorf("--force: %s", out)
	}
}

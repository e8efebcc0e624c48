package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision/revisiontest"
)

// TestTakesJoinedCLI: the real AP89 pair "2 Takes" + "1st Add", ingested
// add first, is one version everywhere: stories --json, show (whole, and
// --as-received each part as it came), history, and the add again is a
// duplicate of that version.
func TestTakesJoinedCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	add, take := "../../testdata/ap/reagan-1st-add.txt", "../../testdata/ap/reagan-2takes.txt"
	for _, f := range []string{add, take} {
		if r := runBinary(t, "", nil, "--db", db, "ingest", f); r.code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", f, r.code, r.stderr)
		}
	}
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var stories []struct {
		ID       string `json:"id"`
		Versions []struct {
			Ref     string   `json:"ref"`
			ID      string   `json:"id"`
			Parts   []string `json:"parts"`
			ItemIDs []string `json:"item_ids"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil || len(stories) != 1 || len(stories[0].Versions) != 1 {
		t.Fatalf("stories --json: %v\n%s", err, r.stdout)
	}
	v := stories[0].Versions[0]
	if v.ID != "AP890102-0001" || len(v.Parts) != 2 || strings.Join(v.ItemIDs, " ") != "AP890102-0001 AP890102-0002" {
		t.Fatalf("version %+v, want take 1's id and both parts", v)
	}
	r = runBinary(t, "", nil, "--db", db, "show", "--json", v.Ref)
	var shown struct {
		Paragraphs []string `json:"paragraphs"`
		Headline   string   `json:"headline"`
		Parts      []string `json:"parts"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &shown); err != nil || len(shown.Paragraphs) != 39 || len(shown.Parts) != 2 ||
		!strings.HasPrefix(shown.Headline, "Historians") {
		t.Fatalf("show --json: %v, %d paragraphs, parts %v, headline %q", err, len(shown.Paragraphs), shown.Parts, shown.Headline)
	}
	if r = runBinary(t, "", nil, "--db", db, "show", v.Ref); !strings.Contains(r.stdout, "parts     2 joined in order: ") {
		t.Errorf("show text does not say what the version is made of:\n%.400s", r.stdout)
	}
	// Parts are listed in order: take 1, then the add. The version's ref
	// is the ref of the part that came first, the add: it names the
	// whole version, and --as-received prints both parts as they came.
	wantTake, _ := os.ReadFile(take)
	wantAdd, _ := os.ReadFile(add)
	if shown.Parts[1] != v.Ref {
		t.Fatalf("parts %v: the add (first to come) should be the version %s", shown.Parts, v.Ref)
	}
	if r = runBinary(t, "", nil, "--db", db, "show", shown.Parts[0], "--as-received"); r.stdout != string(wantTake) {
		t.Errorf("show %s --as-received is not the take as received:\n%.300s", shown.Parts[0], r.stdout)
	}
	if r = runBinary(t, "", nil, "--db", db, "show", v.Ref, "--as-received"); r.stdout != strings.TrimSuffix(string(wantAdd), "\n")+"\n"+string(wantTake) {
		t.Errorf("show %s --as-received is not both parts as received, in arrival order:\n%.300s", v.Ref, r.stdout)
	}
	if r = runBinary(t, "", nil, "--db", db, "history", stories[0].ID); !strings.Contains(r.stdout, "2 parts joined: ") ||
		!strings.Contains(r.stdout, "(1 version)") {
		t.Errorf("history:\n%s", r.stdout)
	}
	r = runBinary(t, "", nil, "--db", db, "ingest", "--json", add)
	if !strings.Contains(r.stdout, `"status":"duplicate"`) || !strings.Contains(r.stdout, `"ref":"`+v.Ref+`"`) {
		t.Errorf("the add again: %s", r.stdout)
	}
	if r = runBinary(t, "", nil, "--db", db, "check"); r.code != 0 {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestDiffFilesPartial: lede diff OLD NEW on two files, NEW a 1st Ld that
// picks up OLD's 2nd graf, compares the whole new version: OLD's
// paragraphs from the pick-up on are unchanged, not deleted.
func TestDiffFilesPartial(t *testing.T) {
	dir := t.TempDir()
	old := revisiontest.APDoc{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"An overloaded ferry sank, officials said.",
			"The ferry carried about 100 people.", "Rescuers pulled 40 from the water.", "The cause was not known."}}
	top := revisiontest.APDoc{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld",
		Head: "Ferry Sinks; 18 Dead", Eds: "LEADS with 2 grafs to UPDATE toll; picks up 2nd graf pvs, `The ferry...'",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"An overloaded ferry sank, killing 18, officials said.", "Fourteen were missing."}}
	oldPath, newPath := filepath.Join(dir, "first.txt"), filepath.Join(dir, "1st-ld.txt")
	os.WriteFile(oldPath, []byte(old.Text()), 0o644)
	os.WriteFile(newPath, []byte(top.Text()), 0o644)
	r := runBinary(t, "", nil, "parse", "--json", newPath)
	var parsed []struct {
		Partial bool            `json:"partial"`
		Pickup  json.RawMessage `json:"pickup"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &parsed); err != nil || len(parsed) != 1 || !parsed[0].Partial {
		t.Fatalf("parse: %v\n%s", err, r.stdout)
	}
	if len(parsed[0].Pickup) == 0 {
		t.Fatalf("parse does not read the pick-up:\n%s", r.stdout)
	}
	r = runBinary(t, "", nil, "diff", "--json", oldPath, newPath)
	var d struct {
		Paragraphs []struct {
			Op  string `json:"op"`
			Old *int   `json:"old"`
			New *int   `json:"new"`
		} `json:"paragraphs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || r.code != 0 {
		t.Fatalf("diff: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	var ops []string
	for _, p := range d.Paragraphs {
		ops = append(ops, p.Op)
	}
	if got := strings.Join(ops, " "); got != "change insert equal equal equal" {
		t.Errorf("paragraph ops %q, want the lead changed, one inserted and old paras 2-4 unchanged", got)
	}
}

// TestPartialCLI: a 1st Ld stored before the version it picks up from
// says "previous version missing" and reads as it came; once that
// version is stored, it is rebuilt on it (history says from what, show
// --json is the whole version) and show --as-received still prints the
// item as it came.
func TestPartialCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	first := revisiontest.APDoc{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"An overloaded ferry sank, officials said.",
			"The ferry carried about 100 people.", "The cause was not known."}}
	ld := revisiontest.APDoc{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld",
		Head: "Ferry Sinks; 18 Dead", Eds: "LEADS with 1 graf to UPDATE toll; picks up 2nd graf pvs, `The ferry...'",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"An overloaded ferry sank, killing 18, officials said."}}
	firstPath, ldPath := filepath.Join(dir, "first.txt"), filepath.Join(dir, "1st-ld.txt")
	os.WriteFile(firstPath, []byte(first.Text()), 0o644)
	os.WriteFile(ldPath, []byte(ld.Text()), 0o644)
	r := runBinary(t, "", nil, "--db", db, "ingest", "--json", ldPath)
	var line ingestLine
	if err := json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &line); err != nil || r.code != 0 {
		t.Fatalf("ingest: exit %d, %v\n%s", r.code, err, r.stdout)
	}
	if h := runBinary(t, "", nil, "--db", db, "history", line.Story).stdout; !strings.Contains(h, "partial, previous version missing (shown as received)") {
		t.Errorf("history of the 1st Ld alone:\n%s", h)
	}
	if r := runBinary(t, "", nil, "--db", db, "ingest", firstPath); r.code != 0 {
		t.Fatalf("ingest the first version: exit %d\n%s", r.code, r.stderr)
	}
	h := runBinary(t, "", nil, "--db", db, "history", line.Story).stdout
	if strings.Contains(h, "previous version missing") || !strings.Contains(h, "partial: rebuilt on r2: para 1 from the item, paras 2-3 from r2 (its paras 2-3)") {
		t.Errorf("history once the first version is stored:\n%s", h)
	}
	if r := runBinary(t, "", nil, "--db", db, "show", line.Ref, "--as-received"); strings.TrimSpace(r.stdout) != strings.TrimSpace(ld.Text()) {
		t.Errorf("show --as-received:\n%s", r.stdout)
	}
	var shown struct {
		Partial    bool     `json:"partial"`
		Base       string   `json:"base"`
		Paragraphs []string `json:"paragraphs"`
	}
	r = runBinary(t, "", nil, "--db", db, "show", line.Ref, "--json")
	if err := json.Unmarshal([]byte(r.stdout), &shown); err != nil || !shown.Partial || shown.Base != "r2" ||
		len(shown.Paragraphs) != 3 || shown.Paragraphs[1] != first.Paras[1] {
		t.Errorf("show --json: %v %+v\n%s", err, shown, r.stdout)
	}
}

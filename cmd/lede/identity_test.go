package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
)

// testItemHead opens an input of the test format: a revision as JSON,
// the fields a keyed format gives, so that the commands can be tested on
// agencies' keys, versions and kills before a parser of a real keyed
// format is on this branch. No real input begins so.
const testItemHead = "LEDE-TEST-ITEM\n"

func init() {
	revision.RegisterFormat(revision.Format{
		Name:   "lede-test-item",
		Rank:   revision.RankSigned,
		Detect: func(head []byte) bool { return bytes.HasPrefix(head, []byte(testItemHead)) },
		Parse: func(source string, data []byte) (*revision.Revision, error) {
			var r revision.Revision
			if err := json.Unmarshal(bytes.TrimPrefix(data, []byte(testItemHead)), &r); err != nil {
				return nil, &revision.InputError{Reason: err.Error()}
			}
			return &r, nil
		},
	})
}

// testItem writes an input of the test format.
func testItem(t *testing.T, path string, r revision.Revision) string {
	t.Helper()
	r.RawHeadline, r.Complete = r.Headline, true
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, testItemHead+string(js)+"\n")
	return path
}

// TestStoriesOfAgencies: a Reuters story corrected then canceled under
// one guid is one story, killed, in stories --json and history; an AP
// story with the same headline stays apart; with two agencies stored the
// listing names each story's, and --agency keeps one agency's.
func TestStoriesOfAgencies(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	day := revision.Date{Year: 2016, Month: 1, Day: 20}
	body := []string{
		"LONDON (Reuters) - Oil prices fell below $28 a barrel on Wednesday as a glut of crude showed no sign of easing.",
		"Brent crude futures were down 95 cents at $27.81 a barrel by 1030 GMT, the lowest since 2003.",
		"Traders said Iran's return to the market after the lifting of sanctions added to the oversupply.",
	}
	guid := "tag:reuters.com,2016:newsml_L1N14N0FF"
	rt := func(v int, status revision.Status, signals ...string) revision.Revision {
		return revision.Revision{Agency: "Reuters", ID: guid + ":" + string(rune('0'+v)), Key: guid, Version: v,
			Headline: "Oil falls below $28 as glut persists", Date: day, Paragraphs: body, Status: status, Signals: signals,
			Transmitted: "2016-01-20T10:3" + string(rune('0'+v)) + ":00Z"}
	}
	files := []string{
		testItem(t, filepath.Join(dir, "rt1.item"), rt(1, revision.StatusUsable)),
		testItem(t, filepath.Join(dir, "rt2.item"), rt(2, revision.StatusUsable, revision.SignalCorrection)),
		testItem(t, filepath.Join(dir, "rt3.item"), rt(3, revision.StatusCanceled, revision.SignalKill)),
		testItem(t, filepath.Join(dir, "ap1.item"), revision.Revision{Agency: "AP", ID: "a0123", Key: "BC-Oil-Prices@20160120",
			Headline: "Oil falls below $28 as glut persists", Date: day, Status: revision.StatusUsable,
			Paragraphs: []string{"NEW YORK (AP) - Oil fell below $28 a barrel on Wednesday.", "Benchmark U.S. crude lost 3 percent."}}),
	}
	if r := runIn(t, fakeProc{}, append([]string{"--db", db, "ingest"}, files...)...); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runIn(t, fakeProc{}, "--db", db, "stories", "--json")
	var list []struct {
		ID, Status string
		Versions   []struct{ ID, Agency, Status string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 2 {
		t.Fatalf("stories --json: %v, %d stories\n%s", err, len(list), r.stdout)
	}
	byAgency := map[string]int{}
	for i, s := range list {
		byAgency[s.Versions[0].Agency] = i
	}
	killed, ap := list[byAgency["Reuters"]], list[byAgency["AP"]]
	if killed.Status != "killed" || len(killed.Versions) != 3 || killed.Versions[2].Status != "canceled" || killed.Versions[2].ID != guid+":3" {
		t.Errorf("Reuters story: %+v, want three versions, the last canceled, and status killed", killed)
	}
	if ap.Status != "usable" || len(ap.Versions) != 1 || ap.Versions[0].ID != "a0123" {
		t.Errorf("AP story: %+v, want one usable version a0123", ap)
	}
	r = runIn(t, fakeProc{}, "--db", db, "stories")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "AGENCY") || !strings.Contains(r.stdout, "Reuters         3  v3") ||
		!strings.Contains(r.stdout, "[killed] Oil falls") {
		t.Errorf("stories of two agencies:\n%s", r.stdout)
	}
	r = runIn(t, fakeProc{}, "--db", db, "stories", "--agency", "ap")
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[1], ap.ID) {
		t.Errorf("stories --agency ap:\n%s", r.stdout)
	}
	r = runIn(t, fakeProc{}, "--db", db, "history", "--verbose", killed.ID)
	if !strings.Contains(r.stdout, "(3 versions, killed)") || !strings.Contains(r.stdout, "canceled, kill") ||
		!strings.Contains(r.stdout, "Reuters "+guid+":2\n") || !strings.Contains(r.stdout, "grouped same story key") {
		t.Errorf("history of the killed story:\n%s", r.stdout)
	}
	r = runIn(t, fakeProc{}, "--db", db, "history", "--json", killed.ID)
	var detail struct {
		Status   string
		Versions []struct{ Key, Status, Transmitted string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &detail); err != nil || detail.Status != "killed" || len(detail.Versions) != 3 ||
		detail.Versions[0].Key != guid || detail.Versions[2].Transmitted != "2016-01-20T10:33:00Z" {
		t.Errorf("history --json: %v %+v", err, detail)
	}
}

// TestKilledNITFStory runs the built binary on NITF: version 3 of a story
// (made from the NITF parser's hand-made kill notice, made usable and
// given text) and the kill notice itself, version 4 of the same du-key,
// withdrawing it. They are one story, killed, in stories --json and
// history --json, whose versions name their doc-ids and agency.
func TestKilledNITFStory(t *testing.T) {
	kill, err := os.ReadFile("../../revision/nitf/testdata/canceled_idref.xml")
	if err != nil {
		t.Fatal(err)
	}
	v3 := strings.NewReplacer(
		`management-status="canceled" management-doc-idref="xmp.20240311.bridge.3"`, `management-status="usable"`,
		"bridge.4", "bridge.3", `version="4"`, `version="3"`, "174500Z", "160000Z",
		`<ed-msg info="KILL: This story has been withdrawn. Do not use."/>`, "",
		"KILLED: Bridge collapses", "Bridge collapses",
		"<body.content/>", "<body.content><p>A road bridge collapsed into the river on Monday, officials said.</p>"+
			"<p>Two cars fell with it; their drivers were rescued.</p></body.content>",
	).Replace(string(kill))
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a-v3.xml"), v3)
	writeFile(t, filepath.Join(dir, "b-kill.xml"), string(kill))
	db := filepath.Join(dir, "lede.db")
	if r := runBinary(t, "", nil, "--db", db, "ingest", filepath.Join(dir, "a-v3.xml"), filepath.Join(dir, "b-kill.xml")); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var list []struct {
		ID, Status string
		Versions   []struct{ ID, Agency, Status string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories --json: %v, %d stories\n%s", err, len(list), r.stdout)
	}
	s := list[0]
	if s.Status != "killed" || len(s.Versions) != 2 || s.Versions[0].ID != "xmp.20240311.bridge.3" ||
		s.Versions[1].ID != "xmp.20240311.bridge.4" || s.Versions[1].Status != "canceled" || s.Versions[0].Agency != "XMP" {
		t.Errorf("story: %+v, want versions bridge.3 (usable) and bridge.4 (canceled) of XMP, killed", s)
	}
	r = runBinary(t, "", nil, "--db", db, "history", "--json", s.ID)
	var detail struct {
		Status   string
		Versions []struct {
			Key     string
			Version int
			Refs    []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &detail); err != nil || detail.Status != "killed" || len(detail.Versions) != 2 ||
		detail.Versions[1].Key != "XMP:bridge-collapse" || detail.Versions[1].Version != 4 || len(detail.Versions[1].Refs) != 1 {
		t.Errorf("history --json: %v %+v", err, detail)
	}
}

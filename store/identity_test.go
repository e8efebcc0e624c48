package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"lede/revision"
)

// item is a revision as a keyed format gives it, made by hand so that
// each test shows one rule of story identity.
type item struct {
	agency, key, id string
	version         int
	headline        string
	date            revision.Date
	paras           []string
	status          revision.Status
	signals         []string
	transmitted     string
}

func (it item) input() Input {
	r := &revision.Revision{
		Format: "test", Agency: it.agency, ID: it.id, Key: it.key, Version: it.version,
		Headline: it.headline, RawHeadline: it.headline, Date: it.date,
		Marker: revision.Marker{Seq: it.version}, Paragraphs: it.paras,
		Status: it.status, Signals: it.signals, Transmitted: it.transmitted,
	}
	if r.Status == "" {
		r.Status = revision.StatusUsable
	}
	raw, _ := json.Marshal(r)
	return Input{Source: it.agency + "/" + it.id, Raw: raw, Rev: r}
}

func store1(t *testing.T, db *DB, items ...item) []Result {
	t.Helper()
	var ins []Input
	for _, it := range items {
		ins = append(ins, it.input())
	}
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

var (
	jan2  = revision.Date{Year: 1989, Month: 1, Day: 2}
	ferry = []string{
		"PUERTO BARRIOS, Guatemala (AP) - An overloaded ferry capsized and sank in the Caribbean on Monday, police said.",
		"The ferry was carrying about 100 passengers from Puerto Barrios to the village of Livingston when it went down.",
		"Survivors said the boat began to take on water in heavy seas about a mile from the dock and turned over within minutes.",
		"Navy boats and fishermen pulled dozens of people from the water and searched the coast for others through the night.",
		"The ferry had room for 40 passengers, according to the port captain, who said its owner would be questioned.",
	}
	quake = []string{
		"MEXICO CITY (AP) - An earthquake shook southern Mexico on Monday, cracking walls and sending people into the streets.",
		"The quake was centred near the Pacific coast of Guerrero state, the national seismological service said.",
		"There were no immediate reports of deaths, though several old buildings in Acapulco were damaged.",
	}
)

// TestSameKeyJoinsWhateverTheText: a writethru that rewrites headline and
// text joins its story by the key alone, and lists its agency and id.
func TestSameKeyJoinsWhateverTheText(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db,
		item{agency: "AP", key: "AM-Guatemala-Shipwreck@19890102", id: "AP890102-0001", headline: "Ferry Sinks off Guatemala", date: jan2, paras: ferry},
		item{agency: "AP", key: "AM-Guatemala-Shipwreck@19890102", id: "AP890102-0002", version: 1,
			headline: "Overloaded Guatemalan Ferry Sinks; 67 Dead, 14 Missing", date: jan2, paras: quake})
	if res[1].Status != StatusUpdate || res[1].Story != res[0].Story || res[1].Why != "same story key" {
		t.Fatalf("writethru: %+v, want an update of %s by its key", res[1], res[0].Story)
	}
	s, err := db.Story(res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Versions[1]; v.ID != "AP890102-0002" || v.Agency != "AP" || v.Version != 1 || v.Status != revision.StatusUsable {
		t.Errorf("version 2 lists id %q agency %q version %d status %q", v.ID, v.Agency, v.Version, v.Status)
	}
	mustCheck(t, db)
}

// TestOtherKeysOfOneAgency: two stories of one agency with alike
// headlines stay apart by their keys; a third key carrying the first's
// body (the story filed again under a new slug) joins it.
func TestOtherKeysOfOneAgency(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db,
		item{agency: "AP", key: "AM-Ferry@19890102", id: "a1", headline: "Ferry sinks off Guatemala, dozens missing", date: jan2, paras: ferry},
		item{agency: "AP", key: "AM-Ferry-Two@19890102", id: "a2", headline: "Ferry sinks off Guatemala, dozens missing",
			date: jan2, paras: []string{ferry[0], "A second ferry, on the route to Honduras, also went down on Monday.", "Its crew of four was rescued."}})
	if res[1].Status != StatusNewStory {
		t.Fatalf("second key with the same headline: %+v, want a new story", res[1])
	}
	res = store1(t, db, item{agency: "AP", key: "PM-Ferry@19890102", id: "a3", version: 1,
		headline: "Guatemala ferry toll rises", date: jan2, paras: append(append([]string{}, ferry...), "The toll rose to 67 on Tuesday.")})
	if res[0].Status != StatusUpdate || !strings.HasPrefix(res[0].Why, "same body") {
		t.Fatalf("third key with the first's body: %+v, want an update by the same body", res[0])
	}
	first, _ := db.Story("890102-ferry-sinks-off-guatemala")
	if len(first.Versions) != 2 || first.Versions[1].ID != "a3" {
		t.Errorf("first story holds %d versions (%+v), want a1 and a3", len(first.Versions), first.Versions)
	}
	mustCheck(t, db)
}

// TestKeysOfTwoAgencies: a Reuters item with the same key string as an AP
// story and a headline like it is a story of its own.
func TestKeysOfTwoAgencies(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db,
		item{agency: "AP", key: "GUATEMALA-FERRY", id: "ap1", headline: "Ferry sinks off Guatemala, dozens missing", date: jan2, paras: ferry},
		item{agency: "Reuters", key: "GUATEMALA-FERRY", id: "rt1", headline: "Ferry sinks off Guatemala, dozens missing",
			date: jan2, paras: []string{"PUERTO BARRIOS, Guatemala (Reuters) - Dozens of people were missing after a ferry sank on Monday.", "Rescuers searched the bay."}})
	if res[1].Status != StatusNewStory {
		t.Fatalf("Reuters item: %+v, want a story of its own", res[1])
	}
	list, err := db.Stories(ListOptions{Agency: "reuters"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Versions[0].ID != "rt1" {
		t.Errorf("--agency reuters lists %+v, want the Reuters story only", list)
	}
	if got, _ := db.Agencies(); fmt.Sprint(got) != "[AP Reuters]" {
		t.Errorf("agencies %v, want [AP Reuters]", got)
	}
}

// TestVersionsInTheAgencysOrder: versions of one key are ordered by
// their version numbers when their dates tie (whatever their arrival and
// transmission times) and when their dates disagree with them, even by
// months (so the story of the key is found beyond the days around a
// date); items of one version by their transmission times.
func TestVersionsInTheAgencysOrder(t *testing.T) {
	db := openTemp(t)
	k := "urn:newsml:stt.fi:20171219:101801633"
	dec, oct := revision.Date{Year: 2017, Month: 12, Day: 19}, revision.Date{Year: 2017, Month: 10, Day: 18}
	store1(t, db,
		item{agency: "STT", key: k, id: k + ":3", version: 3, headline: "Three", date: dec, paras: ferry, transmitted: "2017-12-19T08:00:00Z"},
		item{agency: "STT", key: k, id: k + ":1", version: 1, headline: "One", date: dec, paras: quake, transmitted: "2017-12-19T10:00:00Z"})
	store1(t, db, item{agency: "STT", key: k, id: k + ":4", version: 4, headline: "Four", date: oct, paras: quake})
	store1(t, db,
		item{agency: "STT", key: k, id: k + ":2b", version: 2, headline: "Two again", date: dec, paras: ferry[:2], transmitted: "2017-12-19T09:30:00Z"},
		item{agency: "STT", key: k, id: k + ":2", version: 2, headline: "Two", date: dec, paras: ferry[:3], transmitted: "2017-12-19T09:00:00+00:00"})
	list, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("%d stories, want one", len(list))
	}
	var got []string
	for _, v := range list[0].Versions {
		got = append(got, strings.TrimPrefix(v.ID, k+":"))
	}
	if strings.Join(got, " ") != "1 2 2b 3 4" {
		t.Errorf("versions in order %v, want 1 2 2b 3 4", got)
	}
	if v := list[0].Latest(); v.Date != oct {
		t.Errorf("version 4 shows date %v, want its own %v", v.Date, oct)
	}
	mustCheck(t, db)
}

// TestStoryStatusIsItsLatestWord: a story is corrected while its latest
// version is a correction and killed once its latest is a kill, in the
// listing and in history's detail.
func TestStoryStatusIsItsLatestWord(t *testing.T) {
	db := openTemp(t)
	k := "tag:reuters.com,2016:newsml_L1N14N0FF"
	it := item{agency: "Reuters", key: k, id: k + ":1", version: 1, headline: "Ferry sinks", date: jan2, paras: ferry}
	res := store1(t, db, it)
	status := func() StoryStatus {
		s, err := db.Story(res[0].Story)
		if err != nil {
			t.Fatal(err)
		}
		if d := s.Detail(); d.Status != s.Status {
			t.Errorf("detail status %q, story %q", d.Status, s.Status)
		}
		return s.Status
	}
	if got := status(); got != StoryUsable {
		t.Errorf("first version: %q, want usable", got)
	}
	it.id, it.version, it.signals = k+":2", 2, []string{revision.SignalCorrection}
	store1(t, db, it)
	if got := status(); got != StoryCorrected {
		t.Errorf("after a correction: %q, want corrected", got)
	}
	it.id, it.version, it.signals, it.status = k+":3", 3, nil, revision.StatusCanceled
	it.paras = []string{"This story has been withdrawn."}
	store1(t, db, it)
	if got := status(); got != StoryKilled {
		t.Errorf("after a cancel: %q, want killed", got)
	}
	list, _ := db.Stories(ListOptions{})
	js, _ := json.Marshal(list)
	if !strings.Contains(string(js), `"status":"killed"`) || !strings.Contains(string(js), `"status":"canceled"`) {
		t.Errorf("listing JSON lacks the story's or the version's status: %s", js)
	}
}

// TestKeyIndexFollowsSplitsAndRemovals: the story key index stays true
// to the revisions (Check) when a keyed story is split and a version
// removed, and a later version of the key still finds a story.
func TestKeyIndexFollowsSplitsAndRemovals(t *testing.T) {
	db := openTemp(t)
	it := func(v int) item {
		return item{agency: "AP", key: "AM-Ferry@19890102", id: fmt.Sprint("v", v), version: v,
			headline: fmt.Sprint("Ferry sinks, version ", v), date: jan2, paras: ferry[:v+1]}
	}
	res := store1(t, db, it(0), it(1), it(2))
	if res[2].Story != res[0].Story {
		t.Fatalf("versions of one key in two stories: %+v", res)
	}
	if _, err := db.Split(res[0].Story, 3); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	if _, err := db.Remove(res[0].Story, 2, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	res = store1(t, db, it(3))
	if res[0].Status != StatusUpdate {
		t.Errorf("a version after split and removal: %+v, want an update", res[0])
	}
	mustCheck(t, db)
}

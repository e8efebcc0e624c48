package store

import (
	"strings"
	"testing"

	"lede/revision/yonhap"
)

// TestResultsSayWhereRevisionsEnded: when a later input of a batch
// displaces an earlier one into a story of its own, the earlier input's
// result names that story and its place there.
func TestResultsSayWhereRevisionsEnded(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	// The 2nd LD of another story (000952) shares the first version's
	// text and joins it first; the story's own 2nd LD (003652), whose
	// headline is the first version's with the figures updated, then
	// displaces it.
	res := ingest(t, db, pages["AEN20200301003600320"].in, pages["AEN20200301000952320"].in, pages["AEN20200301003652320"].in)
	for _, r := range res {
		st, err := db.Story(r.Story)
		if err != nil {
			t.Fatalf("%s: result names %q: %v", r.Source, r.Story, err)
		}
		if r.Rev < 1 || r.Rev > len(st.Versions) || st.Versions[r.Rev-1].Source != r.Source {
			t.Errorf("%s: result says %s@%d, which holds %v", r.Source, r.Story, r.Rev, st.Versions)
		}
	}
	if res[1].Story == res[0].Story {
		t.Errorf("the displaced 2nd LD still reported in %s", res[0].Story)
	}
	// Statuses follow where revisions ended: the copy and the first
	// version each lead a story the batch made.
	if res[0].Status != StatusNewStory || res[1].Status != StatusNewStory || res[2].Status != StatusUpdate {
		t.Errorf("statuses %s, %s, %s; want new-story, new-story, update", res[0].Status, res[1].Status, res[2].Status)
	}
	if res[2].Story != res[0].Story || res[0].Rev != 1 || res[2].Rev != 2 {
		t.Errorf("first version and its 2nd LD: %s@%d and %s@%d, want one story, revisions 1 and 2",
			res[0].Story, res[0].Rev, res[2].Story, res[2].Rev)
	}
	mustCheck(t, db)
}

// TestBridgeInOneBatchCountsOneNewStory: a first version and a 2nd LD
// that share nothing land as two stories until their LEAD, which repeats
// both, merges them. Reported after the batch, the one story the batch
// made has one new-story line.
func TestBridgeInOneBatchCountsOneNewStory(t *testing.T) {
	page := func(name, head, note string, paras ...string) Input {
		text := " date 2020-08-24 " + head + "\n"
		if note != "" {
			text += note + "\n"
		}
		text += strings.Join(paras, "\n") + "\nweather@yna.co.kr\n(END)\n"
		return Input{Source: name, Raw: []byte(text), Rev: yonhap.Parse(name, text)}
	}
	early := []string{
		"Typhoon Bavi was moving north over the East China Sea at 20 kilometers per hour on Monday morning, the Korea Meteorological Administration said in its latest bulletin.",
		"The storm carried maximum winds of 35 meters per second near its center, strong enough to uproot trees and bring down power lines along the coast.",
		"Ferry services between Mokpo and the southern islands were suspended as waves of up to five meters battered the ports, local officials said.",
		"Airlines cancelled dozens of flights to and from the resort island, stranding thousands of summer holidaymakers at the terminal overnight.",
	}
	late := []string{
		"Emergency workers in South Jeolla Province cleared fallen signboards from streets while the provincial government opened shelters in school gymnasiums for evacuees.",
		"Farmers in the Honam region rushed to harvest pears and apples ahead of the storm, fearing a repeat of the losses suffered during last year's typhoon season.",
		"The interior ministry raised the disaster alert to its highest level for Jeju and the southwestern provinces, putting about 6,000 public servants on standby.",
		"Nuclear plant operators in Yeonggwang said they were monitoring the reactors closely and would halt operations if winds exceeded safety limits overnight.",
	}
	lead := "SEOUL, Aug. 24 (Yonhap) -- Typhoon Bavi is forecast to pass Jeju Island on Wednesday before striking the west coast, the weather agency said."
	first := page("first", "Typhoon Bavi heads toward Jeju", "", append([]string{lead}, early...)...)
	second := page("second", "(2nd LD) Emergency steps in place as storm nears", "(ATTN: RECASTS headline, lead; ADDS details throughout)",
		append([]string{"SEOUL, Aug. 24 (Yonhap) -- Authorities put emergency measures in place Monday as a powerful storm approached the southwestern provinces."}, late...)...)
	bridge := page("lead", "(LEAD) Typhoon Bavi heads toward Jeju", "(ATTN: ADDS details in paras 6-9)",
		append(append([]string{lead}, early...), late...)...)

	res := ingest(t, openTemp(t), first, second, bridge)
	if res[0].Story != res[1].Story || res[1].Story != res[2].Story {
		t.Fatalf("stories %s, %s, %s: want one (%s)", res[0].Story, res[1].Story, res[2].Story, res[2].Why)
	}
	if len(res[2].Merged) != 1 {
		t.Errorf("LEAD merged %v, want the 2nd LD's story", res[2].Merged)
	}
	if got := []Status{res[0].Status, res[1].Status, res[2].Status}; got[0] != StatusNewStory || got[1] != StatusUpdate || got[2] != StatusUpdate {
		t.Errorf("statuses %v, want new-story, update, update", got)
	}
	if res[0].Rev != 1 || res[2].Rev != 2 || res[1].Rev != 3 {
		t.Errorf("revs %d, %d, %d; want 1, 3, 2", res[0].Rev, res[1].Rev, res[2].Rev)
	}
}

package store

import (
	"fmt"
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// ferryChain is a story AP sent as a first version, a 1st Ld partial
// (a new top picking up the first version's 2nd graf), a whole 2nd
// Ld-Writethru and a 3rd Ld partial picking up the writethru's 2nd graf.
func ferryChain() []revisiontest.APDoc {
	return []revisiontest.APDoc{
		{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks Off Guatemala",
			Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{
				"An overloaded ferry sank in the Bay of Amatique, officials said Monday.",
				"The ferry carried about 100 passengers, officials said.",
				"Rescuers pulled 40 people from the water.",
				"The cause of the sinking was not known."}},
		{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld", Ref: "a0201",
			Head: "Ferry Sinks; 18 Dead", Eds: "LEADS with 2 grafs to UPDATE toll; picks up 2nd graf pvs, `The ferry...'",
			Dateline: "PUERTO BARRIOS, Guatemala (AP)", Pickup: &revision.Pickup{Para: 2, Anchor: "The ferry"}, Paras: []string{
				"An overloaded ferry sank in the Bay of Amatique, killing at least 18 people, officials said Monday.",
				"Fourteen others were missing."}},
		{DocNo: "AP890105-0203", Time: "1100", Keyword: "AM-Ferry-Sinking", Version: "2nd Ld-Writethru", Ref: "a0202",
			Head: "Ferry Sinks; 67 Dead", Eds: "New throughout with toll; no pickup", Pickup: &revision.Pickup{None: true},
			Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{
				"An overloaded ferry sank in the Bay of Amatique, killing 67 people, officials said Monday.",
				"Rescuers searched through the night for 14 missing.",
				"The ferry carried about 100 passengers, twice its capacity.",
				"The cause of the sinking was under investigation."}},
		{DocNo: "AP890105-0204", Time: "1200", Keyword: "AM-Ferry-Sinking", Version: "3rd Ld", Ref: "a0203",
			Head: "Ferry Sinks; 70 Dead", Eds: "LEADS with 1 graf to UPDATE toll; picks up 2nd graf pvs, `Rescuers...'",
			Dateline: "PUERTO BARRIOS, Guatemala (AP)", Pickup: &revision.Pickup{Para: 2, Anchor: "Rescuers"}, Paras: []string{
				"An overloaded ferry sank in the Bay of Amatique, killing 70 people, officials said Tuesday."}},
	}
}

// wantChain is the whole text of each version of the ferry chain.
func wantChain(docs []revisiontest.APDoc) [][]string {
	return [][]string{
		docs[0].Paras,
		append(slices.Clone(docs[1].Paras), docs[0].Paras[1:]...),
		docs[2].Paras,
		append(slices.Clone(docs[3].Paras), docs[2].Paras[1:]...),
	}
}

// permutations lists every order of 0..n-1.
func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for at := 0; at <= len(p); at++ {
			q := append(append(append([]int{}, p[:at]...), n-1), p[at:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestPartialChainInEveryOrder(t *testing.T) {
	docs := ferryChain()
	want := wantChain(docs)
	orders := permutations(4)
	if len(orders) != 24 {
		t.Fatalf("%d orders", len(orders))
	}
	for _, order := range orders {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			db := openTemp(t)
			var story string
			for _, i := range order {
				story = ingestOne(t, db, apInput(t, docs[i])).Story
			}
			st, err := db.Story(story)
			if err != nil || len(st.Versions) != 4 {
				t.Fatalf("stories: %v, %d versions", err, len(st.Versions))
			}
			for i, v := range st.Versions {
				if v.ID != docs[i].DocNo {
					t.Fatalf("version %d is %s, want %s", i+1, v.ID, docs[i].DocNo)
				}
			}
			if v := st.Versions; !v[1].Partial || v[1].Base != v[0].Ref || !v[3].Partial || v[3].Base != v[2].Ref || v[2].Partial {
				t.Fatalf("bases: @2 %v %s, @3 %v, @4 %v %s", v[1].Partial, v[1].Base, v[2].Partial, v[3].Partial, v[3].Base)
			}
			if got := wholeText(t, db, story); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("whole texts\n%q\nwant\n%q", got, want)
			}
			checkClean(t, db)
		})
	}
}

func TestPartialPreviousMissingThenArriving(t *testing.T) {
	docs := ferryChain()
	db := openTemp(t)
	story := ingestOne(t, db, apInput(t, docs[1])).Story
	st, _ := db.Story(story)
	if v := st.Versions[0]; !v.Partial || !v.BaseMissing || v.Base != "" {
		t.Fatalf("1st Ld alone: partial %v, base missing %v, base %q", v.Partial, v.BaseMissing, v.Base)
	}
	if got := wholeText(t, db, story); !slices.Equal(got[0], docs[1].Paras) {
		t.Fatalf("1st Ld alone reads %q, want it as received", got[0])
	}
	ingestOne(t, db, apInput(t, docs[0]))
	st, _ = db.Story(story)
	if v := st.Versions[1]; v.BaseMissing || v.Base != st.Versions[0].Ref {
		t.Fatalf("after the first version: base missing %v, base %q", v.BaseMissing, v.Base)
	}
	if got := wholeText(t, db, story); !slices.Equal(got[1], wantChain(docs)[1]) {
		t.Fatalf("1st Ld rebuilt as %q", got[1])
	}
}

// TestPartialAnchorWins: the note says "picks up 3rd graf" but quotes the
// opening words of the 2nd: the quoted words win, and the whole version
// says where the pick-up was found.
func TestPartialAnchorWins(t *testing.T) {
	docs := ferryChain()
	docs[1].Eds = "LEADS with 2 grafs to UPDATE toll; picks up 3rd graf pvs, `The ferry...'"
	docs[1].Pickup = &revision.Pickup{Para: 3, Anchor: "The ferry"}
	db := openTemp(t)
	ingestOne(t, db, apInput(t, docs[0]))
	res := ingestOne(t, db, apInput(t, docs[1]))
	_, v, raw, err := db.RevisionAt(res.Story, Pick{N: 2})
	if err != nil {
		t.Fatal(err)
	}
	w, err := wire.ReparseVersion("x", v.Source, raw, v.Whole)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.Rev.Paragraphs, wantChain(docs)[1]) {
		t.Fatalf("rebuilt %q", w.Rev.Paragraphs)
	}
	if pk := w.Rev.Pickup; pk == nil || pk.Para != 3 || pk.Found != 2 || pk.AnchorMissed {
		t.Fatalf("pickup %+v, want para 3 found at 2", pk)
	}
	if len(w.Sources) != 2 || w.Sources[1].FromParas != [2]int{2, 4} || w.Sources[1].From != v.Base {
		t.Fatalf("sources %+v", w.Sources)
	}
}

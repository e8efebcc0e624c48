package intake

import (
	"context"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/assemble"
	"lede/revision/revisiontest"
	"lede/revision/wire"
	"lede/store"
)

// ferry is a first version and a 1st Ld that picks up its 2nd graf, and
// a 2nd Ld-Writethru with a 3rd Ld picking up the writethru's 2nd graf.
var ferry = []revisiontest.APDoc{
	{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks", Dateline: "PUERTO BARRIOS, Guatemala (AP)",
		Paras: []string{"An overloaded ferry sank, officials said.", "The ferry carried about 100 people.", "Rescuers pulled 40 from the water.", "The cause was not known."}},
	{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld", Head: "Ferry Sinks; 18 Dead",
		Eds: "LEADS with 2 grafs to UPDATE toll; picks up 2nd graf pvs, `The ferry...'", Dateline: "PUERTO BARRIOS, Guatemala (AP)",
		Pickup: &revision.Pickup{Para: 2, Anchor: "The ferry"}, Paras: []string{"An overloaded ferry sank, killing 18, officials said.", "Fourteen were missing."}},
	{DocNo: "AP890105-0203", Time: "1100", Keyword: "AM-Ferry-Sinking", Version: "2nd Ld-Writethru", Head: "Ferry Sinks; 67 Dead",
		Eds: "New throughout; no pickup", Dateline: "PUERTO BARRIOS, Guatemala (AP)", Pickup: &revision.Pickup{None: true},
		Paras: []string{"An overloaded ferry sank, killing 67, officials said.", "Rescuers searched for 14 missing.", "The cause was under investigation."}},
	{DocNo: "AP890105-0204", Time: "1200", Keyword: "AM-Ferry-Sinking", Version: "3rd Ld", Head: "Ferry Sinks; 70 Dead",
		Eds: "LEADS with 1 graf; picks up 2nd graf pvs, `Rescuers...'", Dateline: "PUERTO BARRIOS, Guatemala (AP)",
		Pickup: &revision.Pickup{Para: 2, Anchor: "Rescuers"}, Paras: []string{"An overloaded ferry sank, killing 70, officials said."}},
}

// TestSummariesOfWholeVersions: the summarise stage diffs whole versions
// (a partial rebuilt on the version it picks up from, also when that
// version arrives after it) and keeps where the paragraphs came from.
func TestSummariesOfWholeVersions(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "lede.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sums Summaries
	var story string
	for _, i := range []int{1, 0, 3, 2} {
		d := ferry[i]
		it := wire.ParseItems(d.DocNo, []byte(d.Text()), wire.Options{})[0]
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		d.CheckPickup(t, it.Rev)
		ins := []store.Input{{Source: it.Source, Raw: it.Raw, Rev: it.Rev}}
		res := Ingest(context.Background(), db, ins)
		if res[0].Err != nil {
			t.Fatal(res[0].Err)
		}
		story = res[0].Story
		sums.Store(db, ins, res)
	}
	st, err := db.Story(story)
	if err != nil || len(st.Versions) != 4 {
		t.Fatalf("%v, %d versions", err, len(st.Versions))
	}
	// @3 against the rebuilt 1st Ld: its five paragraphs changed (2) or
	// removed (3), where the 1st Ld as received has two.
	for n, want := range []revision.UpdateSummary{{}, {Added: 1, Changed: 1}, {Added: 1, Changed: 2, Removed: 3}, {Changed: 1}} {
		if n == 0 {
			continue
		}
		got := st.Versions[n].Summary
		if got == nil || got.Added != want.Added || got.Changed != want.Changed || got.Removed != want.Removed {
			t.Errorf("@%d summary %+v, want +%d ~%d -%d", n+1, got, want.Added, want.Changed, want.Removed)
		}
	}
	v := st.Versions[3]
	want := []assemble.Source{{Paras: [2]int{1, 1}, From: "item", FromParas: [2]int{1, 1}},
		{Paras: [2]int{2, 3}, From: st.Versions[2].Ref, FromParas: [2]int{2, 3}}}
	if len(v.Sources) != 2 || v.Sources[0] != want[0] || v.Sources[1] != want[1] || v.Pickup == nil || v.Pickup.Found != 2 {
		t.Errorf("@4 sources %+v pickup %+v, want %+v found at 2", v.Sources, v.Pickup, want)
	}
}

package diff

import (
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestPickupCheckOfRebuiltVersion: the anchor opens the previous
// version's paras 2 and 4 and the note says the 5th; the rebuild takes
// the one nearest the number (4), and the note check judges the pick-up
// where the rebuild found it (the new version's Pickup.Found), so the two
// agree and the pick-up is confirmed.
func TestPickupCheckOfRebuiltVersion(t *testing.T) {
	old := revisiontest.APDoc{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"A ferry sank, officials said.",
			"The ferry was old.", "Rescuers pulled 40 from the water.", "The ferry had room for 30.", "The cause was not known."}}
	top := revisiontest.APDoc{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld",
		Head: "Ferry Sinks; 18 Dead", Eds: "LEADS with 1 graf to UPDATE toll; picks up 5th graf pvs, `The ferry...'",
		Dateline: "PUERTO BARRIOS, Guatemala (AP)", Paras: []string{"A ferry sank, killing 18, officials said."}}
	parse := func(d revisiontest.APDoc) *revision.Revision {
		it := wire.ParseItems(d.DocNo, []byte(d.Text()), wire.Options{})[0]
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		return it.Rev
	}
	o := parse(old)
	w := wire.RebuildFiles(o, parse(top), "old")
	if w.Rev.Pickup == nil || w.Rev.Pickup.Found != 4 || len(w.Rev.Paragraphs) != 3 {
		t.Fatalf("rebuilt %q, pickup %+v; want the rest from para 4", w.Rev.Paragraphs, w.Rev.Pickup)
	}
	r := Compare(o, w.Rev, Options{})
	for _, v := range r.NoteCheck {
		if v.Verb != revision.VerbPickup {
			continue
		}
		if v.Result != Confirmed || !strings.Contains(v.Why, "opens para 4, not 5") {
			t.Fatalf("pick-up: %s (%s), want confirmed at para 4", v.Result, v.Why)
		}
		return
	}
	t.Fatalf("no pick-up verdict in %+v", r.NoteCheck)
}

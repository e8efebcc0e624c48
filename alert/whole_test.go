package alert

import (
	"context"
	"path/filepath"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
	"lede/store"
)

// TestDraftWholeVersions: the alert of a partial version (a 1st Ld that
// picks up the first version's 2nd graf) describes the whole version: one
// paragraph added and the lead changed, nothing removed; the add that
// joins a version sent in parts raises no event of its own.
func TestDraftWholeVersions(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "lede.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	docs := []revisiontest.APDoc{
		{DocNo: "AP890105-0201", Time: "0900", Keyword: "AM-Ferry-Sinking", Head: "Ferry Sinks", Dateline: "PUERTO BARRIOS, Guatemala (AP)",
			Paras: []string{"An overloaded ferry sank, officials said.", "The ferry carried about 100 people.", "The cause was not known."}},
		{DocNo: "AP890105-0202", Time: "1000", Keyword: "AM-Ferry-Sinking", Version: "1st Ld", Head: "Ferry Sinks; 18 Dead",
			Eds: "LEADS with 2 grafs; picks up 2nd graf pvs, `The ferry...'", Dateline: "PUERTO BARRIOS, Guatemala (AP)",
			Pickup: &revision.Pickup{Para: 2, Anchor: "The ferry"}, Paras: []string{"An overloaded ferry sank, killing 18, officials said.", "Fourteen were missing."}},
		{DocNo: "AP890105-0301", Time: "1100", Keyword: "AM-Harbor-Fire", Version: "2 Takes", Head: "Fire Sweeps Harbor",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept the harbor."}},
		{DocNo: "AP890105-0302", Time: "1101", Keyword: "AM-Harbor-Fire", Version: "1st Add", Paras: []string{"Nobody was hurt."}},
	}
	for _, d := range docs {
		it := wire.ParseItems(d.DocNo, []byte(d.Text()), wire.Options{})[0]
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		d.CheckPickup(t, it.Rev)
		if _, err := db.Ingest(context.Background(), []store.Input{{Source: it.Source, Raw: it.Raw, Rev: it.Rev}}); err != nil {
			t.Fatal(err)
		}
	}
	events, err := db.Events(10)
	if err != nil || len(events) != 3 {
		t.Fatalf("%d events, %v; want 3 (the add joined its take)", len(events), err)
	}
	a, err := Draft(events[1], revision.Rules{Kinds: []revision.AlertKind{revision.KindAny}}, "db", "")
	if err != nil || a == nil {
		t.Fatalf("draft: %v, %v", a, err)
	}
	if len(a.Added) != 1 || a.Added[0].Para != 2 || len(a.Changed) != 1 || a.Summary == nil || a.Summary.Removed != 0 {
		t.Fatalf("alert added %+v changed %+v summary %+v; want para 2 added, the lead changed, nothing removed", a.Added, a.Changed, a.Summary)
	}
	b, err := Draft(events[2], revision.Rules{Kinds: []revision.AlertKind{revision.KindAny}}, "db", "")
	if err != nil || b == nil || len(b.Added) != 2 {
		t.Fatalf("the takes' alert: %+v, %v; want both parts' paragraphs", b, err)
	}
}

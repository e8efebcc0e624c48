package store

import (
	"testing"

	"lede/revision"
)

func TestSummariesFollowPredecessors(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	// The 2nd LD and the LEAD of the exit-poll story first.
	ingest(t, db, pages["AEN20220309004751315"].in, pages["AEN20220309004752315"].in)
	stale, err := db.StaleSummaries([]string{"220309"})
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 1 || stale[0].Rev != 2 || len(stale[0].Prev.Raw) == 0 || len(stale[0].Cur.Raw) == 0 {
		t.Fatalf("stale = %+v, want the 2nd LD against the LEAD", stale)
	}
	sum := revision.UpdateSummary{Added: 5, Changed: 1}
	if err := db.SetSummaries([]ComputedSummary{{Arrival: stale[0].Arrival, PrevArrival: stale[0].PrevArrival, Summary: sum}}); err != nil {
		t.Fatal(err)
	}
	st, _ := db.Story("220309")
	if st.Versions[1].Summary == nil || st.Versions[1].Summary.Added != 5 || st.Versions[0].Summary != nil {
		t.Fatalf("summaries after set: %+v / %+v", st.Versions[0].Summary, st.Versions[1].Summary)
	}
	if again, _ := db.StaleSummaries([]string{"220309"}); len(again) != 0 {
		t.Fatalf("still stale: %+v", again)
	}
	// The first version arrives late: the LEAD now has a predecessor,
	// the 2nd LD keeps its own.
	ingest(t, db, pages["AEN20220309004700315"].in)
	stale, _ = db.StaleSummaries([]string{"220309"})
	if len(stale) != 1 || stale[0].Rev != 2 {
		t.Fatalf("after the late first version: %+v, want the LEAD (rev 2) only", stale)
	}
	// A summary computed against a predecessor that has since changed
	// is dropped.
	st, _ = db.Story("220309")
	old := st.Versions[1].Record.Arrival
	if err := db.SetSummaries([]ComputedSummary{{Arrival: st.Versions[2].Record.Arrival, PrevArrival: 999, Summary: sum}}); err != nil {
		t.Fatal(err)
	}
	st, _ = db.Story("220309")
	if st.Versions[2].Summary == nil || st.Versions[2].Record.SummaryPrev != old {
		t.Errorf("a summary against a wrong predecessor replaced the right one: %+v", st.Versions[2].Record)
	}
	mustCheck(t, db)
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"lede/store/storetest"
)

// TestWatchPastDamagedRecords: events left in the outbox for revisions
// whose records an older lede damaged (an impossible date) or that cannot
// be read at all do not stop the other alerts: the damaged date's LEAD
// is alerted from its page, the unreadable one is reported and kept in
// the outbox for a later try, and the LEAD after it is alerted.
func TestWatchPastDamagedRecords(t *testing.T) {
	pages, empty, db := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	h := newHook(t, nil)
	watch := func() result {
		return runBinary(t, "", nil, "--db", db, "watch", "--once", "--settle", "0", "--incomplete", "0",
			"--quiet", "--webhook", h.srv.URL, empty)
	}
	// The first watch enables alerts; lede ingest then leaves events.
	if r := watch(); r.code != 0 {
		t.Fatalf("first watch: exit %d: %s", r.code, r.stderr)
	}
	var paths []string
	for _, name := range []string{coronaFirst, coronaLead, typhoonFirst, typhoonLead} {
		p := filepath.Join(pages, name)
		writeFile(t, p, string(corpusPage(t, name)))
		paths = append(paths, p)
	}
	if r := runBinary(t, "", nil, append([]string{"--db", db, "ingest"}, paths...)...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if err := storetest.BreakDate(db, paths[1], "2022-02-30"); err != nil {
		t.Fatal(err)
	}
	if err := storetest.BreakRecord(db, paths[2]); err != nil {
		t.Fatal(err)
	}

	r := watch()
	got := h.alerts()
	var leads []string
	for _, a := range got {
		leads = append(leads, a.alert.Story+" "+a.alert.Marker.Label+" "+a.alert.Date.String())
	}
	if len(got) != 2 || !strings.HasPrefix(leads[0], "200202-s-korea-reports-3") || !strings.HasPrefix(leads[1], "200822-") ||
		!strings.HasSuffix(leads[0], " LEAD 2020-02-02") || got[1].alert.Marker.Label != "LEAD" {
		t.Fatalf("alerts %q, want the two LEADs, the first dated from its page; stderr:\n%s", leads, r.stderr)
	}
	if r.code != 1 {
		t.Errorf("watch --once with an alert held: exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "lede: warning: no alert yet for 200822-") || !strings.Contains(r.stderr, "from "+paths[2]) ||
		!strings.Contains(r.stderr, "kept, tried again") {
		t.Errorf("watch stderr does not report the unreadable record:\n%s", r.stderr)
	}
	// Kept in the outbox, not lost: the next watch tries it again.
	r = watch()
	if !strings.Contains(r.stderr, "no alert yet for 200822-") || len(h.alerts()) != 2 {
		t.Errorf("second watch: %d alerts; stderr:\n%s", len(h.alerts()), r.stderr)
	}
}

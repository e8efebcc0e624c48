package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite golden files under testdata")

// TestParseItemFields: lede parse's readable view shows each format's
// item fields when set: agency, id, key, slug, cycle, version, a
// CANCELED status, signals, refs, takes and adds, the time sent. The
// golden file is testdata/parse_items.golden (refresh with -update).
func TestParseItemFields(t *testing.T) {
	r := runIn(t, fakeProc{}, "parse",
		"../../revision/aptrec/testdata/takes.trec",
		"../../revision/aptrec/testdata/corrective.trec",
		"../../revision/aptrec/testdata/advisory.trec",
		"testdata/lifecycle/dam-v3-killed.json")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	golden := filepath.Join("testdata", "parse_items.golden")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("parse view differs from %s (rerun with -update after checking):\n%s", golden, r.stdout)
	}
}

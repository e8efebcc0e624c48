package diff

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"
)

// TestNoteCheckAPChains checks the notes of the real AP writethru chains
// of the shared AP89 days (pairs.jsonl, scope group: both versions
// whole) and pins each verdict, so that a change to the grammar or the
// check that moves one shows here.
func TestNoteCheckAPChains(t *testing.T) {
	revisiontest.NeedShared(t)
	raw := filepath.Join(revisiontest.SharedDir(), "ap89", "raw")
	items := map[string]*revision.Revision{}
	files, err := os.ReadDir(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		its, err := wire.ParseFileItems(filepath.Join(raw, f.Name()), nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range its {
			if it.Rev != nil {
				items[it.Rev.ID] = it.Rev
			}
		}
	}
	for _, c := range []struct {
		old, new string
		want     []string
	}{
		{"AP890101-0009", "AP890101-0061", []string{
			"REWRITES confirmed",
			"TRIMS confirmed",
			"NO PICKUP unverifiable",
		}},
		{"AP890102-0113", "AP890102-0121", []string{
			"NEW confirmed",
			"UPDATES confirmed",
		}},
	} {
		old, new := items[c.old], items[c.new]
		if old == nil || new == nil {
			t.Fatalf("%s or %s not in the AP89 days", c.old, c.new)
		}
		r := Compare(old, new, Options{})
		var got []string
		for _, v := range r.NoteCheck {
			got = append(got, v.Verb+" "+v.Result)
			t.Logf("%s → %s: %s %s [%v] %s", c.old, c.new, v.Action, v.Result, v.Paras, v.Why)
		}
		t.Logf("%s → %s: %s; %d unannounced", c.old, c.new, r.Summary, len(r.Unannounced))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s → %s (%s): %q, want %q", c.old, c.new, new.Note, got, c.want)
		}
		if len(r.NoteCheck) != len(new.Actions) {
			t.Errorf("%s: %d verdicts for %d actions", c.new, len(r.NoteCheck), len(new.Actions))
		}
	}
}

package apwire

import (
	"testing"

	"lede/revision"
)

// item builds the revision for a slug line sent at a TREC FILEID stamp.
func item(t *testing.T, second, fileid string) *revision.Revision {
	t.Helper()
	var h Header
	var ok bool
	h.Slug, _, h.HasSlug = ParseSlugline(second)
	if h.Stamp, ok = mustStamp(fileid); !ok {
		t.Fatalf("stamp %q", fileid)
	}
	h.HasStamp = true
	r := &revision.Revision{}
	h.Apply(r)
	return r
}

func mustStamp(s string) (Stamp, bool) { st, err := ParseStamp(s); return st, err == nil }

// The story key joins the versions of one story and keeps apart what AP
// sent as different stories under one slug.
func TestStoryKey(t *testing.T) {
	same := func(a, b *revision.Revision) bool { return a.Key == b.Key }
	// An AM story updated after midnight stays one story.
	if a, b := item(t, "AM-Fire Deaths, 4th Ld-Writethru, a0790", "AP-NR-01-01-89 2258EST"),
		item(t, "AM-Fire Deaths, 5th Ld-Writethru, a0799", "AP-NR-01-02-89 0033EST"); !same(a, b) {
		t.Errorf("AM story across midnight split: %s, %s", a.Key, b.Key)
	}
	// The same AM slug sent after midnight and again in the afternoon is
	// two cycles' stories (AP890102-0012 and -0102).
	if a, b := item(t, "AM-Retirement Home Slayings,0500", "AP-NR-01-02-89 0018EST"),
		item(t, "AM-Retirement Home Slayings,0600", "AP-NR-01-02-89 1711EST"); same(a, b) {
		t.Errorf("two AM cycles joined: %s", a.Key)
	}
	// A recurring report is a new story every day.
	if a, b := item(t, "AM-Weatherpage Weather,0512", "AP-NR-01-01-89 1802EST"),
		item(t, "AM-Weatherpage Weather,0500", "AP-NR-01-02-89 1822EST"); same(a, b) {
		t.Errorf("weather of two days joined: %s", a.Key)
	}
	// AM and PM stories of one slug are two stories.
	if a, b := item(t, "AM-Israel,0500", "AP-NR-01-02-89 1200EST"),
		item(t, "PM-Israel,0500", "AP-NR-01-02-89 1200EST"); same(a, b) {
		t.Errorf("AM and PM joined: %s", a.Key)
	}
	// Spacing and case of the slug do not split a story.
	if a, b := item(t, "AM-Dike Break,0500", "AP-NR-01-01-89 1400EST"),
		item(t, "AM-DikeBreak, 1st Ld-Writethru, a0700", "AP-NR-01-01-89 1500EST"); !same(a, b) {
		t.Errorf("spacing split a story: %s, %s", a.Key, b.Key)
	}
}

// One slug's Adv08 and Adv09 are two stories, each filed under its
// release day, and an advance is withheld until then.
func TestAdvanceKey(t *testing.T) {
	a := item(t, "BC-EXP--Shark Study, Adv 08,0666", "AP-NR-01-02-89 1215EST")
	b := item(t, "BC-EXP--Shark Study, Adv 09,0666", "AP-NR-01-02-89 1215EST")
	if a.Key == b.Key {
		t.Errorf("Adv08 and Adv09 joined: %s", a.Key)
	}
	if a.Key != "AP:BC:1989-01-08:adv:exp--sharkstudy" {
		t.Errorf("key %s", a.Key)
	}
	if a.Status != revision.StatusWithheld || a.Marker.Label != "Adv08" {
		t.Errorf("status %s label %q", a.Status, a.Marker.Label)
	}
	// Sent late in the month for early the next one.
	c := item(t, "BC-EXP--Shark Study, Adv 02,0666", "AP-NR-01-29-89 1215EST")
	if c.Key != "AP:BC:1989-02-02:adv:exp--sharkstudy" {
		t.Errorf("key %s", c.Key)
	}
}

// A kill says so in status and signals.
func TestKillAndCorrective(t *testing.T) {
	k := item(t, "AM-Fire Deaths, Kill, a0799", "AP-NR-01-02-89 0100EST")
	if k.Status != revision.StatusCanceled || !hasAll(k.Signals, revision.SignalKill, revision.SignalAdvisory) {
		t.Errorf("kill: status %s signals %q", k.Status, k.Signals)
	}
	c := item(t, "AM-S&L Bailouts,CORRECTIVE, 1st Ld-Writethru,a0657", "AP-NR-01-01-89 0113EST")
	if c.Status != revision.StatusUsable || !hasAll(c.Signals, revision.SignalCorrection, revision.SignalUpdate) {
		t.Errorf("corrective: status %s signals %q", c.Status, c.Signals)
	}
	r := &revision.Revision{Version: 1}
	ApplyNote(r, "Members are asked to KILL AM-Flight 103, a0521. It is erroneous.")
	if r.Status != revision.StatusCanceled || !hasAll(r.Signals, revision.SignalKill) {
		t.Errorf("kill note: status %s signals %q", r.Status, r.Signals)
	}
}

func hasAll(s []string, want ...string) bool {
	for _, w := range want {
		if !contains(s, w) {
			return false
		}
	}
	return true
}

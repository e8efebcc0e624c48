package revision

import "testing"

// keyed gives features the story key of an agency.
func keyed(f Features, agency, key string) Features {
	f.Agency, f.Key = agency, key
	return f
}

// TestKeysDecideWithinOneAgency: the same key of one agency joins even
// when the headlines and texts share nothing; two keys of one agency stay
// apart with the same headline, unless the bodies are the same on one
// day under one slug and the version count does not restart, or the
// later item continues the count under the same slug that day; keys of
// two agencies never join on the key, nor on a headline alone; and where
// either side has no key, the texts decide as before.
func TestKeysDecideWithinOneAgency(t *testing.T) {
	first := feat("S. Korea reports 3 more cases of novel coronavirus, total now at 15", lead, body, day1, 0)
	rewritten := feat("Virus count climbs as Seoul tightens checks", "Health officials tightened airport checks on Sunday.",
		[]string{"Travellers from Hubei province face a two-week quarantine."}, day1, 1)
	sameHead := feat("S. Korea reports 3 more cases of novel coronavirus, total now at 15",
		"South Korea reported three more cases of the new coronavirus on Sunday, taking the total to 15.",
		[]string{"The patients are being treated in isolation wards.", "Officials are tracing their contacts."}, day1, 0)
	sameBody := feat("Three more virus cases in South Korea", lead, append(append([]string(nil), body...), "One more paragraph."), day1, 1)

	tests := []struct {
		name     string
		a, b     Features
		ok       bool
		rule     string
		strength int
	}{
		{"same key, texts apart", keyed(rewritten, "AP", "AM-Virus@19890102"), keyed(first, "AP", "AM-Virus@19890102"), true, "key", 6},
		{"same key, agency in another case", keyed(rewritten, "ap", "k1"), keyed(first, "AP", "k1"), true, "key", 6},
		{"same key, neither names its agency", keyed(rewritten, "", "k1"), keyed(first, "", "k1"), true, "key", 6},
		{"same key a week apart", keyed(withDate(rewritten, Date{2020, 2, 9}), "AP", "k1"), keyed(first, "AP", "k1"), true, "key", 6},
		{"other key, same headline", keyed(sameHead, "AP", "k2"), keyed(first, "AP", "k1"), false, "other key, only same headline words", 0},
		{"other key, same body", keyed(sameBody, "AP", "k2"), keyed(first, "AP", "k1"), true, "same body", 5},
		{"other key, same body, next day", keyed(withDate(sameBody, Date{2020, 2, 3}), "AP", "k2"), keyed(first, "AP", "k1"), false, "other key, another day", 0},
		{"other key, same body, other slug", slugged(keyed(sameBody, "AP", "k2"), "US-PLO", 2, 20), slugged(keyed(first, "AP", "k1"), "Reagan", 0, 10), false, "other key and slug", 0},
		{"other key, same body, count restarts", slugged(keyed(sameBody, "AP", "k2"), "Abortion", 0, 20), slugged(keyed(first, "AP", "k1"), "abortion", 1, 10), false, "other key, version count restarts", 0},
		{"other key, same slug, next version", slugged(keyed(rewritten, "AP", "k2"), "Dike Break", 2, 20), slugged(keyed(first, "AP", "k1"), "Dike Break", 1, 10), true, "next version", 5},
		{"other key, same slug, earlier version sent earlier", slugged(keyed(rewritten, "AP", "k2"), "Dike Break", 1, 10), slugged(keyed(first, "AP", "k1"), "Dike Break", 2, 20), true, "next version", 5},
		{"other key, same slug, next version, other cycle", cycled(slugged(keyed(rewritten, "AP", "k2"), "Dike Break", 2, 20), "AM"), cycled(slugged(keyed(first, "AP", "k1"), "Dike Break", 1, 10), "PM"), false, "other key, another news cycle", 0},
		{"other key, same slug, next version, from both cycles", cycled(slugged(keyed(rewritten, "AP", "k2"), "Dike Break", 2, 20), "AM"), cycled(slugged(keyed(first, "AP", "k1"), "Dike Break", 1, 10), "BC"), true, "next version", 5},
		{"other key, same body, other cycle", cycled(keyed(sameBody, "AP", "k2"), "PM"), cycled(keyed(first, "AP", "k1"), "AM"), false, "other key, another news cycle", 0},
		{"other key, same slug and version", slugged(keyed(rewritten, "AP", "k2"), "Dike Break", 1, 20), slugged(keyed(first, "AP", "k1"), "Dike Break", 1, 10), false, "different", 0},
		{"two agencies, one key", keyed(rewritten, "Reuters", "k1"), keyed(first, "AP", "k1"), false, "different", 0},
		{"two agencies, same headline", keyed(sameHead, "Reuters", "r1"), keyed(first, "AP", "k1"), false, "other key, only same headline words", 0},
		{"two agencies, same body", keyed(sameBody, "Reuters", "r1"), keyed(first, "AP", "k1"), true, "same body", 5},
		{"no key on one side", sameHead, keyed(first, "AP", "k1"), true, "same headline words", 4},
		{"no key on one side, texts apart", keyed(rewritten, "AP", "k1"), first, false, "different", 0},
	}
	for _, tc := range tests {
		m := Pair(tc.a, tc.b)
		if m.OK != tc.ok || m.Rule != tc.rule || m.Strength != tc.strength {
			t.Errorf("%s: %v %q strength %d, want %v %q %d (%s)", tc.name, m.OK, m.Rule, m.Strength, tc.ok, tc.rule, tc.strength, m.Why())
		}
	}
}

// slugged gives features a slug, a version number and a transmission time.
func slugged(f Features, slug string, version int, sent int64) Features {
	f.Slug, f.Version, f.Sent = slug, version, sent
	return f
}

func cycled(f Features, cycle string) Features {
	f.Cycle = cycle
	return f
}

func withDate(f Features, d Date) Features {
	f.Date = d
	return f
}

// TestOneKeyNeverConflicts: two first versions of one story conflict,
// but not when they carry one key (a substitute or a take of the same
// version), and Decide joins the story of the key over a story whose
// text matches as well.
func TestOneKeyNeverConflicts(t *testing.T) {
	first := keyed(feat("Ferry sinks off Guatemala", "A ferry sank on Monday.", body, day1, 0), "AP", "k1")
	sub := keyed(feat("Overloaded ferry sinks; 67 dead", "An overloaded ferry sank on Monday, killing 67.", body, day1, 0), "AP", "k1")
	if Conflicts(sub, []Features{first}) {
		t.Error("a substitute of one key conflicts with its first version")
	}
	other := keyed(sub, "AP", "k2")
	if !Conflicts(other, []Features{first}) {
		t.Error("two first versions of two keys do not conflict")
	}
	cands := []Candidate{
		{Story: "a", Members: []Features{keyed(first, "AP", "k0")}},
		{Story: "b", Members: []Features{first}},
	}
	if d := Decide(sub, cands); d.Story != "b" || len(d.Merge) != 0 {
		t.Errorf("decision %+v, want story b (the key's) and no merge", d)
	}
	if got, want := first.KeyTerm(), keyed(first, "ap", "k1").KeyTerm(); got != want || got == 0 {
		t.Errorf("key terms %x and %x, want one term whatever the agency's case", got, want)
	}
	if keyed(first, "Reuters", "k1").KeyTerm() == first.KeyTerm() {
		t.Error("two agencies' keys share an index term")
	}
}

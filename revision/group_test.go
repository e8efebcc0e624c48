package revision

import (
	"reflect"
	"strings"
	"testing"
)

func TestHeadlineWords(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"N.K. holds 2nd session of party meeting", "2nd hold meet nkorea party session"},
		{"N. Korea fires missiles", "fir missil nkorea"},
		{"North Korean leader's sister lambasts Seoul", "lambast leader nkorea sister skorea"},
		{"Pyongyang slams S. Korea, U.S.", "nkorea skorea slam us"},
		{"South Korea reports 142 more cases", "142 cas skorea"},
		{"Seoul stocks tumble over 6 pct", "6 percent skorea stock tumbl"},
		{"FM Kang heads to Japan", "foreign head japan kang minister"},
		{"Yoon gov't under fire", "fir government under yoon"},
		{"‘Hypersonic’ missile test-fired", "fir hypersonic missil test"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(HeadlineWords(tc.in), " "); got != tc.want {
			t.Errorf("HeadlineWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Spelling variants of one headline normalise to the same words.
	a := HeadlineWords("N. Korea says it tested hypersonic missile, fires again")
	b := HeadlineWords("North Korea says it tested hypersonic missiles, fired again")
	if !reflect.DeepEqual(a, b) {
		t.Errorf("variants differ: %v vs %v", a, b)
	}
}

func TestDice(t *testing.T) {
	if d := Dice([]string{"a", "b", "c"}, []string{"b", "c", "d"}); d < 0.666 || d > 0.667 {
		t.Errorf("Dice = %v, want 2/3", d)
	}
	if d := Dice(nil, nil); d != 0 {
		t.Errorf("Dice(nil, nil) = %v", d)
	}
}

func TestSketch(t *testing.T) {
	base := []string{
		"The Korea Centers for Disease Control and Prevention said the 13th case involved a 28-year-old man.",
		"The country's 14th case is a 40-year-old Chinese woman who is a family member of a tour guide.",
		"Authorities said he is under observation and that contacts are being traced across the country.",
	}
	grown := append(append([]string(nil), base...),
		"Seoul said the new coronavirus has been reported in 26 countries and has affected over 14,500 people.",
		"It said the death toll stands at 304, with all fatalities occurring in China so far this year.")
	other := []string{"Typhoon Bavi is expected to hit the Korean Peninsula next week with strong winds and heavy rain."}
	a, b, c := SketchOf(base), SketchOf(grown), SketchOf(other)
	if got := a.Containment(b); got < 0.9 {
		t.Errorf("a version grown by additions should contain the first: containment %.2f", got)
	}
	if j := a.Jaccard(b); j < 0.4 || j > 0.7 {
		t.Errorf("Jaccard %.2f, want about the share of shared shingles", j)
	}
	if got := a.Containment(c); got != 0 {
		t.Errorf("unrelated texts: containment %.2f, want 0", got)
	}
	if (Sketch{}).Containment(a) != 0 {
		t.Error("empty sketch should contain nothing")
	}
	// A long text keeps only SketchSize hashes but still estimates well.
	var long, longer []string
	for i := 0; i < 60; i++ {
		p := strings.Repeat("word ", 3) + "number " + string(rune('a'+i%26)) + string(rune('a'+i/26)) + " ends here with more text"
		long = append(long, p)
		longer = append(longer, p)
	}
	longer = append(longer, "An added paragraph with entirely new content about something else.")
	la, lb := SketchOf(long), SketchOf(longer)
	if len(la.Min) != SketchSize || la.N <= SketchSize {
		t.Fatalf("long sketch keeps %d of %d", len(la.Min), la.N)
	}
	if got := la.Containment(lb); got < 0.9 {
		t.Errorf("long texts: containment %.2f, want > 0.9", got)
	}
}

func feat(headline string, lead string, body []string, d Date, seq int) Features {
	r := &Revision{Headline: headline, RawHeadline: headline, Date: d, Marker: Marker{Seq: seq},
		Paragraphs: append([]string{lead}, body...)}
	return FeaturesOf(r)
}

var (
	day1 = Date{2020, 2, 2}
	day2 = Date{2020, 2, 3}
	body = []string{
		"The Korea Centers for Disease Control and Prevention said the 13th case involved a 28-year-old man.",
		"The country's 14th case is a 40-year-old Chinese woman who is a family member of a tour guide.",
		"The 15th case is a 43-year-old South Korean man who was in Wuhan and returned Jan. 20.",
	}
	lead = "South Korea on Sunday reported three more cases of the novel coronavirus, bringing the total to 15."
)

func TestPairAndDecide(t *testing.T) {
	first := feat("S. Korea reports 3 more cases of novel coronavirus, total now at 15", lead, body, day1, 0)
	leadV := feat("S. Korea reports 3 more cases of novel coronavirus, total now at 15", lead,
		append(append([]string(nil), body...), "Seoul said the virus has been reported in 26 countries."), day1, 1)
	nextDay := feat("S. Korea reports 4 more cases of novel coronavirus, total now at 19",
		"South Korea on Monday reported four more cases of the novel coronavirus, bringing the total to 19.",
		[]string{"The 16th case is a 42-year-old Korean woman who traveled to Thailand.", "She is being treated in Gwangju."}, day2, 0)
	typhoon := feat("Typhoon Bavi to make landfall", "Typhoon Bavi is expected to hit the Korean Peninsula.",
		[]string{"The weather agency warned of strong winds."}, day1, 0)

	if m := Pair(leadV, first); !m.OK || m.Rule != "same body" {
		t.Errorf("LEAD vs first version: %+v, want a same-body match", m)
	}
	if m := Pair(nextDay, first); m.OK {
		t.Errorf("next day's count story matched: %+v", m)
	}
	if m := Pair(typhoon, first); m.OK {
		t.Errorf("unrelated story matched: %+v", m)
	}
	far := leadV
	far.Date = Date{2020, 2, 9}
	if m := Pair(far, first); m.OK || m.Rule != "days apart" {
		t.Errorf("a week apart: %+v", m)
	}

	cands := []Candidate{
		{Story: "typhoon", Members: []Features{typhoon}},
		{Story: "cases", Members: []Features{first}},
	}
	if d := Decide(leadV, cands); d.Story != "cases" {
		t.Errorf("LEAD joins %q (%s), want cases", d.Story, d.Why)
	}
	if d := Decide(nextDay, cands); d.Story != "" {
		t.Errorf("next day's story joined %q (%s), want a new story", d.Story, d.Why)
	}
	// A second, different first version conflicts with the story's.
	again := first
	again.Lead = SketchOf([]string{"South Korea on Sunday confirmed its first death from the virus, a man in his 60s."})
	if d := Decide(again, []Candidate{{Story: "cases", Members: []Features{first}}}); d.Story != "" {
		t.Errorf("two first versions in one story: joined %q", d.Story)
	}
	// The same page captured twice (cut off, then whole) is no conflict.
	recap := first
	recap.Body = SketchOf(append(body, "A closing paragraph the cut-off capture lacked."))
	if d := Decide(recap, []Candidate{{Story: "cases", Members: []Features{first}}}); d.Story != "cases" {
		t.Errorf("re-capture did not join: %+v", d)
	}
	// A corrected repeat of the same version may join.
	again.Repeat = true
	if d := Decide(again, []Candidate{{Story: "cases", Members: []Features{first}}}); d.Story != "cases" {
		t.Errorf("CORRECTED repeat did not join: %+v", d)
	}
}

func TestDecideBridgesAndRespectsSplits(t *testing.T) {
	first := feat("Exit polls project Lee, Yoon in dead heat", lead, body, day1, 0)
	second := feat("Exit polls project Lee, Yoon in dead heat", lead, append(body, "More added."), day1, 2)
	bridge := feat("Exit polls project Lee, Yoon in dead heat", lead, append(body, "Lead added."), day1, 1)
	cands := []Candidate{{Story: "a", Members: []Features{first}}, {Story: "b", Members: []Features{second}}}
	d := Decide(bridge, cands)
	if d.Story == "" || len(d.Merge) != 1 {
		t.Fatalf("bridge: %+v, want to join one and merge the other", d)
	}
	cands[0].Apart, cands[1].Apart = []string{"b"}, []string{"a"}
	if d := Decide(bridge, cands); len(d.Merge) != 0 {
		t.Errorf("split stories merged again: %+v", d)
	}
}

func TestDecideDisplacesTheWeakerClaimant(t *testing.T) {
	first := feat("S. Korea reports 1 more death, toll at 18", lead, body, day1, 0)
	second := feat("S. Korea reports 1 more death, toll at 18", lead, append(body, "Added."), day1, 2)
	weak := feat("Death toll now at 21", "Four more people died in Daegu on Sunday.",
		[]string{body[0], "An 80-year-old woman was found dead at home."}, day1, 2)
	story := Candidate{Story: "s", Members: []Features{first, weak}, MemberIDs: []string{"1", "2"}}
	d := Decide(second, []Candidate{story})
	if d.Story != "s" || d.Evict != "2" {
		t.Errorf("decision %+v, want to join s and displace member 2", d)
	}
	story = Candidate{Story: "s", Members: []Features{first, second}, MemberIDs: []string{"1", "2"}}
	if d := Decide(weak, []Candidate{story}); d.Story != "" {
		t.Errorf("the weaker claimant displaced the stronger: %+v", d)
	}
}

// TestConflictAt: the one member that claims a revision's version, none
// when no member or a re-capture of the revision does, and "many" when two
// do (then no member can be displaced); Conflicts agrees with it.
func TestConflictAt(t *testing.T) {
	first := feat("S. Korea reports 1 more death, toll at 18", lead, body, day1, 0)
	second := feat("S. Korea reports 1 more death, toll at 18", lead, append(body, "Added."), day1, 2)
	claimant := feat("Death toll now at 21", "Four more people died in Daegu on Sunday.",
		[]string{body[0], "An 80-year-old woman was found dead at home."}, day1, 2)
	other := feat("Daegu closes schools", "Daegu closed its schools on Sunday.", []string{body[1]}, day1, 2)
	recap := second
	recap.Body = SketchOf(append(append([]string(nil), body...), "Added.", "A closing paragraph."))
	repeat := second
	repeat.Repeat = true
	tests := []struct {
		name    string
		f       Features
		members []Features
		want    int
	}{
		{"no member of its version", second, []Features{first}, noConflict},
		{"one claimant", second, []Features{first, claimant}, 1},
		{"one claimant first", second, []Features{claimant, first}, 0},
		{"two claimants", second, []Features{claimant, first, other}, manyConflicts},
		{"a re-capture is no claimant", recap, []Features{first, second}, noConflict},
		{"a repeat conflicts with none", repeat, []Features{claimant, other}, noConflict},
	}
	for _, tt := range tests {
		got := conflictAt(tt.f, tt.members)
		if got != tt.want {
			t.Errorf("%s: conflictAt %d, want %d", tt.name, got, tt.want)
		}
		if c := Conflicts(tt.f, tt.members); c != (tt.want != noConflict) {
			t.Errorf("%s: Conflicts %v, conflictAt %d", tt.name, c, got)
		}
	}
}

func TestDayDistance(t *testing.T) {
	tests := []struct {
		a, b  Date
		days  int
		known bool
	}{
		{Date{2019, 12, 31}, Date{2020, 1, 1}, 1, true},
		{Date{0, 12, 31}, Date{2020, 1, 1}, 1, true},
		{Date{0, 3, 1}, Date{0, 2, 28}, 1, true},
		{Date{2020, 3, 1}, Date{2020, 2, 28}, 2, true},
		{Date{}, Date{2020, 1, 1}, 0, false},
	}
	for _, tc := range tests {
		d, k := DayDistance(tc.a, tc.b)
		if d != tc.days || k != tc.known {
			t.Errorf("DayDistance(%v, %v) = %d, %v; want %d, %v", tc.a, tc.b, d, k, tc.days, tc.known)
		}
	}
}

func TestSlug(t *testing.T) {
	if got := Slug("N.K. holds 2nd session of party meeting", 4); got != "nk-holds-2nd-session" {
		t.Errorf("Slug = %q", got)
	}
	if got := Slug("(((", 4); got != "" {
		t.Errorf("Slug of punctuation = %q", got)
	}
}

// TestStrongerRuleWins: a story whose version has nearly the same body
// wins over one whose headline and lead are closer, as stories built from
// the same phrases are.
func TestStrongerRuleWins(t *testing.T) {
	same := Match{OK: true, Rule: "same body", Strength: 4, Score: 2.2}
	alike := Match{OK: true, Rule: "same text", Strength: 3, Score: 2.6}
	if !same.beats(alike) || alike.beats(same) {
		t.Fatal("rule strength does not come before score")
	}
	longBody := []string{
		"The Korea Centers for Disease Control and Prevention said the 13th case involved a 28-year-old man brought back from Wuhan.",
		"The country's 14th case is a 40-year-old Chinese woman who is a family member of a Chinese tour guide diagnosed Saturday.",
		"The 15th case is a 43-year-old South Korean man who was in Wuhan, the epicenter of the outbreak, and returned Jan. 20.",
		"Authorities said all three are in stable condition at state-designated hospitals in Seoul and Gyeonggi Province.",
	}
	first := feat("S. Korea reports 3 more cases of novel coronavirus", lead, longBody, day1, 0)
	// The LEAD rewrote headline and lead but kept the body.
	leadV := feat("Virus infections rise to 15 as Wuhan evacuee tests positive",
		"The number of novel coronavirus infections in South Korea rose to 15 on Sunday.", append(longBody, "More details later."), day1, 1)
	// Another story sharing the LEAD's headline and lead, not its body.
	other := feat("Virus infections rise to 15 as Wuhan evacuee tests positive",
		"The number of novel coronavirus infections in South Korea rose to 15 on Sunday.",
		[]string{"Separately, schools in Seoul postponed the new semester by a week."}, day1, 0)
	d := Decide(leadV, []Candidate{{Story: "other", Members: []Features{other}}, {Story: "cases", Members: []Features{first}}})
	if d.Story != "cases" {
		t.Errorf("LEAD joined %q (%s), want the story with its body", d.Story, d.Why)
	}
}

func TestHeadlineDice(t *testing.T) {
	w := HeadlineWords
	for _, c := range []struct {
		a, b string
		want float64
	}{
		// Figures updated: the headline is the same.
		{"S. Korea reports 1 more coronavirus fatality, death toll now at 18",
			"S. Korea reports 4 more coronavirus fatalities, death toll now at 21", 1},
		// A shared figure counts; changed ones are left out: 2*4/(6+6+2).
		{"S. Korea reports 1 more coronavirus fatality, death toll now at 18",
			"S. Korea reports 1 more coronavirus death, total infections top 3,500", 8.0 / 14},
		{"Typhoon Bavi to make landfall", "N. Korea fires 2 missiles", 0},
		{"2020", "2021", 0},
	} {
		if got := HeadlineDice(w(c.a), w(c.b)); got != c.want {
			t.Errorf("HeadlineDice(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestSameHeadlineWordsBeatsCopiedText: a first version whose lead and
// paragraphs another story's 2nd LD copied (AEN20200301000952320) belongs
// with the 2nd LD that keeps its headline but for the figures
// (AEN20200301003652320), whatever the order they arrive in.
func TestSameHeadlineWordsBeatsCopiedText(t *testing.T) {
	first := feat("S. Korea reports 1 more coronavirus fatality, death toll now at 18",
		"South Korea reported one more novel coronavirus-related death Sunday, bringing the country's death toll to 18.",
		[]string{"The latest victim was an 83-year-old man in Daegu, according to Kwon Jun-wook, a KCDC official, at a press briefing.",
			"South Korea reported 376 additional cases of the new coronavirus Sunday morning, bringing the total number of infections here to 3,526."}, day1, 0)
	own := feat("S. Korea reports 4 more coronavirus fatalities, death toll now at 21",
		"South Korea reported four more novel coronavirus-related deaths in Daegu on Sunday, bringing the country's death toll to 21.",
		[]string{"In the latest case, an 80-year-old woman was found dead by her son at her residence in Daegu.",
			"Earlier in the day, an 83-year-old patient in Daegu died, according to Kwon Jun-wook, a KCDC official, at a press briefing."}, day1, 2)
	other := feat("S. Korea reports 1 more coronavirus death, total infections top 3,500",
		"South Korea reported one more novel coronavirus-related death Sunday, bringing the country's death toll to 18, while total infections surpassed 3,500.",
		[]string{"The latest victim was an 83-year-old man in Daegu, according to the KCDC.",
			"South Korea reported 376 additional cases of the new coronavirus as of Sunday morning, bringing the total number of infections here to 3,526."}, day1, 2)
	if m := Pair(first, own); !m.OK || m.Rule != "same headline words" {
		t.Fatalf("first version vs its 2nd LD: %s", m.Why())
	}
	if m := Pair(first, other); !m.OK || m.Rule != "same text" {
		t.Fatalf("first version vs the other story's 2nd LD: %s", m.Why())
	}
	d := Decide(first, []Candidate{{Story: "a-other", Members: []Features{other}}, {Story: "b-own", Members: []Features{own}}})
	if d.Story != "b-own" || len(d.Merge) != 0 {
		t.Errorf("first version joined %q (merge %v, %s), want b-own", d.Story, d.Merge, d.Why)
	}
	// Arriving last, the other 2nd LD conflicts with "own" and does not
	// displace it: "own" fits the first version better.
	d = Decide(other, []Candidate{{Story: "b-own", Members: []Features{first, own}, MemberIDs: []string{"f", "o"}}})
	if d.Story != "" {
		t.Errorf("the other 2nd LD joined %q (%s), want a story of its own", d.Story, d.Why)
	}
	// The figures-only rule stops at a day boundary.
	next := own
	next.Date = day2
	if m := Pair(first, next); m.Rule == "same headline words" {
		t.Errorf("a day apart: %s", m.Why())
	}
}

func TestParaList(t *testing.T) {
	if got := ParaList([]int{2, 5, 10, 13, 14, 15, 16}); got != "2, 5, 10, 13-16" {
		t.Errorf("got %q", got)
	}
	if got := ParaList([]int{16, 2, 14, 13, 2, 15}); got != "2, 13-16" {
		t.Errorf("unsorted with a repeat: got %q", got)
	}
}

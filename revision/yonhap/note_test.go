package yonhap

import (
	"reflect"
	"slices"
	"testing"

	"lede/revision"
)

// act builds an expected action; paras are the explicit numbers.
func act(verb, object string, target revision.Target, paras ...int) revision.Action {
	if paras == nil {
		paras = []int{}
	}
	return revision.Action{Verb: verb, Object: object, Target: target, Paras: paras}
}

func from(a revision.Action, n int) revision.Action { a.From = n; return a }
func last(a revision.Action, n int) revision.Action { a.Last = n; return a }

const (
	tBody  = revision.TargetBody
	thru   = revision.TargetThroughout
	lead   = revision.TargetLead
	paras  = revision.TargetParas
	tHead  = revision.TargetHeadline
	byl    = revision.TargetByline
	dtl    = revision.TargetDateline
	photo  = revision.TargetPhoto
	slugTg = revision.TargetSlug
)

// noteCases holds every editor's note of the labelled corpus, with the
// actions a reader would take from it, plus the forms DESIGN.md names.
var noteCases = map[string][]revision.Action{
	"CLARIFIES timing of visit; ADDS photo": {
		act("CLARIFIES", "timing of visit", tBody), act("ADDS", "photo", photo)},
	"UPDATES with arrival; latest developments; TRIMS": {
		act("UPDATES", "with arrival", tBody), act("UPDATES", "latest developments", tBody), act("TRIMS", "", tBody)},
	"UPDATES with Kang's departure; CHANGES headline, lead; TRIMS": {
		act("UPDATES", "with Kang's departure", tBody), act("CHANGES", "headline", tHead),
		act("CHANGES", "lead", lead, 1), act("TRIMS", "", tBody)},
	"CHANGES photo, headline, lead; UPDATES throughout": {
		act("CHANGES", "photo", photo), act("CHANGES", "headline", tHead), act("CHANGES", "lead", lead, 1),
		act("UPDATES", "throughout", thru)},
	"RECASTS headline, dateline, updates in para 1, 4 with Biegun's arrival to Beijing; CHANGES photo": {
		act("RECASTS", "headline", tHead), act("RECASTS", "dateline", dtl),
		act("UPDATES", "in para 1, 4 with Biegun's arrival to Beijing", paras, 1, 4), act("CHANGES", "photo", photo)},
	"ADDS details throughout, byline, photo": {
		act("ADDS", "details throughout", thru), act("ADDS", "byline", byl), act("ADDS", "photo", photo)},
	"UPDATES with more details from para 3; CHANGES photo": {
		from(act("UPDATES", "with more details from para 3", paras), 3), act("CHANGES", "photo", photo)},
	"UPDATES with more details in paras 2, 7, 9-11; ADDS top photo": {
		act("UPDATES", "with more details in paras 2, 7, 9-11", paras, 2, 7, 9, 10, 11), act("ADDS", "top photo", photo)},
	"UPDATES with more details from para 2": {
		from(act("UPDATES", "with more details from para 2", paras), 2)},
	"UPDATES with details from 3rd para": {
		from(act("UPDATES", "with details from 3rd para", paras), 3)},
	"CHANGES headline, lead; ADDS more info throughout, photo": {
		act("CHANGES", "headline", tHead), act("CHANGES", "lead", lead, 1),
		act("ADDS", "more info throughout", thru), act("ADDS", "photo", photo)},
	"RECASTS headline, lead with latest figures; ADDS more details in paras 2, 8-11": {
		act("RECASTS", "headline", tHead), act("RECASTS", "lead with latest figures", lead, 1),
		act("ADDS", "more details in paras 2, 8-11", paras, 2, 8, 9, 10, 11)},
	"ADDS more info in last 4 paras": {
		last(act("ADDS", "more info in last 4 paras", paras), 4)},
	"CHANGES headline and lead; UPDATES figures in first 3 paras; ADDS photo, central bank's smoothing operation in paras 4-5": {
		act("CHANGES", "headline", tHead), act("CHANGES", "lead", lead, 1),
		act("UPDATES", "figures in first 3 paras", paras, 1, 2, 3), act("ADDS", "photo", photo),
		act("ADDS", "central bank's smoothing operation in paras 4-5", paras, 4, 5)},
	"UPDATES throughout": {act("UPDATES", "throughout", thru)},
	"CHANGES lead; ADDS more info": {
		act("CHANGES", "lead", lead, 1), act("ADDS", "more info", tBody)},
	"UPDATES with more info throughout": {act("UPDATES", "with more info throughout", thru)},
	"ADDS official's remarks, details in paras 5-7": {
		act("ADDS", "official's remarks", tBody), act("ADDS", "details in paras 5-7", paras, 5, 6, 7)},
	"CHANGES slug; UPDATES with more details, additional information from 5th para": {
		act("CHANGES", "slug", slugTg), act("UPDATES", "with more details", tBody),
		from(act("UPDATES", "additional information from 5th para", paras), 5)},
	"UPDATES lead, paras 2-3; CHANGES image": {
		act("UPDATES", "lead", lead, 1), act("UPDATES", "paras 2-3", paras, 2, 3), act("CHANGES", "image", photo)},
	"UPDATES with latest info throughout; ADDS photo": {
		act("UPDATES", "with latest info throughout", thru), act("ADDS", "photo", photo)},
	"UPDATES with fresh data in paras 3-4; CHANGES image": {
		act("UPDATES", "with fresh data in paras 3-4", paras, 3, 4), act("CHANGES", "image", photo)},
	"UPDATES with details in paras 4-7; ADDS photo": {
		act("UPDATES", "with details in paras 4-7", paras, 4, 5, 6, 7), act("ADDS", "photo", photo)},
	"UPDATES throughout with meeting results; CHANGES headline; ADDS photo": {
		act("UPDATES", "throughout with meeting results", thru), act("CHANGES", "headline", tHead), act("ADDS", "photo", photo)},
	"ADDS more info throughout; CHANGES photo": {
		act("ADDS", "more info throughout", thru), act("CHANGES", "photo", photo)},
	"ADDS more info in paras 3-4, photo": {
		act("ADDS", "more info in paras 3-4", paras, 3, 4), act("ADDS", "photo", photo)},
	"ADDS more info in paras 4-5, 7-11, photos": {
		act("ADDS", "more info in paras 4-5, 7-11", paras, 4, 5, 7, 8, 9, 10, 11), act("ADDS", "photos", photo)},
	"UPDATES with Yoon's remarks, details; RESTRUCTURES": {
		act("UPDATES", "with Yoon's remarks", tBody), act("UPDATES", "details", tBody), act("RESTRUCTURES", "", tBody)},
	"UPDATES with Kishida expressing commitment to shuttle diplomacy": {
		act("UPDATES", "with Kishida expressing commitment to shuttle diplomacy", tBody)},
	"REWRITES headline; UPDATES with more details throughout; CHANGES photos; ADDS byline": {
		act("REWRITES", "headline", tHead), act("UPDATES", "with more details throughout", thru),
		act("CHANGES", "photos", photo), act("ADDS", "byline", byl)},
	// Forms named in DESIGN.md and seen on other days of the wire.
	"ADDS details in paras 13-16":         {act("ADDS", "details in paras 13-16", paras, 13, 14, 15, 16)},
	"UPDATES paras 2, 5, 10, 13-16":       {act("UPDATES", "paras 2, 5, 10, 13-16", paras, 2, 5, 10, 13, 14, 15, 16)},
	"UPDATES 5th para":                    {act("UPDATES", "5th para", paras, 5)},
	"ADDS last 3 paras":                   {last(act("ADDS", "last 3 paras", paras), 3)},
	"CORRECTS 10th and 11th paras":        {act("CORRECTS", "10th and 11th paras", paras, 10, 11)},
	"REMOVES second para; REPLACES photo": {act("REMOVES", "second para", paras, 2), act("REPLACES", "photo", photo)},
	"RECASTS lead; ADDS byline":           {act("RECASTS", "lead", lead, 1), act("ADDS", "byline", byl)},
}

func TestParseNote(t *testing.T) {
	for note, want := range noteCases {
		t.Run(note, func(t *testing.T) {
			got := ParseNote(note)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ParseNote(%q)\n got  %+v\n want %+v", note, got, want)
			}
		})
	}
}

// TestEveryCorpusNoteCovered makes sure the table above holds every note
// of the corpus, so a new page with an unseen note cannot slip by.
func TestEveryCorpusNoteCovered(t *testing.T) {
	for _, l := range loadLabels(t) {
		if l.Attn == "" {
			continue
		}
		if _, ok := noteCases[labelNote(l.Attn)]; !ok {
			t.Errorf("%s: note %q has no case in noteCases", l.ID, labelNote(l.Attn))
		}
	}
}

func TestNoteText(t *testing.T) {
	tests := []struct {
		line, want string
		ok         bool
	}{
		{"(ATTN: ADDS photo)", "ADDS photo", true},
		{"(ATT: UPDATES throughout)", "UPDATES throughout", true},
		{"(ATTN ADDS byline)", "ADDS byline", true},
		{"(ATTN: UPDATES with more details in paras 2, 7", "UPDATES with more details in paras 2, 7", true},
		{"(attn: adds photo)", "adds photo", true},
		{"(ATTACK) on base", "", false},
		{"(LEAD) Foo", "", false},
	}
	for _, tc := range tests {
		got, ok := noteText(tc.line)
		if got != tc.want || ok != tc.ok {
			t.Errorf("noteText(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSplitHeadline(t *testing.T) {
	tests := []struct {
		raw      string
		label    string
		seq      int
		flags    []string
		tags     []string
		headline string
	}{
		{"(LEAD) N.K. holds party meeting", "LEAD", 1, nil, nil, "N.K. holds party meeting"},
		{"(2nd LD) Foo", "2nd LD", 2, nil, nil, "Foo"},
		{"(11th LD) Foo", "11th LD", 11, nil, nil, "Foo"},
		{"(2nd D) N. Korea fires 1 SRBM", "2nd D", 2, nil, nil, "N. Korea fires 1 SRBM"},
		{"(URGENT) N. Korea fires missile", "URGENT", 0, nil, nil, "N. Korea fires missile"},
		{"(2nd LD, CORRECTED) Foo", "2nd LD", 2, []string{"CORRECTED"}, nil, "Foo"},
		{"(CORRECTED) Foo", "", 0, []string{"CORRECTED"}, nil, "Foo"},
		{"(LEAD) (Yonhap Feature) New coronavirus changes everyday life", "LEAD", 1, nil, []string{"Yonhap Feature"}, "New coronavirus changes everyday life"},
		{"(News Focus) S. Koreans' coffee craze", "", 0, nil, []string{"News Focus"}, "S. Koreans' coffee craze"},
		{"(EDITORIAL from Korea JoongAng Daily on Dec. 1) Time to act", "", 0, nil, []string{"EDITORIAL from Korea JoongAng Daily on Dec. 1"}, "Time to act"},
		{"(URGENT) (LEAD) Foo", "LEAD", 1, []string{"URGENT"}, nil, "Foo"},
		{"Kim Jong-un appears in public (again)", "", 0, nil, nil, "Kim Jong-un appears in public (again)"},
		{"", "", 0, nil, nil, ""},
	}
	for _, tc := range tests {
		m, tags, h := SplitHeadline(tc.raw)
		if m.Label != tc.label || m.Seq != tc.seq || !sameStrings(m.Flags, tc.flags) || !sameStrings(tags, tc.tags) || h != tc.headline {
			t.Errorf("SplitHeadline(%q) = %+v %q %q; want {%s %d %v} %q %q", tc.raw, m, tags, h, tc.label, tc.seq, tc.flags, tc.tags, tc.headline)
		}
	}
}

func sameStrings(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// TestSortedUnique: paragraph numbers come out ascending, once each,
// within 1..maxPara, and as an empty list (never nil, which JSON would
// print as null) when none is left.
func TestSortedUnique(t *testing.T) {
	tests := []struct{ in, want []int }{
		{nil, []int{}},
		{[]int{0, -3, maxPara + 1}, []int{}},
		{[]int{5, 3, 5, 1, 3}, []int{1, 3, 5}},
		{[]int{maxPara, 1, maxPara}, []int{1, maxPara}},
	}
	for _, tt := range tests {
		got := sortedUnique(tt.in)
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("sortedUnique(%v) = %#v, want %v", tt.in, got, tt.want)
		}
	}
}

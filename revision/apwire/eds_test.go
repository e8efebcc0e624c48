package apwire

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"lede/revision"
)

// act is an action as the table below writes it: verb, target, paras,
// from, after, anchor and the clause's text.
type act struct {
	verb   string
	target revision.Target
	paras  []int
	from   int
	after  int
	anchor string
	text   string
}

// TestParseEds reads the notes issue 13 quotes, and others of AP's forms,
// into actions, pick-ups and unread clauses.
func TestParseEds(t *testing.T) {
	tests := []struct {
		name    string
		note    string
		want    []act
		pickup  *revision.Pickup
		clauses []string
	}{
		{"partial lead", "LEADS with 14 grafs to UPDATE with flight recorders found; picks up 10th graf pvs, `The...'",
			[]act{
				{"LEADS", revision.TargetLead, span(1, 14), 0, 0, "", "LEADS with 14 grafs"},
				{"UPDATES", revision.TargetBody, nil, 0, 0, "", "to UPDATE with flight recorders found"},
				{"PICKS UP", revision.TargetParas, nil, 10, 0, "The", "picks up 10th graf pvs, `The...'"},
			}, &revision.Pickup{Para: 10, Anchor: "The"}, nil},
		{"sub with anchor", "SUBS 3rd graf, `In other...' to CORRECT Citrus Bowl score to 13-6 sted 13-10; picks up 4th graf pvs",
			[]act{
				{"SUBS", revision.TargetParas, []int{3}, 0, 0, "In other", "SUBS 3rd graf, `In other...'"},
				{"CORRECTS", revision.TargetBody, nil, 0, 0, "", "to CORRECT Citrus Bowl score to 13-6 sted 13-10"},
				{"PICKS UP", revision.TargetParas, nil, 4, 0, "", "picks up 4th graf pvs"},
			}, &revision.Pickup{Para: 4}, nil},
		{"insert, ordinal in words, doubled quotes", "inserts new graf after fifth graf previous ``ABC-TV, quoting''",
			[]act{{"INSERTS", revision.TargetParas, []int{6}, 0, 5, "ABC-TV, quoting", "inserts new graf after fifth graf previous ``ABC-TV, quoting''"}},
			nil, nil},
		{"two grafs inserted", "INSERTS two grafs after 5th graf pvs, `Hirohito and...' to UPDATE with emperor",
			[]act{
				{"INSERTS", revision.TargetParas, []int{6, 7}, 0, 5, "Hirohito and", "INSERTS two grafs after 5th graf pvs, `Hirohito and...'"},
				{"UPDATES", revision.TargetBody, nil, 0, 0, "", "to UPDATE with emperor"},
			}, nil, nil},
		{"anchor left open in mid-note", "INSERTS 1 graf after 3rd graf `How can... to ADD comment. Pickup 4th graf `Campbell was...",
			[]act{
				{"INSERTS", revision.TargetParas, []int{4}, 0, 3, "How can", "INSERTS 1 graf after 3rd graf `How can..."},
				{"ADDS", revision.TargetBody, nil, 0, 0, "", "to ADD comment"},
				{"PICKS UP", revision.TargetParas, nil, 4, 0, "Campbell was", "Pickup 4th graf `Campbell was..."},
			}, &revision.Pickup{Para: 4, Anchor: "Campbell was"}, nil},
		{"new throughout, no pickup", "New throughout with goal met; no pickup",
			[]act{
				{"NEW", revision.TargetThroughout, nil, 0, 0, "", "New throughout with goal met"},
				{"NO PICKUP", revision.TargetItem, nil, 0, 0, "", "no pickup"},
			}, &revision.Pickup{None: true}, nil},
		{"thruout", "New thruout to UPDATE with four reported wounded. No pick up.",
			[]act{
				{"NEW", revision.TargetThroughout, nil, 0, 0, "", "New thruout"},
				{"UPDATES", revision.TargetBody, nil, 0, 0, "", "to UPDATE with four reported wounded"},
				{"NO PICKUP", revision.TargetItem, nil, 0, 0, "", "No pick up"},
			}, &revision.Pickup{None: true}, nil},
		{"eliminates", "ELIMINATES 7th graf", []act{{"ELIMINATES", revision.TargetParas, []int{7}, 0, 0, "", "ELIMINATES 7th graf"}}, nil, nil},
		{"deletes a range", "DELETES grafs 3-5", []act{{"DELETES", revision.TargetParas, []int{3, 4, 5}, 0, 0, "", "DELETES grafs 3-5"}}, nil, nil},
		{"drops tenth", "Drops 10th graf, `The mayor...'", []act{{"DROPS", revision.TargetParas, []int{10}, 0, 0, "The mayor", "Drops 10th graf, `The mayor...'"}}, nil, nil},
		{"substitutes grafs", "SUBSTITUTES grafs 3-5 with 2 grafs", []act{{"SUBS", revision.TargetParas, []int{3, 4, 5}, 0, 0, "", "SUBSTITUTES grafs 3-5 with 2 grafs"}}, nil, nil},
		{"sub one with three", "SUB 3rd graf, `In the...' with three grafs", []act{{"SUBS", revision.TargetParas, []int{3, 4, 5}, 0, 0, "In the", "SUB 3rd graf, `In the...' with three grafs"}}, nil, nil},
		{"retransmission", "Retransmitting a0707 to correct keyword",
			[]act{
				{"RETRANSMITS", revision.TargetItem, nil, 0, 0, "", "Retransmitting a0707"},
				{"CORRECTS", revision.TargetSlug, nil, 0, 0, "", "to correct keyword"},
			}, nil, nil},
		{"combination", "COMBINES 2nd Ld, a0713, with 1st Ld-Writethru, a0740.",
			[]act{{"COMBINES", revision.TargetItem, nil, 0, 0, "", "COMBINES 2nd Ld, a0713, with 1st Ld-Writethru, a0740"}}, nil, nil},
		{"split into takes", "Splits into two takes", []act{{"SPLITS", revision.TargetItem, nil, 0, 0, "", "Splits into two takes"}}, nil, nil},
		{"media api", "UPDATES: With comment from defense lawyer.; With AP Photos.",
			[]act{{"UPDATES", revision.TargetBody, nil, 0, 0, "", "UPDATES: With comment from defense lawyer"}},
			nil, []string{"With AP Photos"}},
		{"hard-wrapped", "SUBS 3rd graf, `In\n   other...' to CORRECT\n   score",
			[]act{
				{"SUBS", revision.TargetParas, []int{3}, 0, 0, "In other", "SUBS 3rd graf, `In other...'"},
				{"CORRECTS", revision.TargetBody, nil, 0, 0, "", "to CORRECT score"},
			}, nil, nil},
		{"pick-up after a sentence", "LEADS with 1 graf to UPDATE casualty toll. Pick up 2nd pvs, `The ferry...'",
			[]act{
				{"LEADS", revision.TargetLead, []int{1}, 0, 0, "", "LEADS with 1 graf"},
				{"UPDATES", revision.TargetBody, nil, 0, 0, "", "to UPDATE casualty toll"},
				{"PICKS UP", revision.TargetParas, nil, 2, 0, "The ferry", "Pick up 2nd pvs, `The ferry...'"},
			}, &revision.Pickup{Para: 2, Anchor: "The ferry"}, nil},
		{"place before the verb", "In 29th graf, CORRECTS `this year' to 1988",
			[]act{{"CORRECTS", revision.TargetParas, []int{29}, 0, 0, "", "In 29th graf, CORRECTS `this year' to 1988"}}, nil, nil},
		{"list after the verb", "LEADS with 13 graf to UPDATE with water receding; interstate still closed; other detail. Picks up 12th graf pvs, `The south...'.",
			[]act{
				{"LEADS", revision.TargetLead, span(1, 13), 0, 0, "", "LEADS with 13 graf"},
				{"UPDATES", revision.TargetBody, nil, 0, 0, "", "to UPDATE with water receding; interstate still closed; other detail"},
				{"PICKS UP", revision.TargetParas, nil, 12, 0, "The south", "Picks up 12th graf pvs, `The south...'"},
			}, &revision.Pickup{Para: 12, Anchor: "The south"}, nil},
		{"no verb", "Cathie in 8th graf is cq", nil, nil, []string{"Cathie in 8th graf is cq"}},
		{"abbreviations do not end a sentence", "For release at 6:30 p.m. EST", nil, nil, []string{"For release at 6:30 p.m. EST"}},
		{"verb after a closing quote", "Picks up 4th pvs, `In Gaza...' Minor editing to trim",
			[]act{
				{"PICKS UP", revision.TargetParas, nil, 4, 0, "In Gaza", "Picks up 4th pvs, `In Gaza...'"},
				{"EDITS", revision.TargetBody, nil, 0, 0, "", "Minor editing"},
				{"TRIMS", revision.TargetBody, nil, 0, 0, "", "to trim"},
			}, &revision.Pickup{Para: 4, Anchor: "In Gaza"}, nil},
		{"sub to end", "SUBS from 6th graf to end, bgng `Bakker, who...', with 13 grafs",
			[]act{{"SUBS", revision.TargetParas, nil, 6, 0, "Bakker, who", "SUBS from 6th graf to end, bgng `Bakker, who...', with 13 grafs"}}, nil, nil},
		{"top grafs new", "Top 5 grafs new with Reagan saying U.S. has not heard from Arafat; picks up 5th graf pvs, The FBI chief.",
			[]act{
				{"LEADS", revision.TargetLead, span(1, 5), 0, 0, "", "Top 5 grafs new with Reagan saying U.S. has not heard from Arafat"},
				{"PICKS UP", revision.TargetParas, nil, 5, 0, "The FBI chief", "picks up 5th graf pvs, The FBI chief"},
			}, &revision.Pickup{Para: 5, Anchor: "The FBI chief"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ParseEds(tt.note)
			var got []act
			for _, a := range e.Actions {
				got = append(got, act{a.Verb, a.Target, nilIfEmpty(a.Paras), a.From, a.After, a.Anchor, a.Text})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("actions\n got  %+v\n want %+v", got, tt.want)
			}
			if !reflect.DeepEqual(e.Pickup, tt.pickup) {
				t.Errorf("pickup %+v, want %+v", e.Pickup, tt.pickup)
			}
			if !reflect.DeepEqual(e.Clauses, tt.clauses) {
				t.Errorf("clauses %q, want %q", e.Clauses, tt.clauses)
			}
			if missing := lostWords(tt.note, e.Actions, e.Clauses); len(missing) > 0 {
				t.Errorf("words lost: %q", missing)
			}
		})
	}
}

func nilIfEmpty(p []int) []int {
	if len(p) == 0 {
		return nil
	}
	return p
}

// lostWords lists the words of a note that neither an action's Text nor
// an unread clause holds (each word counted as often as it occurs; the
// separators between clauses, ";", "," and a final ".", do not count).
func lostWords(note string, actions []revision.Action, clauses []string) []string {
	have := map[string]int{}
	for _, s := range clauses {
		for _, w := range noteWords(s) {
			have[w]++
		}
	}
	for _, a := range actions {
		for _, w := range noteWords(a.Text) {
			have[w]++
		}
	}
	var lost []string
	for _, w := range noteWords(note) {
		if have[w] == 0 {
			lost = append(lost, w)
			continue
		}
		have[w]--
	}
	return lost
}

func noteWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, ",;")
		for prev := ""; prev != w; {
			prev, w = w, strings.TrimRight(w, ",;")
			if strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "..") {
				w = strings.TrimSuffix(w, ".")
			}
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// TestParseEdsBounded reads a long run-on "note" (a garbled item) only up
// to maxEds bytes and keeps what it read.
func TestParseEdsBounded(t *testing.T) {
	note := strings.Repeat("SUBS 3rd graf; ", 2000)
	e := ParseEds(note)
	if n := len(e.Actions); n == 0 || n > maxEds/10 {
		t.Fatalf("%d actions from a %d-byte note", n, len(note))
	}
	if !slices.ContainsFunc(e.Actions, func(a revision.Action) bool { return reflect.DeepEqual(a.Paras, []int{3}) }) {
		t.Errorf("no SUBS 3rd graf read: %+v", e.Actions[0])
	}
}

// LostWords is lostWords for the corpus test of package apwire_test.
var LostWords = lostWords

// TestApplyNotePickup: the note of an AP item gives the revision its
// actions, its unread clauses and its pick-up, which the rebuild of a
// partial item reads.
func TestApplyNotePickup(t *testing.T) {
	r := &revision.Revision{Version: 2}
	ApplyNote(r, "LEADS with 1 graf to UPDATE casualty toll. Pick up 2nd pvs, `The ferry...' Also in Tuesday AMs report.")
	if r.Pickup == nil || *r.Pickup != (revision.Pickup{Para: 2, Anchor: "The ferry"}) {
		t.Errorf("pickup %+v", r.Pickup)
	}
	if len(r.Actions) != 3 || r.Actions[0].Verb != "LEADS" || r.Actions[2].Verb != "PICKS UP" {
		t.Errorf("actions %+v", r.Actions)
	}
	if !reflect.DeepEqual(r.NoteClauses, []string{"Also in Tuesday AMs report"}) {
		t.Errorf("clauses %q", r.NoteClauses)
	}
	if !slices.Contains(r.Signals, revision.SignalUpdate) {
		t.Errorf("signals %q", r.Signals)
	}
	w := &revision.Revision{}
	ApplyNote(w, "New throughout with goal met; no pickup")
	if w.Pickup == nil || !w.Pickup.None {
		t.Errorf("no pickup gives %+v", w.Pickup)
	}
}

// TestParseNotesOtherAgencies: what dpa, STT, TT and NTB write in their
// own languages gives the actions an AP note saying the same gives, one
// line a note; what says no such thing stays a clause.
func TestParseNotesOtherAgencies(t *testing.T) {
	tests := []struct {
		note string
		want []act
		rest []string
	}{
		{"Bildhinweis ergänzt", []act{{"ADDS", revision.TargetPhoto, nil, 0, 0, "", "Bildhinweis ergänzt"}}, nil},
		{"complemented throughout", []act{{"ADDS", revision.TargetThroughout, nil, 0, 0, "", "complemented throughout"}}, nil},
		{"Med Ann Linde samt ytterligare kommentar. Ny rubrik, delvis omskriven ingress.", []act{
			{"ADDS", revision.TargetBody, nil, 0, 0, "", "Med Ann Linde samt ytterligare kommentar"},
			{"CHANGES", revision.TargetHeadline, nil, 0, 0, "", "Ny rubrik"},
			{"REWRITES", revision.TargetLead, nil, 0, 0, "", "delvis omskriven ingress"},
		}, nil},
		{"Noe utvidet.", []act{{"EXPANDS", revision.TargetBody, nil, 0, 0, "", "Noe utvidet"}}, nil},
		{"2. kpl. väärin\nKorjattu aiempaa uutista: lähde", []act{{"CORRECTS", revision.TargetBody, nil, 0, 0, "", "Korjattu aiempaa uutista: lähde"}}, []string{"2. kpl. väärin"}},
		{"adds head of UNGA in grafs 7-11", []act{{"ADDS", revision.TargetParas, span(7, 11), 0, 0, "", "adds head of UNGA in grafs 7-11"}}, nil},
		{"Note to editors: STRICTLY EMBARGOED", nil, []string{"Note to editors: STRICTLY EMBARGOED"}},
	}
	for _, tt := range tests {
		e := ParseNotes(tt.note)
		var got []act
		for _, a := range e.Actions {
			got = append(got, act{a.Verb, a.Target, nilIfEmpty(a.Paras), a.From, a.After, a.Anchor, a.Text})
		}
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(e.Clauses, tt.rest) {
			t.Errorf("%q:\n got  %+v %q\n want %+v %q", tt.note, got, e.Clauses, tt.want, tt.rest)
		}
	}
}

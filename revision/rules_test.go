package revision

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestRulesMatch(t *testing.T) {
	first := Event{Story: 1, NewStory: true, PrevSeq: -1, Text: "N. Korea fires missile"}
	lead := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 0, Text: "N. Korea fires missile", Added: 3}
	lowLead := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 2, Added: 1}
	// Stored after its 2nd LD, landing before it: late after @3.
	lateLead := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 2, Late: 3, OrderSeq: 0, Added: 1}
	lateRepeat := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1, Flags: []string{"REPEATED"}}, PrevSeq: 2, Late: 4, OrderSeq: 1}
	lateFirst := Event{Story: 1, PrevSeq: 1, Late: 2, OrderSeq: -1}
	orphanLead := Event{Story: 2, NewStory: true, Marker: Marker{Label: "2nd LD", Seq: 2}, PrevSeq: -1}
	urgent := Event{Story: 3, NewStory: true, Marker: Marker{Label: "URGENT"}, PrevSeq: -1}
	corrected := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1, Flags: []string{"CORRECTED"}}, PrevSeq: 1}
	corrects := Event{Story: 1, Marker: Marker{Label: "3rd LD", Seq: 3}, PrevSeq: 3, Actions: []Action{{Verb: "CORRECTS"}}}
	killed := Event{Story: 1, PrevSeq: 2, Status: StatusCanceled, Text: "withdrawn"}
	killSignal := Event{Story: 1, PrevSeq: 2, Signals: []string{SignalKill}}
	corrSignal := Event{Story: 1, PrevSeq: 2, Signals: []string{SignalCorrection}, Text: "typo"}
	alertedKill, alertedCorr := killed, corrSignal
	alertedKill.Alerted, alertedCorr.Alerted = true, true
	advisory := Event{Story: 4, NewStory: true, Marker: Marker{Label: "2nd Ld-Writethru", Seq: 2}, PrevSeq: -1, Signals: []string{SignalAdvisory}}
	tests := []struct {
		name  string
		rules Rules
		e     Event
		want  []AlertKind // nil: no alert
	}{
		{"default: first version", Rules{}, first, nil},
		{"figures: an update that changed one", Rules{Kinds: []AlertKind{KindFigures}}, Event{Story: 1, PrevSeq: 1, Figures: 2}, []AlertKind{KindFigures}},
		{"figures: a lead that changed none", Rules{Kinds: []AlertKind{KindFigures}}, lead, nil},
		{"default: lead", Rules{}, lead, []AlertKind{KindLead}},
		{"default: lead below the story's top", Rules{}, lowLead, nil},
		{"default: late lead", Rules{}, lateLead, []AlertKind{KindLead}},
		{"late alert: late lead", Rules{Late: LateAlert}, lateLead, []AlertKind{KindLead}},
		{"late skip: late lead", Rules{Late: LateSkip}, lateLead, nil},
		{"late skip: any", Rules{Kinds: []AlertKind{KindAny}, Late: LateSkip}, lateLead, nil},
		{"late repeat of a lead", Rules{}, lateRepeat, nil},
		{"late first version opens the story", Rules{Kinds: []AlertKind{KindNewStory}}, lateFirst, []AlertKind{KindNewStory}},
		{"late first version is no lead", Rules{}, lateFirst, nil},
		{"default: lead opening a story", Rules{}, orphanLead, []AlertKind{KindNewStory, KindLead}},
		{"new-story", Rules{Kinds: []AlertKind{KindNewStory}}, first, []AlertKind{KindNewStory}},
		{"urgent", Rules{Kinds: []AlertKind{KindUrgent}}, urgent, []AlertKind{KindNewStory, KindUrgent}},
		{"urgent is not a lead", Rules{}, urgent, nil},
		{"corrected flag", Rules{Kinds: []AlertKind{KindCorrection}}, corrected, []AlertKind{KindCorrection}},
		{"CORRECTS note", Rules{Kinds: []AlertKind{KindCorrection}}, corrects, []AlertKind{KindCorrection}},
		{"repeat is not a lead", Rules{}, corrected, nil},
		{"any", Rules{Kinds: []AlertKind{KindAny}}, lowLead, []AlertKind{}},
		{"kill: canceled", Rules{Kinds: []AlertKind{KindKill}}, killed, []AlertKind{KindKill}},
		{"kill: kill signal", Rules{Kinds: []AlertKind{KindKill}}, killSignal, []AlertKind{KindKill}},
		{"kill is not a correction", Rules{Kinds: []AlertKind{KindCorrection}}, killed, nil},
		{"correction signal", Rules{Kinds: []AlertKind{KindCorrection}}, corrSignal, []AlertKind{KindCorrection}},
		{"default: kill of a story never alerted on", Rules{}, killed, nil},
		{"default: kill of a story alerted on", Rules{}, alertedKill, []AlertKind{KindKill}},
		{"default: correction of a story alerted on", Rules{}, alertedCorr, []AlertKind{KindCorrection}},
		{"lifecycle ignores grep and min-added", Rules{Grep: regexp.MustCompile(`missile`), MinAdded: 2}, alertedKill, []AlertKind{KindKill}},
		{"lifecycle: muted", Rules{Mute: []uint64{1}}, alertedKill, nil},
		{"lifecycle: not followed", Rules{Follow: []uint64{9}}, alertedKill, nil},
		{"lifecycle off", Rules{NoLifecycle: true}, alertedKill, nil},
		{"alerted story's lead is still a lead", Rules{}, Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 0, Alerted: true}, []AlertKind{KindLead}},
		{"advisory is no lead", Rules{}, advisory, nil},
		{"advisory is no new story", Rules{Kinds: []AlertKind{KindNewStory}}, advisory, nil},
		{"advisory with any", Rules{Kinds: []AlertKind{KindAny}}, advisory, []AlertKind{}},
		{"grep matches", Rules{Grep: regexp.MustCompile(`missile`)}, lead, []AlertKind{KindLead}},
		{"grep fails", Rules{Grep: regexp.MustCompile(`typhoon`)}, lead, nil},
		{"min-added met", Rules{MinAdded: 3}, lead, []AlertKind{KindLead}},
		{"min-added not met", Rules{MinAdded: 4}, lead, nil},
		{"muted", Rules{Mute: []uint64{1}}, lead, nil},
		{"followed", Rules{Follow: []uint64{1}}, lead, []AlertKind{KindLead}},
		{"not followed", Rules{Follow: []uint64{9}}, lead, nil},
		{"followed by grep", Rules{Follow: []uint64{9}, FollowGrep: []*regexp.Regexp{regexp.MustCompile(`Korea`)}}, lead, []AlertKind{KindLead}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.rules.Match(tt.e)
			if ok != (tt.want != nil) {
				t.Fatalf("Match = %v, %v; want alert %v", got, ok, tt.want != nil)
			}
			if ok && len(got)+len(tt.want) > 0 && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("kinds %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseLatePolicy(t *testing.T) {
	for in, want := range map[string]LatePolicy{"alert": LateAlert, " Skip": LateSkip} {
		if got, err := ParseLatePolicy(in); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseLatePolicy("drop"); err == nil || !strings.Contains(err.Error(), "want alert or skip") {
		t.Errorf("drop: %v", err)
	}
}

func TestParseAlertKinds(t *testing.T) {
	got, err := ParseAlertKinds("lead, URGENT,lead")
	if err != nil || !reflect.DeepEqual(got, []AlertKind{KindLead, KindUrgent}) {
		t.Errorf("got %v, %v", got, err)
	}
	for _, bad := range []string{"", "leads", ","} {
		if _, err := ParseAlertKinds(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

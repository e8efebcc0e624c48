package revision

import (
	"reflect"
	"regexp"
	"testing"
)

func TestRulesMatch(t *testing.T) {
	first := Event{Story: 1, NewStory: true, PrevSeq: -1, Text: "N. Korea fires missile"}
	lead := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 0, Text: "N. Korea fires missile", Added: 3}
	lateLead := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1}, PrevSeq: 2, Added: 1}
	orphanLead := Event{Story: 2, NewStory: true, Marker: Marker{Label: "2nd LD", Seq: 2}, PrevSeq: -1}
	urgent := Event{Story: 3, NewStory: true, Marker: Marker{Label: "URGENT"}, PrevSeq: -1}
	corrected := Event{Story: 1, Marker: Marker{Label: "LEAD", Seq: 1, Flags: []string{"CORRECTED"}}, PrevSeq: 1}
	corrects := Event{Story: 1, Marker: Marker{Label: "3rd LD", Seq: 3}, PrevSeq: 3, Actions: []Action{{Verb: "CORRECTS"}}}
	tests := []struct {
		name  string
		rules Rules
		e     Event
		want  []AlertKind // nil: no alert
	}{
		{"default: first version", Rules{}, first, nil},
		{"default: lead", Rules{}, lead, []AlertKind{KindLead}},
		{"default: late lead", Rules{}, lateLead, nil},
		{"default: lead opening a story", Rules{}, orphanLead, []AlertKind{KindNewStory, KindLead}},
		{"new-story", Rules{Kinds: []AlertKind{KindNewStory}}, first, []AlertKind{KindNewStory}},
		{"urgent", Rules{Kinds: []AlertKind{KindUrgent}}, urgent, []AlertKind{KindNewStory, KindUrgent}},
		{"urgent is not a lead", Rules{}, urgent, nil},
		{"corrected flag", Rules{Kinds: []AlertKind{KindCorrection}}, corrected, []AlertKind{KindCorrection}},
		{"CORRECTS note", Rules{Kinds: []AlertKind{KindCorrection}}, corrects, []AlertKind{KindCorrection}},
		{"repeat is not a lead", Rules{}, corrected, nil},
		{"any", Rules{Kinds: []AlertKind{KindAny}}, lateLead, []AlertKind{}},
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

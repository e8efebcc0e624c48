package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/apwire"
)

// ferry is a whole AP story of eight paragraphs, each on its own topic so
// that no two of them pair as edits of one another.
var ferry = []string{
	"PUERTO BARRIOS, Guatemala (AP) _ An overloaded ferry sank in the Bay of Amatique on Sunday, killing at least 18 people, officials said.",
	"The ferry, the Justo Rufino Barrios, was carrying more than 150 passengers from Livingston to Puerto Barrios.",
	"Rescuers in fishing boats pulled dozens of survivors from the warm water near the mouth of the Dulce River.",
	"Harbor master Carlos Lopez said the vessel was licensed to carry no more than 90 people on that crossing.",
	"Relatives waited through the night on the municipal dock for news of the missing, many of them children.",
	"President Vinicio Cerezo ordered an inquiry and sent navy divers from the base at Santo Tomas de Castilla.",
	"The same ferry line lost a smaller boat in a storm three years ago, when eleven crew members drowned.",
	"Livingston, a town of Garifuna fishermen, can be reached only by water from the rest of the country.",
}

// apVersion is the newer version: the paragraphs given, the note read by
// AP's Eds: grammar.
func apVersion(note string, paras ...string) *revision.Revision {
	r := &revision.Revision{Agency: "AP", Headline: "Ferry sinks", Note: note, Paragraphs: paras, Complete: true}
	r.Actions = apwire.ParseEds(note).Actions
	return r
}

// edited returns the story as f edits a copy of it.
func edited(f func([]string) []string) []string {
	return f(slices.Clone(ferry))
}

// TestNoteCheckAP checks each of AP's claims against whole versions in
// AP's numbering: verdict, paragraphs and reason of every action, and the
// changes left unannounced.
func TestNoteCheckAP(t *testing.T) {
	newTop := []string{
		"PUERTO BARRIOS, Guatemala (AP) _ The death toll from Sunday's ferry sinking rose to 67 on Monday as divers recovered more bodies.",
		"Fourteen people were still missing, the navy said, and the search would go on through the week.",
	}
	tests := []struct {
		name, note string
		paras      []string
		want       []string // "VERB verdict paras: why" per action
		unann      []string
	}{
		{"partial lead rebuilt", "LEADS with 2 grafs to UPDATE casualty toll. Pick up 3rd graf pvs, `Rescuers in...'",
			append(slices.Clone(newTop), ferry[2:]...),
			[]string{
				"LEADS confirmed [1 2]: changed: paras 1-2",
				"UPDATES confirmed [1 2]: changed: paras 1-2",
				"PICKS UP confirmed [3]: previous para 3 is para 3; unchanged from there on",
			}, nil},
		{"lead leaves the old second graf", "LEADS with 2 grafs to UPDATE casualty toll; picks up 3rd graf pvs",
			append(append(slices.Clone(newTop), ferry[1]), ferry[2:]...),
			[]string{
				"LEADS not-seen [1 2]: new top of paras 1-2; but previous para 2 before the pick-up (para 3) left over",
				"UPDATES confirmed [1 2]: changed: paras 1-2",
				"PICKS UP confirmed [4]: previous para 3 is para 4; unchanged from there on",
			}, nil},
		{"sub the third graf", "SUBS 3rd graf, `Rescuers in...' to CORRECT river name; picks up 4th graf pvs",
			edited(func(p []string) []string {
				p[2] = "Rescuers in fishing boats pulled dozens of survivors from the warm water near the mouth of the Sarstun River."
				return p
			}),
			[]string{
				"SUBS confirmed [3]: changed: para 3",
				"CORRECTS confirmed [3]: changed: para 3",
				"PICKS UP confirmed [4]: previous para 4 is para 4; unchanged from there on",
			}, nil},
		{"sub claimed, another graf changed", "SUBS 3rd graf to CORRECT river name",
			edited(func(p []string) []string {
				p[3] = "Harbor master Carlos Lopez said the vessel was licensed to carry no more than 80 people on that crossing."
				return p
			}),
			[]string{
				"SUBS not-seen []: no such change in the text",
				"CORRECTS confirmed [4]: changed: para 4",
			}, nil},
		{"insert after the fifth graf", "INSERTS graf after 5th graf, `Relatives waited...' to ADD quote. Picks up 6th graf pvs, `President Vinicio...'",
			edited(func(p []string) []string {
				return slices.Insert(p, 5, `"We have nothing left," said Maria Ramirez, whose two sons were aboard.`)
			}),
			[]string{
				"INSERTS confirmed [6]: changed: para 6",
				"ADDS confirmed [6]: changed: para 6",
				"PICKS UP confirmed [7]: previous para 6 is para 7; unchanged from there on",
			}, nil},
		{"eliminate the seventh graf", "ELIMINATES 7th graf",
			edited(func(p []string) []string { return slices.Delete(p, 6, 7) }),
			[]string{"ELIMINATES confirmed [7]: gone: previous para 7"}, nil},
		{"eliminate claimed, nothing gone", "ELIMINATES 7th graf",
			slices.Clone(ferry),
			[]string{"ELIMINATES not-seen []: previous para 7 still there"}, nil},
		{"pick-up with an unannounced change after it", "LEADS with 2 grafs; picks up 3rd graf pvs",
			append(slices.Clone(newTop), append(slices.Clone(ferry[2:6]), "The ferry line said it would pay for the funerals.", ferry[7])...),
			[]string{
				"LEADS confirmed [1 2]: changed: paras 1-2",
				"PICKS UP not-seen [3]: previous para 3 is para 3; changed after it and not announced: previous para 7, para 7",
			}, []string{"para delete 7>-", "para insert ->7"}},
		{"anchor wins over the number", "LEADS with 2 grafs. Picks up 4th graf pvs, `Rescuers in...'",
			append(slices.Clone(newTop), ferry[2:]...),
			[]string{
				"LEADS confirmed [1 2]: changed: paras 1-2",
				`PICKS UP confirmed [3]: previous para 3 is para 3 (the anchor "Rescuers in" opens para 3, not 4); unchanged from there on`,
			}, nil},
		{"new throughout", "New throughout with divers' findings; no pickup",
			func() []string {
				var out []string
				for _, p := range ferry {
					out = append(out, strings.Replace(p, ".", ", the navy said on Monday.", 1))
				}
				return out
			}(),
			[]string{
				"NEW confirmed [1 2 3 4 5 6 7 8]: changed: paras 1-8",
				"NO PICKUP unverifiable []: says the item is whole, replacing the version before; nothing in the text to check",
			}, nil},
		{"new throughout, one graf changed", "New throughout",
			edited(func(p []string) []string { p[0] += " It was the worst disaster in decades."; return p }),
			[]string{"NEW not-seen [1]: claims changes throughout; changed: para 1 only"}, nil},
		{"retransmission", "RETRANSMITTING to FIX byline", slices.Clone(ferry),
			[]string{
				"RETRANSMITS unverifiable []: speaks of the transmission (retransmission, combination, takes), not of its text",
				"FIXES not-seen []: unchanged",
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := &revision.Revision{Agency: "AP", Headline: "Ferry sinks", Paragraphs: ferry, Complete: true}
			r := Compare(old, apVersion(tt.note, tt.paras...), Options{})
			var got []string
			for _, v := range r.NoteCheck {
				got = append(got, fmt.Sprintf("%s %s %v: %s", v.Verb, v.Result, v.Paras, v.Why))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("note check\n got  %q\n want %q", got, tt.want)
			}
			var un []string
			for _, u := range r.Unannounced {
				un = append(un, fmt.Sprintf("%s %s %s>%s", u.Part, u.Op, numOr(u.Old), numOr(u.New)))
			}
			if !slices.Equal(un, tt.unann) {
				t.Errorf("unannounced %q, want %q", un, tt.unann)
			}
		})
	}
}

func numOr(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

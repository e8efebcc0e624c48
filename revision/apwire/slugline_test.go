package apwire

import (
	"slices"
	"testing"
)

// Real slug lines of the AP89 days and the ANPA samples, with the
// spacing and case their operators typed.
func TestParseSlugline(t *testing.T) {
	tests := []struct {
		in, cycle, desig, slug, label string
		ld, words                     int
		refs, flags                   []string
	}{
		{"AM-Guatemala-Shipwreck, 2nd Ld-Writethru, a0595,0346", "AM", "", "Guatemala-Shipwreck", "2nd Ld-Writethru", 2, 346, []string{"a0595"}, nil},
		{"BC-Brazil-Collision, 1st Ld - Writethru,a0666,0510", "BC", "", "Brazil-Collision", "1st Ld-Writethru", 1, 510, []string{"a0666"}, nil},
		{"AM-Rio-Capsize, 3rd Ld-Writethru, a0713,a0740,0691", "AM", "", "Rio-Capsize", "3rd Ld-Writethru", 3, 691, []string{"a0713", "a0740"}, nil},
		{"AM-S&L Bailouts,CORRECTIVE, 1st Ld-Writethru,a0657", "AM", "", "S&L Bailouts", "1st Ld-Writethru", 1, 0, []string{"a0657"}, []string{"CORRECTIVE"}},
		{"AM-Abortion Activist _ 1st Ld, a0504,1177", "AM", "", "Abortion Activist", "1st Ld", 1, 1177, []string{"a0504"}, nil},
		{"PM-Reagan in History - 1st Add,0577", "PM", "", "Reagan in History", "1st Add", 0, 577, nil, nil},
		{"AM-Reagan 2nd-ld writethru, a0598,660", "AM", "", "Reagan", "2nd Ld-Writethru", 2, 660, []string{"a0598"}, nil},
		{"AM-Reagan, 1stld-writethru, a0574, 370", "AM", "", "Reagan", "1st Ld-Writethru", 1, 370, []string{"a0574"}, nil},
		{"AM-BRF--Spain-Strike, 1st Ld - Writethru, a0529,0149", "AM", "BRF", "Spain-Strike", "1st Ld-Writethru", 1, 149, []string{"a0529"}, nil},
		{"BC-EXP--AIDS Survivors, Adv 05,1144", "BC", "EXP", "EXP--AIDS Survivors", "Adv05", 0, 1144, nil, nil},
		{"PM-AP Arts: 60s Movies,1100", "PM", "", "AP Arts: 60s Movies", "", 0, 1100, nil, nil},
		{"BC-AS--China-Daring Escape-ABRIDGED, 3rd Ld-Writethru,827", "BC", "AS", "AS--China-Daring Escape", "3rd Ld-Writethru", 3, 827, nil, []string{"ABRIDGED"}},
		{"AM-Dike Break, 2nd Ld-Writethru a0762,0585", "AM", "", "Dike Break", "2nd Ld-Writethru", 2, 585, []string{"a0762"}, nil},
		{"AM-Dike Break 2nd Ld-Writethru a0762,0585", "AM", "", "Dike Break", "2nd Ld-Writethru", 2, 585, []string{"a0762"}, nil},
		{"AP-US--Biden-Staff, 3rd Ld-Writethru", "", "US", "US--Biden-Staff", "3rd Ld-Writethru", 3, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, odd, ok := ParseSlugline(tt.in)
			if !ok || len(odd) > 0 {
				t.Fatalf("ok %v, odd fields %q", ok, odd)
			}
			if s.Cycle != tt.cycle || s.Designator != tt.desig || s.Slug != tt.slug {
				t.Errorf("cycle %q desig %q slug %q, want %q %q %q", s.Cycle, s.Designator, s.Slug, tt.cycle, tt.desig, tt.slug)
			}
			if s.Version.Label != tt.label || s.Version.Ld != tt.ld || s.Words != tt.words {
				t.Errorf("label %q ld %d words %d, want %q %d %d", s.Version.Label, s.Version.Ld, s.Words, tt.label, tt.ld, tt.words)
			}
			if !slices.Equal(s.Refs, tt.refs) || !slices.Equal(s.Version.Flags, tt.flags) {
				t.Errorf("refs %q flags %q, want %q %q", s.Refs, s.Version.Flags, tt.refs, tt.flags)
			}
		})
	}
}

// A field that is neither version words, a reference nor a count is
// reported, and kept out of the slug.
func TestParseSluglineOddField(t *testing.T) {
	s, odd, ok := ParseSlugline("AM-Dike Break, Writethru ziggurat, a0762")
	if !ok || s.Slug != "Dike Break" || !slices.Equal(odd, []string{"Writethru ziggurat"}) {
		t.Errorf("slug %q ok %v odd %q", s.Slug, ok, odd)
	}
	if _, _, ok := ParseSlugline(" , 0346"); ok {
		t.Error("a line without a slug was read")
	}
}

func TestParseKeyline(t *testing.T) {
	k, ok := ParseKeyline("r i AM-Guatemala-Shipwreck 2ndLd-Writethru a0595 01-02 0337")
	if !ok || k.Priority != "r" || k.Category != "i" || k.Cycle != "AM" || k.Keyword != "Guatemala-Shipwreck" ||
		k.Version.Ld != 2 || !slices.Equal(k.Refs, []string{"a0595"}) || k.Month != 1 || k.Day != 2 || k.Words != 337 {
		t.Errorf("got %+v ok %v", k, ok)
	}
	// ANPA's keyword line, its control codes turned to spaces.
	k, ok = ParseKeyline("r z   BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500")
	if !ok || k.Keyword != "BKN--Heat-Hawks" || k.Version.Label != "1st Ld-Writethru" || k.Words != 500 {
		t.Errorf("got %+v ok %v", k, ok)
	}
	// The garbled FIRST of AP890102-0073: cut after the reference's letter.
	if _, ok := ParseKeyline("u a PM-RetirementHomeSlayings 1stLd-Writethru a"); ok {
		t.Error("garbled keyword line read as whole")
	}
	if _, ok := ParseKeyline("r a AM-X     13-45 0100"); ok {
		t.Error("month 13 accepted")
	}
}

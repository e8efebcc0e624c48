package apwire

import (
	"slices"
	"testing"

	"lede/revision"
)

func TestParseVersion(t *testing.T) {
	take := func(k string, n, of int) *revision.ItemPart { return &revision.ItemPart{Kind: k, N: n, Of: of} }
	tests := []struct {
		in                   string
		label                string
		ld                   int
		writethru, partial   bool
		part                 *revision.ItemPart
		adv                  string
		corr, advisory, kill bool
		flags                []string
	}{
		{in: "2nd Ld-Writethru", label: "2nd Ld-Writethru", ld: 2, writethru: true},
		{in: "1st Ld - Writethru", label: "1st Ld-Writethru", ld: 1, writethru: true},
		{in: "3rdLd-Writethru", label: "3rd Ld-Writethru", ld: 3, writethru: true},
		{in: "1stld-writethru", label: "1st Ld-Writethru", ld: 1, writethru: true},
		{in: "2nd-ld writethru", label: "2nd Ld-Writethru", ld: 2, writethru: true},
		{in: "11th Ld-Writethru", label: "11th Ld-Writethru", ld: 11, writethru: true},
		{in: "1st Ld", label: "1st Ld", ld: 1, partial: true},
		{in: "Sub", label: "Sub", partial: true},
		{in: "2nd Insert", label: "2nd Insert", partial: true},
		{in: "Bjt", label: "Bjt"},
		{in: "Adv 05", label: "Adv05", adv: "05"},
		{in: "Adv15", label: "Adv15", adv: "15"},
		{in: "2 Takes", label: "2 Takes", part: take("take", 1, 2)},
		{in: "2Takes", label: "2 Takes", part: take("take", 1, 2)},
		{in: "1st Add", label: "1st Add", part: take("add", 1, 0)},
		{in: "2nd Take", label: "2nd Take", part: take("take", 2, 0)},
		{in: "Advisory", label: "Advisory", advisory: true},
		{in: "CORRECTIVE, 1st Ld-Writethru", label: "1st Ld-Writethru", ld: 1, writethru: true, corr: true, flags: []string{"CORRECTIVE"}},
		{in: "Kill", label: "Kill", advisory: true, kill: true},
		{in: "Withdrawal", label: "Withdrawal", advisory: true, kill: true},
		{in: "URGENT", flags: []string{"URGENT"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, ok := ParseVersion(tt.in)
			if !ok {
				t.Fatalf("not read as version words")
			}
			if v.Label != tt.label || v.Ld != tt.ld || v.Writethru != tt.writethru || v.Partial != tt.partial {
				t.Errorf("got label %q ld %d writethru %v partial %v, want %q %d %v %v",
					v.Label, v.Ld, v.Writethru, v.Partial, tt.label, tt.ld, tt.writethru, tt.partial)
			}
			if (v.Part == nil) != (tt.part == nil) || v.Part != nil && *v.Part != *tt.part {
				t.Errorf("part %+v, want %+v", v.Part, tt.part)
			}
			if v.Adv != tt.adv || v.Corrective != tt.corr || v.Advisory != tt.advisory || v.Kill != tt.kill {
				t.Errorf("adv %q corrective %v advisory %v kill %v, want %q %v %v %v",
					v.Adv, v.Corrective, v.Advisory, v.Kill, tt.adv, tt.corr, tt.advisory, tt.kill)
			}
			if !slices.Equal(v.Flags, tt.flags) {
				t.Errorf("flags %q, want %q", v.Flags, tt.flags)
			}
		})
	}
}

// Words that are not version words are refused, so a slug such as
// "Sub-Saharan Drought" or "Heat-Hawks" is never read as a version.
func TestParseVersionRefusesOtherWords(t *testing.T) {
	for _, in := range []string{"Heat-Hawks", "Sub-Saharan Drought", "Adverse Weather", "Bjtx", "a0595", ""} {
		if IsVersion(in) {
			t.Errorf("%q read as version words", in)
		}
	}
}

package apwire

import "testing"

func TestClassifyHead(t *testing.T) {
	tests := []struct {
		head string
		cont bool
		want HeadKind
	}{
		{"Overloaded Guatemalan Ferry Sinks; 67 Dead, 14 Missing", false, HeadHeadline},
		{"WASHINGTON TODAY: Political Combatants Will Come Out Smiling", false, HeadHeadline},
		{"WASHINGTON: the outside.", true, HeadOther},
		{"Eds: Also in Monday AMs report.", false, HeadNote},
		{"URGENT", false, HeadFlag},
		{"An AP Extra", false, HeadTag},
		{"LaserPhotos MOS1,MLA1,MLA2", false, HeadOther},
		{"AP LaserPhoto NY1", false, HeadOther},
		{"With AM-Salvador-Killings, Bjt", false, HeadOther},
		{"$adv05", false, HeadOther},
		{"For release Thursday, Jan. 5, and thereafter", false, HeadOther},
		{"Precede WASHINGTON", false, HeadOther},
		{"Photographers Capture Eclipse", false, HeadHeadline},
		{"Photo Finish Decides Derby", false, HeadHeadline},
		{"Photo NY12", false, HeadOther},
	}
	for _, tt := range tests {
		if got := ClassifyHead(tt.head, tt.cont); got != tt.want {
			t.Errorf("ClassifyHead(%q, %v) = %v, want %v", tt.head, tt.cont, got, tt.want)
		}
	}
}

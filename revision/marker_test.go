package revision

import "testing"

func TestMarkerText(t *testing.T) {
	for _, c := range []struct {
		name string
		m    Marker
		want string
	}{
		{"first version", Marker{}, ""},
		{"lead", Marker{Label: "LEAD", Seq: 1}, "LEAD"},
		{"flagged lead", Marker{Label: "2nd LD", Seq: 2, Flags: []string{"CORRECTED"}}, "2nd LD, CORRECTED"},
		{"flag alone", Marker{Flags: []string{"REPEATED"}}, "REPEATED"},
	} {
		if got := c.m.Text(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

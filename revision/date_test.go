package revision

import "testing"

// TestDateValid: only real calendar dates are valid; a year-less date is
// valid when some year has it (Feb. 29), never when none does (Feb. 30).
func TestDateValid(t *testing.T) {
	tests := []struct {
		d    Date
		want bool
	}{
		{Date{}, true},
		{Date{2024, 2, 29}, true},
		{Date{2000, 2, 29}, true},
		{Date{2023, 2, 29}, false},
		{Date{1900, 2, 29}, false},
		{Date{2022, 2, 30}, false},
		{Date{2022, 4, 31}, false},
		{Date{2022, 12, 31}, true},
		{Date{2022, 13, 1}, false},
		{Date{2022, 0, 1}, false},
		{Date{2022, 1, 0}, false},
		{Date{0, 2, 29}, true},
		{Date{0, 2, 30}, false},
		{Date{0, 6, 31}, false},
		{Date{2022, 0, 0}, false},
	}
	for _, tc := range tests {
		if got := tc.d.Valid(); got != tc.want {
			t.Errorf("%+v.Valid() = %v, want %v", tc.d, got, tc.want)
		}
	}
}

// TestParseDateImpossible: the forms an older lede could write for an
// impossible date are refused, the real ones next to them read.
func TestParseDateImpossible(t *testing.T) {
	for _, bad := range []string{"2022-02-30", "2023-02-29", "2022-13-45", "2022-04-31", "--02-30", "--04-31", "--13-01", "--00-10"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %+v, want an error", bad, d)
		}
	}
	for s, want := range map[string]Date{"2024-02-29": {2024, 2, 29}, "--02-29": {0, 2, 29}, "--04-30": {0, 4, 30}} {
		if d, err := ParseDate(s); err != nil || d != want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", s, d, err, want)
		}
	}
}

// TestDateInYear: a story's year fills a page's missing year only where
// the two make a real date.
func TestDateInYear(t *testing.T) {
	tests := []struct {
		d    Date
		year int
		want Date
	}{
		{Date{0, 2, 29}, 2023, Date{0, 2, 29}},
		{Date{0, 2, 29}, 2024, Date{2024, 2, 29}},
		{Date{0, 3, 1}, 2023, Date{2023, 3, 1}},
		{Date{0, 3, 1}, 0, Date{0, 3, 1}},
		{Date{2022, 3, 1}, 2023, Date{2022, 3, 1}},
		{Date{}, 2023, Date{}},
	}
	for _, tc := range tests {
		if got := tc.d.InYear(tc.year); got != tc.want {
			t.Errorf("%+v.InYear(%d) = %+v, want %+v", tc.d, tc.year, got, tc.want)
		}
	}
}

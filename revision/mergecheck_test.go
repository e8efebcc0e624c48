package revision

import "testing"

func TestMergeDoubt(t *testing.T) {
	d := func(y, m, day int) Date { return Date{Year: y, Month: m, Day: day} }
	schools := StoryOutline{Dates: []Date{d(2020, 2, 6)}, Headlines: []string{"Schools suspend classes after virus cases"}}
	hundreds := StoryOutline{Dates: []Date{d(2020, 2, 6)}, Headlines: []string{"Hundreds of schools, kindergartens suspend classes"}}
	polls := StoryOutline{Dates: []Date{d(2022, 3, 9)}, Headlines: []string{"Exit polls project Lee, Yoon in dead heat"}}
	nextDay := StoryOutline{Dates: []Date{d(2020, 2, 7)}, Headlines: []string{"More schools suspend classes"}}
	typhoon := StoryOutline{Dates: []Date{d(2020, 2, 6)}, Headlines: []string{"Typhoon Bavi nears land"}}
	tests := []struct {
		name string
		a, b StoryOutline
		want string
	}{
		{"one story", schools, hundreds, ""},
		{"the next day", schools, nextDay, ""},
		{"years and topics apart", schools, polls, "their nearest versions are 762 days apart and their headlines share no telling word"},
		{"same day, another topic", schools, typhoon, "their headlines share no telling word"},
		{"no headlines", StoryOutline{Dates: []Date{d(2020, 2, 6)}}, schools, ""},
	}
	for _, tt := range tests {
		if got := MergeDoubt(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

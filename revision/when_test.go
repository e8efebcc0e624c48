package revision

import (
	"testing"
	"time"
)

func TestGap(t *testing.T) {
	d := Date{Year: 2020, Month: 9, Day: 5}
	next := Date{Year: 2020, Month: 9, Day: 7}
	recv := time.Date(2026, 12, 4, 21, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		prev, cur Sent
		want      string
	}{
		{"minutes", SentAt(d, "13:23", ""), SentAt(d, "14:05", ""), "+42 min"},
		{"hours and minutes", SentAt(d, "09:00", ""), SentAt(d, "14:05", ""), "+5 h 5 min"},
		{"whole hours", SentAt(d, "09:00", ""), SentAt(d, "12:00", ""), "+3 h"},
		{"days", SentAt(d, "09:00", ""), SentAt(next, "10:00", ""), "+2 d"},
		{"transmitted across zones", SentAt(Date{}, "", "1989-01-01T23:58:00-05:00"), SentAt(Date{}, "", "1989-01-02T05:10:00Z"), "+12 min"},
		{"sent before the one it follows", SentAt(d, "14:05", ""), SentAt(d, "13:55", ""), "-10 min"},
		{"dates only, one day", SentAt(d, "", ""), SentAt(d, "", ""), ""},
		{"dates only, two days", SentAt(d, "", ""), SentAt(next, "", ""), "+2 d"},
		{"one time unknown", SentAt(Date{}, "", ""), SentAt(d, "14:05", ""), ""},
		{"sent and received do not compare", SentAt(d, "14:05", ""), ReceivedAt(recv), ""},
		{"received apart", ReceivedAt(recv), ReceivedAt(recv.Add(7 * time.Minute)), "+7 min"},
		{"received in one batch", ReceivedAt(recv), ReceivedAt(recv.Add(2 * time.Second)), ""},
	}
	for _, tt := range tests {
		if got := Gap(tt.prev, tt.cur); got != tt.want {
			t.Errorf("%s: Gap = %q, want %q", tt.name, got, tt.want)
		}
	}
}

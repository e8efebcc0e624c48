package revision

import (
	"errors"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		max     int64
		want    string
		wantErr string
	}{
		{"plain", "a\nb\n", 0, "a\nb\n", ""},
		{"bom", "\xef\xbb\xbfa\nb", 0, "a\nb", ""},
		{"crlf", "a\r\nb\r\n", 0, "a\nb\n", ""},
		{"lone cr", "a\rb", 0, "a\nb", ""},
		{"trailing spaces", "a  \t\nb ", 0, "a\nb", ""},
		{"leading space kept", " date 2019-12-30 x", 0, " date 2019-12-30 x", ""},
		{"empty", "", 0, "", "input is empty"},
		{"only bom", "\xef\xbb\xbf", 0, "", "input is empty"},
		{"white space", " \n\t\r\n", 0, "", "only white space"},
		{"nul", "abc\x00def", 0, "", "NUL byte at offset 3"},
		{"latin-1", "caf\xe9 au lait", 0, "", "not valid UTF-8: bad byte 0xe9 at offset 3"},
		{"truncated utf-8", "ok \xe2\x80", 0, "", "bad byte 0xe2 at offset 3"},
		{"oversize", strings.Repeat("x", 101), 100, "", "101 B, over the 100 B limit"},
		{"at limit", strings.Repeat("x", 100), 100, strings.Repeat("x", 100), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Clean([]byte(tc.in), tc.max)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Clean(%q) error = %v, want one containing %q", tc.in, err, tc.wantErr)
				}
				if !errors.Is(err, ErrBadInput) {
					t.Errorf("error %v does not wrap ErrBadInput", err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Clean(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1 KiB", 1536: "1.5 KiB", 8 << 20: "8 MiB"} {
		if got := HumanBytes(n); got != want {
			t.Errorf("HumanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{2019, 12, 30}, "2019-12-30"},
		{Date{0, 12, 30}, "--12-30"},
		{Date{}, ""},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.d, got, tc.want)
		}
		back, err := ParseDate(tc.want)
		if err != nil || back != tc.d {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", tc.want, back, err, tc.d)
		}
	}
	for _, bad := range []string{"2019-13-01", "--13-01", "--1-30", "Dec 30"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) succeeded, want error", bad)
		}
	}
	if !(Date{2019, 12, 30}).YearKnown() || (Date{0, 12, 30}).YearKnown() {
		t.Error("YearKnown wrong")
	}
}

func TestActionParaSet(t *testing.T) {
	tests := []struct {
		a    Action
		n    int
		want []int
	}{
		{Action{Paras: []int{2, 5, 13, 14}}, 13, []int{2, 5, 13}},
		{Action{From: 5}, 7, []int{5, 6, 7}},
		{Action{Last: 3}, 10, []int{8, 9, 10}},
		{Action{Last: 30}, 4, []int{1, 2, 3, 4}},
		{Action{Paras: []int{1}, From: 9}, 10, []int{1, 9, 10}},
		{Action{}, 5, []int{}},
	}
	for _, tc := range tests {
		got := tc.a.ParaSet(tc.n)
		if len(got) != len(tc.want) {
			t.Errorf("%+v.ParaSet(%d) = %v, want %v", tc.a, tc.n, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%+v.ParaSet(%d) = %v, want %v", tc.a, tc.n, got, tc.want)
			}
		}
	}
}

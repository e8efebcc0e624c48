package revision

import (
	"errors"
	"math/rand"
	"os"
	"path/filepath"
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
		{"latin-1", "caf\xe9 au lait", 0, "", "not valid UTF-8: bad byte 0xe9 at offset 3 (Latin-1?"},
		{"broken utf-8 mid-page", "ok \xe2\x80 and on", 0, "", "bad byte 0xe2 at offset 3 (the file is damaged"},
		{"cut at the end", "ok \xe2\x80", 0, "ok", ""},
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

// TestCleanCut: a page cut inside its last character is readable up to
// the cut and reported as cut; a bad sequence anywhere else is not a cut
// and stays an error, with the Latin-1 hint only for Latin-1 bytes.
func TestCleanCut(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		cut     bool
		wantErr string
	}{
		{"whole", "SEOUL -- It rained.\n", "SEOUL -- It rained.\n", false, ""},
		{"2-byte cut", "Caf\xc3", "Caf", true, ""},
		{"3-byte cut after 1 byte", "Kim said \xe2", "Kim said", true, ""},
		{"3-byte cut after 2 bytes", "Kim said \xe2\x80", "Kim said", true, ""},
		{"4-byte cut after 3 bytes", "smile \xf0\x9f\x98", "smile", true, ""},
		{"4-byte cut after 1 byte", "smile \xf0", "smile", true, ""},
		{"cut then a newline a tool added", "(END)\xe2\x80\r\n", "(END)\n", true, ""},
		{"whole multi-byte at the end", "“quoted”", "“quoted”", false, ""},
		{"bad sequence mid-page", "a \xe2\x80 b\n", "", false, "not valid UTF-8: bad byte 0xe2 at offset 2 (the file is damaged"},
		{"bad and cut", "a \xff b \xe2\x80", "", false, "bad byte 0xff at offset 2"},
		{"invalid last byte is no cut", "a \xe2\x28", "", false, "bad byte 0xe2 at offset 2"},
		{"lone continuation byte at the end", "a \x80", "", false, "bad byte 0x80 at offset 2 (the file is damaged"},
		// One Latin-1 letter alone at the very end reads as a cut as well:
		// a page cut after the first byte of a curly quote looks the same.
		{"one lead byte at the end", "caf\xe9", "caf", true, ""},
		{"latin-1 letter ending the last line", "caf\xe9\n", "", false, "(Latin-1?"},
		{"latin-1 mid-page", "na\xefve caf\xe9 au lait", "", false, "bad byte 0xef at offset 2 (Latin-1?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, cut, err := CleanCut([]byte(tc.in), 0)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("CleanCut(%q) = %q, %v, %v; want an error containing %q", tc.in, got, cut, err, tc.wantErr)
				}
				if !errors.Is(err, ErrBadInput) {
					t.Errorf("error %v does not wrap ErrBadInput", err)
				}
				if strings.Contains(tc.wantErr, "damaged") && strings.Contains(err.Error(), "Latin-1") {
					t.Errorf("error %v blames Latin-1 for bytes that are not Latin-1", err)
				}
				return
			}
			if err != nil || got != tc.want || cut != tc.cut {
				t.Fatalf("CleanCut(%q) = %q, cut %v, %v; want %q, cut %v", tc.in, got, cut, err, tc.want, tc.cut)
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

// TestCleanLinesAsBefore: cleanLines's way out for clean pages gives
// what the long way (trimLines, all CleanCut did before) gives, on every
// bundled file and on random texts of line ends, blanks and words.
func TestCleanLinesAsBefore(t *testing.T) {
	var texts [][]byte
	for _, glob := range []string{"../testdata/*/*", "../testdata/*/*/*", "../testdata/*"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, b)
			}
		}
	}
	parts := []string{"a", "word", " ", "\t", "\n", "\r", "\r\n", "  \n", "\t\r\n", "é"}
	rng := rand.New(rand.NewSource(7))
	for range 20000 {
		var b []byte
		for range rng.Intn(12) {
			b = append(b, parts[rng.Intn(len(parts))]...)
		}
		texts = append(texts, b)
	}
	for _, b := range texts {
		if got, want := cleanLines(b), trimLines(string(b)); got != want {
			t.Fatalf("cleanLines(%q) = %q, want %q", b, got, want)
		}
	}
	t.Logf("%d texts", len(texts))
}

package main

import (
	"strings"
	"testing"
)

func TestFitText(t *testing.T) {
	long := "~   3  As of \x1b[31;9m3 a.m\x1b[0m \x1b[32m9 p.m\x1b[0m. Saturday, Haishen was some 330 kilometers east-southeast of Okinawa and moving north"
	got := fitText(long+"\n", 40)
	for i, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if w := visibleWidth(line); w > 40 {
			t.Errorf("line %d is %d columns: %q", i, w, line)
		}
		if i > 0 && !strings.HasPrefix(line, "       ") {
			t.Errorf("line %d does not hang under the text: %q", i, line)
		}
	}
	if plain := stripSGR(got); strings.Join(strings.Fields(plain), " ") != strings.Join(strings.Fields(stripSGR(long)), " ") {
		t.Errorf("words lost or changed:\n%q", plain)
	}
	// A colour open at a break is closed before it and reopened after
	// the indent.
	red := fitText("- (5)  \x1b[31;9m"+strings.Repeat("word ", 20)+"\x1b[0m", 40)
	for i, line := range strings.Split(red, "\n") {
		if i > 0 && !strings.HasPrefix(line, "       \x1b[31;9m") {
			t.Errorf("continuation %d not reopened after the indent: %q", i, line)
		}
	}
	if got := fitText("short line\n", 40); got != "short line\n" {
		t.Errorf("short line changed: %q", got)
	}
	if got := fitText(strings.Repeat("x", 100), 40); len(strings.Split(got, "\n")) != 3 {
		t.Errorf("a long word is not broken: %q", got)
	}
}

func stripSGR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if end := sgrEnd(s, i); end > 0 {
			i = end
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

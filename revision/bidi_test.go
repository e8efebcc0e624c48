package revision

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestEscapeBidi(t *testing.T) {
	for in, want := range map[string]string{
		"plain “quoted” text – no controls": "plain “quoted” text – no controls",
		"abc\u202Egnp.exe":                  `abc\u202egnp.exe`,
		"\u202A\u202B\u202C\u202D\u202E":    `\u202a\u202b\u202c\u202d\u202e`,
		"x\u2066y\u2067z\u2068w\u2069":      `x\u2066y\u2067z\u2068w\u2069`,
		"\u2029\u2065\u206A\u200F\u2029":    "\u2029\u2065\u206A\u200F\u2029", // not embeddings, overrides or isolates
		"ends \xe2\x80":                     "ends \xe2\x80",
	} {
		if got := string(EscapeBidi([]byte(in))); got != want {
			t.Errorf("EscapeBidi(%q) = %q, want %q", in, got, want)
		}
	}
	// In JSON the escape is the same string.
	b, _ := json.Marshal(map[string]string{"headline": "N.K. \u202Eevil\u202C fires"})
	var back map[string]string
	if err := json.Unmarshal(EscapeBidi(b), &back); err != nil || back["headline"] != "N.K. \u202Eevil\u202C fires" {
		t.Errorf("escaped JSON %s reads back %q, %v", EscapeBidi(b), back, err)
	}
}

// TestBidiEscaper writes a text with controls in every split between
// writes: the output is the same as escaping it whole.
func TestBidiEscaper(t *testing.T) {
	text := "Headline \u202Eevil\u2066 end, “quote” \u202E"
	want := string(EscapeBidi([]byte(text)))
	for cut1 := 0; cut1 <= len(text); cut1++ {
		for cut2 := cut1; cut2 <= len(text); cut2++ {
			var out bytes.Buffer
			e := &BidiEscaper{W: &out}
			for _, p := range []string{text[:cut1], text[cut1:cut2], text[cut2:]} {
				if n, err := e.Write([]byte(p)); n != len(p) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
			}
			e.Flush()
			if out.String() != want {
				t.Fatalf("cuts %d %d: %q, want %q", cut1, cut2, out.String(), want)
			}
		}
	}
	var out bytes.Buffer
	e := &BidiEscaper{W: &out}
	e.Write([]byte("cut \xe2\x80"))
	if out.String() != "cut " || e.Flush() != nil || out.String() != "cut \xe2\x80" {
		t.Errorf("held bytes lost: %q", out.String())
	}
	if strings.ContainsRune(want, 0x202E) {
		t.Errorf("escaped text still has U+202E: %q", want)
	}
}

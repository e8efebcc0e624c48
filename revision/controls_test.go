package revision

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestEscapeControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain “quoted” text – no controls\ttab\nline\r\n": "plain “quoted” text – no controls\ttab\nline\r\n",
		"abc\u202Egnp.exe":               `abc\u202egnp.exe`,
		"\u202A\u202B\u202C\u202D\u202E": `\u202a\u202b\u202c\u202d\u202e`,
		"x\u2066y\u2067z\u2068w\u2069":   `x\u2066y\u2067z\u2068w\u2069`,
		"\u2029\u2065\u206A\u200F\u2029": "\u2029\u2065\u206A\u200F\u2029", // not embeddings, overrides or isolates
		"ends \xe2\x80":                  "ends \xe2" + `\x80`,             // a byte of 0x80-0x9F in no character: C1 to an 8-bit terminal
		"caf\xe9 (Latin-1)":              "caf\xe9 (Latin-1)",
		"\x1b]0;pwned\x07 title":         `\u001b]0;pwned\u0007 title`,
		"\x1b[8mhidden\x1b[0m":           `\u001b[8mhidden\u001b[0m`,
		"\x1b[2J\x1b[H cleared":          `\u001b[2J\u001b[H cleared`,
		"safe\rEVIL":                     `safe\u000dEVIL`,
		"good\b\b\b\bbad!":               `good\u0008\u0008\u0008\u0008bad!`,
		"nul\x00 del\x7f":                `nul\u0000 del\u007f`,
		"\u009b31m C1 CSI, \u0085 NEL":   `\u009b31m C1 CSI, \u0085 NEL`,
		"raw \x9b31m byte":               `raw \x9b31m byte`,
		"lone CR at the end\r":           `lone CR at the end\u000d`,
	} {
		if got := string(EscapeControls([]byte(in))); got != want {
			t.Errorf("EscapeControls(%q) = %q, want %q", in, got, want)
		}
	}
	// Text without controls is returned as it is, not copied.
	plain := []byte("Typhoon Bavi nears land")
	if got := EscapeControls(plain); &got[0] != &plain[0] {
		t.Errorf("plain text was copied")
	}
	// In JSON the escape is the same string.
	headline := "N.K. \u202Eevil\u202C fires \u009b31m red \x1b[1m"
	b, _ := json.Marshal(map[string]string{"headline": headline})
	var back map[string]string
	if err := json.Unmarshal(EscapeControls(b), &back); err != nil || back["headline"] != headline {
		t.Errorf("escaped JSON %s reads back %q, %v", EscapeControls(b), back, err)
	}
}

// TestControlEscaper writes a text with controls from outside and
// controls of the program's own (after the mark) in every split between
// three writes: the output is always the same, the program's controls
// raw and without the mark, the others escaped.
func TestControlEscaper(t *testing.T) {
	const mark = "~k3Jq9"
	text := "Head\x1b[31m " + mark + "\x1b[1mbold" + mark + "\x1b[0m \u202Eevil\r\n ok\rX “q” \u009b" + mark + "\r" + mark + "x\r"
	want := `Head\u001b[31m ` + "\x1b[1mbold\x1b[0m " + `\u202eevil` + "\r\n ok" + `\u000dX “q” \u009b` + "\r" + mark + `x\u000d`
	for cut1 := 0; cut1 <= len(text); cut1++ {
		for cut2 := cut1; cut2 <= len(text); cut2++ {
			var out bytes.Buffer
			e := &ControlEscaper{W: &out, Mark: mark}
			for _, p := range []string{text[:cut1], text[cut1:cut2], text[cut2:]} {
				if n, err := e.Write([]byte(p)); n != len(p) || err != nil {
					t.Fatalf("Write: %d, %v", n, err)
				}
			}
			if err := e.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Fatalf("cuts %d %d:\n got %q\nwant %q", cut1, cut2, out.String(), want)
			}
		}
	}
	// Without a mark nothing passes, and bytes held back are written by
	// Flush.
	var out bytes.Buffer
	e := &ControlEscaper{W: &out}
	e.Write([]byte("\x1b[1mcut \xe2\x80"))
	if out.String() != `\u001b[1mcut ` || e.Flush() != nil || out.String() != `\u001b[1mcut `+"\xe2"+`\x80` {
		t.Errorf("held bytes lost: %q", out.String())
	}
}

// TestEscapeControlsAnywhere puts each kind of byte at every place of a
// long printable text, so that it falls in each byte of the eight that
// escapeControls reads at once (printableRun) and after them: only the
// control is escaped, wherever it is.
func TestEscapeControlsAnywhere(t *testing.T) {
	plain := "Seoul, Dec. 1 (Yonhap) -- A typhoon~ nears {land} at 0x7E."
	for in, want := range map[string]string{
		"\x1f": `\u001f`, "\x00": `\u0000`, "\x7f": `\u007f`, "\x80": `\x80`, "\xff": "\xff",
		"\xc2\x9b": `\u009b`, "\u202e": `\u202e`, "é": "é", "\t": "\t", "\n": "\n", "\r\n": "\r\n",
		"\r": `\u000d`, " ": " ", "~": "~",
	} {
		for at := 0; at <= 20; at++ {
			got := string(EscapeControls([]byte(plain[:at] + in + plain[at:])))
			if got != plain[:at]+want+plain[at:] {
				t.Errorf("%q at %d: %q", in, at, got)
			}
		}
	}
	for n := range 20 {
		if got := printableRun([]byte(plain[:n] + "\x1f" + plain)); got != n {
			t.Errorf("printableRun of %d printable bytes and a control = %d", n, got)
		}
	}
}

// BenchmarkEscapeControls escapes the bundled Yonhap pages joined, as
// every output a person reads is escaped.
func BenchmarkEscapeControls(b *testing.B) {
	paths, err := filepath.Glob("../testdata/yonhap/pages/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("pages: %v", err)
	}
	var text []byte
	for _, p := range paths {
		page, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, page...)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		escapeControls(nil, text, []byte("~k3Jq9"), true)
	}
}

package iptc7901

import (
	"os"
	"strings"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/revisiontest"
)

// Damaged messages are errors naming the problem, or, cut off before
// ETX, an incomplete revision of what arrived.
func TestBadMessages(t *testing.T) {
	for _, c := range []struct{ name, msg, want string }{
		{"no STX", "\x01eca062 4 i 211 dpa 061\nGermany-politics/\nHeadline =\ntext\n", "iptc7901: no STX: the message has no text"},
		{"bad header", "\x01eca062 four i 211\nX/\n\x02H =\n\ntext\n", `iptc7901: header line "eca062 four i 211" is not service+serial`},
		{"no text", "\x01eca062 4 i 211 dpa 061\nX/\n\x02Headline =\n\n\x03131137 GMT Nov 13\n", "iptc7901: no story text after the headline"},
		{"binary", "\x01eca062 4 i 211\nX/\n\x02H\x00", "iptc7901: input is binary: NUL byte at offset"},
		{"empty", " \r\n", "iptc7901: input is empty"},
		{"no SOH", "eca062 4 i 211\n", "iptc7901: message does not open with SOH"},
		{"no keyword", "\x01eca062 4 i 211 dpa 061\nGermany-politics\n\x02H =\n\ntext\n", `iptc7901: no keyword line ending in "/" before STX`},
	} {
		_, err := Parse(c.name, []byte(c.msg))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
}

// A message cut off before ETX is read as far as it goes: incomplete,
// cut inside its last paragraph, and without the trailer's time or a key.
func TestCutOffMessage(t *testing.T) {
	revisiontest.NeedShared(t)
	data, err := os.ReadFile("../../../shared/corpus/formats/anpa/dpa_iptc7901.txt")
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:strings.Index(string(data), "Stegner told")+len("Stegner")]
	r, err := Parse("cut", cut)
	if err != nil {
		t.Fatal(err)
	}
	if r.Complete || r.Cut != revision.CutParagraph || len(r.Paragraphs) != 3 || !strings.HasSuffix(r.Paragraphs[2], "Ralf Stegner") {
		t.Errorf("complete %v cut %q paragraphs %q", r.Complete, r.Cut, r.Paragraphs)
	}
	if r.Key != "" || r.Time != "" {
		t.Errorf("key %q time %q, want none without the trailer", r.Key, r.Time)
	}
}

// Control characters never reach a text field, wherever they stand.
func TestControlCharactersDropped(t *testing.T) {
	msg := "\x01eca1 4 i 9 dpa 1\r\nK\x1b[31m/\r\n\x02Head\x07line\x0e =\r\n\r\nBerlin (dpa) - Te\x1bxt\x7f\twith\x85 tab.\r\n\r\n\x03101010 GMT Jan 02\r\n\x04"
	r, err := Parse("ctl", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	for what, s := range map[string]string{"headline": r.Headline, "slug": r.Slug, "para": r.Paragraphs[0], "key": r.Key} {
		if strings.IndexFunc(s, func(c rune) bool { return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) }) >= 0 {
			t.Errorf("%s %q holds a control character", what, s)
		}
	}
	if r.Headline != "Headline" || r.Paragraphs[0] != "Berlin (dpa) - Text with tab." || r.Slug != "K[31m" {
		t.Errorf("headline %q para %q slug %q", r.Headline, r.Paragraphs[0], r.Slug)
	}
}

// A message in ISO 8859-1 reads as its characters, with a warning.
func TestLatin1(t *testing.T) {
	msg := "\x01eca1 4 i 9 dpa 1\nM\xfcnchen-Wetter/\n\x02F\xf6hn in M\xfcnchen =\n\nM\xfcnchen (dpa) - Warm.\n\x03101010 GMT Jan 02\n"
	r, err := Parse("l1", []byte(msg))
	if err != nil {
		t.Fatal(err)
	}
	if r.Headline != "Föhn in München" || r.Slug != "München-Wetter" || r.Dateline.Place != "München" || len(r.Warnings) != 1 {
		t.Errorf("headline %q slug %q dateline %+v warnings %q", r.Headline, r.Slug, r.Dateline, r.Warnings)
	}
}

// A byte order mark before SOH, which detection looks past, is no error.
func TestByteOrderMark(t *testing.T) {
	revisiontest.NeedShared(t)
	data, err := os.ReadFile("../../../shared/corpus/formats/anpa/dpa_iptc7901.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("bom", append([]byte("\xef\xbb\xbf"), data...))
	if err != nil || r.ID != "eca062" || len(r.Warnings) != 0 {
		t.Fatalf("err %v rev %+v", err, r)
	}
}

// Splitting a stream of many SOHs without line breaks costs time in
// proportion to its size, not its square.
func TestSplitManySOH(t *testing.T) {
	data := []byte(strings.Repeat("\x01eca1 4 i 9", 200000))
	start := time.Now()
	if chunks := Split(data); len(chunks) != 1 {
		t.Errorf("%d chunks, want the input whole", len(chunks))
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("split of %d bytes took %v", len(data), d)
	}
}

package nitf

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// charsets lets encoding/xml read the encodings NITF feeds declare
// besides UTF-8: PA and NTB write encoding="iso-8859-1", older Windows
// systems windows-1252. Both are one byte a character, so the standard
// library is enough; any other encoding is refused by name rather than
// read as mojibake.
//
// Feeds also declare ISO 8859-1 and send UTF-8 (PA's "£" arrives as the
// two bytes of UTF-8). Text in ISO 8859-1 with letters beyond ASCII is
// almost never valid UTF-8, so a document whose bytes are valid UTF-8
// and not all ASCII is read as UTF-8 whatever it declares, and a warning
// says so.
type charsets struct {
	utf8     bool // the document's bytes are valid UTF-8 and not all ASCII
	warnings []string
}

func (c *charsets) reader(label string, in io.Reader) (io.Reader, error) {
	name := strings.ToLower(strings.TrimSpace(label))
	var table *[32]rune
	switch name {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return in, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
	case "windows-1252", "cp1252":
		table = &cp1252
	default:
		return nil, fmt.Errorf("encoding %q is not one lede reads (UTF-8, ISO 8859-1, windows-1252)", label)
	}
	if c.utf8 {
		c.warnings = append(c.warnings, fmt.Sprintf("declared %s but its bytes are UTF-8: read as UTF-8", label))
		return in, nil
	}
	return &byteReader{r: bufio.NewReader(in), table: table}, nil
}

// byteReader decodes a one-byte-a-character encoding to UTF-8: bytes
// 0xA0-0xFF (and 0x80-0x9F without a table) are the code points of the
// same value, as in ISO 8859-1; table maps 0x80-0x9F for windows-1252.
type byteReader struct {
	r     *bufio.Reader
	table *[32]rune
	buf   []byte
}

func (b *byteReader) Read(p []byte) (int, error) {
	for len(b.buf) < len(p) {
		c, err := b.r.ReadByte()
		if err != nil {
			if len(b.buf) == 0 {
				return 0, err
			}
			break
		}
		r := rune(c)
		if c >= 0x80 && c < 0xA0 && b.table != nil {
			r = b.table[c-0x80]
		}
		b.buf = utf8.AppendRune(b.buf, r)
	}
	n := copy(p, b.buf)
	b.buf = b.buf[n:]
	return n, nil
}

// cp1252 is windows-1252's 0x80-0x9F; the five unassigned bytes become
// U+FFFD rather than invented characters.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}

package revision

import (
	"bytes"
	"unicode/utf8"
)

// cutCharacter recognises input cut off inside its last character: all
// valid UTF-8 but for a proper prefix of a multi-byte sequence at the end,
// perhaps followed by white space a tool added after the cut. It returns
// the input without the incomplete bytes.
//
// A single lead byte before such white space is rather a Latin-1 letter
// ending the last line ("café\n" in Latin-1): a cut that leaves two or
// three bytes of a sequence, or that ends the input, is a cut.
func cutCharacter(data []byte) ([]byte, bool) {
	body := bytes.TrimRight(data, " \t\r\n")
	if len(body) < len(data) && len(body) > 0 && body[len(body)-1] >= 0xC0 {
		return nil, false
	}
	// A UTF-8 sequence is at most 4 bytes: its first byte is among the
	// last 3 of an incomplete one.
	for n := 1; n <= 3 && n <= len(body); n++ {
		start := len(body) - n
		if !utf8.RuneStart(body[start]) {
			continue
		}
		tail := body[start:]
		if utf8.FullRune(tail) || !utf8.Valid(body[:start]) {
			return nil, false
		}
		return append(body[:start:start], data[len(body):]...), true
	}
	return nil, false
}

// invalidUTF8 says where input stops being UTF-8 and, only when the bad
// bytes read as Latin-1 letters, how to convert it: a hint that blames
// Latin-1 for a damaged file would send the user the wrong way.
func invalidUTF8(data []byte) error {
	off := firstInvalidUTF8(data)
	hint := "the file is damaged or in an encoding lede cannot tell; convert it to UTF-8"
	if looksLatin1(data) {
		hint = "Latin-1? convert it with iconv -f latin1 -t utf-8"
	}
	return badInput("input is not valid UTF-8: bad byte 0x%02x at offset %d (%s)", data[off], off, hint)
}

// looksLatin1 reports whether every byte that is not part of a valid
// UTF-8 sequence is a Latin-1 letter or sign (0xA0-0xFF) standing alone,
// as "café" written in Latin-1 gives: bytes 0x80-0x9F are C1 controls in
// Latin-1 and almost never appear in text, but are what a broken UTF-8
// sequence leaves behind.
func looksLatin1(data []byte) bool {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 && data[i] < 0xA0 {
			return false
		}
		i += size
	}
	return true
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

package newsml

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// declaredEncoding is the encoding an XML declaration at the start of
// data names ("" when there is none, which means UTF-8).
func declaredEncoding(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(data[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n=")
	if rest == "" || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	if j := strings.IndexByte(rest[1:], rest[0]); j >= 0 {
		return rest[1 : j+1]
	}
	return ""
}

// isUTF8 reports whether an encoding label means UTF-8 (or its subset
// US-ASCII); "" is XML's default, UTF-8.
func isUTF8(label string) bool {
	switch strings.ToLower(label) {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

// charsetReader lets the decoder read the single-byte encodings older
// feeds still declare (ISO-8859-1 and Windows-1252); any other encoding
// is an error naming it, rather than text read wrongly.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "utf8":
		return input, nil
	case "iso-8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		return &byteReader{in: bufio.NewReader(input)}, nil
	case "windows-1252", "cp1252":
		return &byteReader{in: bufio.NewReader(input), cp1252: true}, nil
	}
	return nil, bad("encoding %q is not one lede reads (UTF-8, ISO-8859-1, Windows-1252); convert the file to UTF-8", label)
}

// byteReader decodes a single-byte encoding to UTF-8.
type byteReader struct {
	in     *bufio.Reader
	cp1252 bool
	buf    []byte
}

func (r *byteReader) Read(p []byte) (int, error) {
	for len(r.buf) < len(p) {
		c, err := r.in.ReadByte()
		if err != nil {
			if len(r.buf) > 0 {
				break
			}
			return 0, err
		}
		ch := rune(c)
		if r.cp1252 && c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
			ch = cp1252[c-0x80]
		}
		r.buf = utf8.AppendRune(r.buf, ch)
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// cp1252 maps Windows-1252's bytes 0x80-0x9F, where it differs from
// ISO-8859-1, to their characters; 0 marks an unassigned byte.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

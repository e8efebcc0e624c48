package revision

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// DefaultMaxInput is the default size limit of one input. Real wire pages
// are a few kilobytes; anything near this is almost certainly not a page.
const DefaultMaxInput = 8 << 20

// ErrBadInput is wrapped by every error Clean returns, so callers can tell
// unusable input from I/O failures with errors.Is.
var ErrBadInput = errors.New("unusable input")

// InputError says why an input cannot be parsed. Its message is written
// for a person: it names the problem and, where it helps, where it is.
type InputError struct {
	Reason string
}

func (e *InputError) Error() string { return e.Reason }

// Unwrap lets errors.Is match ErrBadInput.
func (e *InputError) Unwrap() error { return ErrBadInput }

func badInput(format string, args ...any) error {
	return &InputError{Reason: fmt.Sprintf(format, args...)}
}

// Clean checks raw input and normalises it for parsing; see CleanCut,
// which it is without the report of a cut.
func Clean(data []byte, max int64) (string, error) {
	text, _, err := CleanCut(data, max)
	return text, err
}

// CleanCut checks raw input and normalises it for parsing: it refuses
// empty, oversized, binary (NUL bytes) and invalid UTF-8 input, removes a
// UTF-8 byte order mark, turns CRLF and lone CR into LF, and trims
// trailing spaces and tabs from every line. max <= 0 means
// DefaultMaxInput.
//
// Input that is valid UTF-8 but for an incomplete character at its very
// end (white space after it aside) was cut off in transmission or storage,
// not written in another encoding: the incomplete bytes are dropped and
// cut is true, so that the parser can record the page as cut off rather
// than refuse a page that is readable up to the cut.
func CleanCut(data []byte, max int64) (text string, cut bool, err error) {
	if max <= 0 {
		max = DefaultMaxInput
	}
	if int64(len(data)) > max {
		return "", false, badInput("input is %s, over the %s limit (raise it with --max-size)",
			HumanBytes(int64(len(data))), HumanBytes(max))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return "", false, badInput("input is empty")
		}
		return "", false, badInput("input holds only white space")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", false, badInput("input is binary: NUL byte at offset %d", i)
	}
	if !utf8.Valid(data) {
		if whole, ok := cutCharacter(data); ok {
			data, cut = whole, true
		} else {
			return "", false, invalidUTF8(data)
		}
	}
	return cleanLines(data), cut, nil
}

// cleanLines ends every line with "\n" and without trailing blanks. Most
// pages have neither a carriage return nor a blank at a line's end, and
// are returned as they are: splitting and joining them again copied a
// 1 MB page twice more for nothing.
func cleanLines(data []byte) string {
	if bytes.IndexByte(data, '\r') < 0 && !bytes.Contains(data, []byte(" \n")) && !bytes.Contains(data, []byte("\t\n")) &&
		!bytes.HasSuffix(data, []byte(" ")) && !bytes.HasSuffix(data, []byte("\t")) {
		return string(data)
	}
	return trimLines(string(data))
}

// trimLines is cleanLines the long way, for any text.
func trimLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// HumanBytes formats a byte count with a binary unit ("8 MiB").
func HumanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %ciB", int64(v), "KMGTPE"[exp])
	}
	return fmt.Sprintf("%.1f %ciB", v, "KMGTPE"[exp])
}

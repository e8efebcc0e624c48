// Package wire turns raw input in any supported wire format into a
// revision: it cleans the bytes (revision.Clean), picks the parser for the
// format and checks that the result is a story. It is the one entry point
// the CLI and the store use, so a new format is added here once.
package wire

import (
	"fmt"
	"io"
	"os"
	"strings"

	"lede/revision"
	"lede/revision/yonhap"
)

// Options tune parsing. The zero value is ready to use.
type Options struct {
	// MaxSize is the largest input accepted, in bytes; <= 0 means
	// revision.DefaultMaxInput.
	MaxSize int64
}

// Error is a failure to parse one input. It names the input so a message
// stands on its own in a batch: "pages/x.txt: input is not valid UTF-8 ...".
type Error struct {
	Source string
	Err    error
}

func (e *Error) Error() string { return e.Source + ": " + e.Err.Error() }

// Unwrap exposes the cause, such as revision.ErrBadInput.
func (e *Error) Unwrap() error { return e.Err }

// Parse parses one input. source names it in the revision and in errors.
func Parse(source string, data []byte, opt Options) (*revision.Revision, error) {
	text, cut, err := revision.CleanCut(data, opt.MaxSize)
	if err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	// Yonhap text is the only format so far: input that does not have a
	// page's structure is refused rather than stored as a story.
	if !yonhap.Detect(text) {
		return nil, &Error{Source: source, Err: notAPage(text)}
	}
	r := yonhap.ParseCut(source, text, cut)
	if len(r.Paragraphs) == 0 {
		return nil, &Error{Source: source, Err: &revision.InputError{Reason: "no story text found"}}
	}
	return r, nil
}

// notAPage is the error for an input no format's detector took, saying
// what it looks like instead: "not a wire page: looks like JSON".
func notAPage(text string) error {
	switch kind := revision.LooksLike(text); {
	case strings.HasPrefix(kind, "XML"):
		// Every format lede reads has taken its XML by now.
		return &revision.InputError{Reason: "not a wire page: looks like " + kind + ", a format lede does not read"}
	case kind == "HTML":
		return &revision.InputError{Reason: "not a wire page: looks like HTML; lede reads the text of a page (save it as text)"}
	case kind != "":
		return &revision.InputError{Reason: "not a wire page: looks like " + kind}
	}
	return &revision.InputError{Reason: "not a wire page: no \" date\" line, no dateline " +
		"(SEOUL, Dec. 30 (Yonhap) -- ) opening a paragraph near the top, no sign-off or (END)"}
}

// ParseFile reads and parses the file at path; "-" reads stdin.
// Oversized files are refused without reading them whole.
func ParseFile(path string, stdin io.Reader, opt Options) (*revision.Revision, []byte, error) {
	data, err := ReadInput(path, stdin, opt.MaxSize)
	if err != nil {
		return nil, nil, err
	}
	r, err := Parse(path, data, opt)
	return r, data, err
}

// ReadInput reads a file ("-" for stdin) up to max bytes (<= 0: the
// default limit); a larger input is an error naming its size.
func ReadInput(path string, stdin io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		max = revision.DefaultMaxInput
	}
	var rd io.Reader
	if path == "-" {
		rd = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{Source: path, Err: err}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, &Error{Source: path, Err: fmt.Errorf("is a directory")}
		}
		rd = f
	}
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, &Error{Source: path, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &Error{Source: path, Err: &revision.InputError{
			Reason: fmt.Sprintf("input is over the %s limit (raise it with --max-size)", revision.HumanBytes(max))}}
	}
	return data, nil
}

// Reparse parses a stored input again; name ("STORY@N") says which in
// an error. It parsed at ingest, perhaps under a larger size limit than
// the default, so the limit is the input's own.
func Reparse(name, source string, raw []byte) (*revision.Revision, error) {
	r, err := Parse(source, raw, Options{MaxSize: int64(len(raw)) + 1})
	if err != nil {
		return nil, fmt.Errorf("%s no longer parses: %w", name, err)
	}
	return r, nil
}

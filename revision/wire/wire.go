// Package wire turns raw input in any supported wire format into
// revisions: it picks the format by the input's content (each format
// package registers a detector and a parser with revision), cuts an input
// of several items into its items and parses each. It is the one entry
// point the CLI and the store use; a new format is one more import here.
package wire

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"lede/revision"
	// The formats lede reads register themselves with revision.
	_ "lede/revision/anpa"
	_ "lede/revision/aptrec"
	_ "lede/revision/iptc7901"
	_ "lede/revision/jsonl"
	_ "lede/revision/newsml"
	_ "lede/revision/ninjs"
	_ "lede/revision/nitf"
	_ "lede/revision/yonhap"
)

// Options tune parsing. The zero value is ready to use.
type Options struct {
	// MaxSize is the largest input accepted, in bytes; <= 0 means
	// revision.DefaultMaxInput.
	MaxSize int64
	// Streams lets ParseFile read a named pipe or a device as well as a
	// regular file, so that "lede diff <(curl ...) <(curl ...)" works. A
	// command that reads many inputs (ingest, watch) leaves it off: a
	// FIFO without a writer would hold up the whole batch.
	Streams bool
	// Listed says the caller has seen the file listed as a regular file
	// (lede ingest's walk refuses the others by name, before anything
	// opens them), so it is opened without a stat first; the open file
	// is checked all the same.
	Listed bool
	// StdinName is the name standard input ("-") goes by (lede ingest
	// --name): the source of its items, and the name an article id is
	// read from, as for a file saved under it. "" keeps "-".
	StdinName string
}

// sourceName is the name the input at path goes by.
func (o Options) sourceName(path string) string {
	if path == "-" && o.StdinName != "" {
		return o.StdinName
	}
	return path
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

// Item is one item of an input: an input in a format that holds several
// (a TREC day file, a NewsML-G2 newsMessage, JSON lines) gives one per
// item, any other input one.
type Item struct {
	// Source names the item: the input's source, with "#N" (N counting
	// from 1) or "#ID" after it for an item of an input that holds
	// several.
	Source string
	// Raw is the item's own bytes, what the store keeps and Reparse
	// reads again.
	Raw []byte
	// Rev is the parsed item, nil when Err is set.
	Rev *revision.Revision
	// Err says why the item is not a revision; it is an *Error naming
	// Source.
	Err error
}

// ParseItems parses an input into its items. source names the input in
// the revisions and errors. An input no format recognises is one item
// that failed; so is one over the size limit.
func ParseItems(source string, data []byte, opt Options) []Item {
	max := opt.MaxSize
	if max <= 0 {
		max = revision.DefaultMaxInput
	}
	fail := func(err error) []Item {
		return []Item{{Source: source, Raw: data, Err: &Error{Source: source, Err: err}}}
	}
	if int64(len(data)) > max {
		return fail(&revision.InputError{Reason: fmt.Sprintf("input is %s, over the %s limit (raise it with --max-size)",
			revision.HumanBytes(int64(len(data))), revision.HumanBytes(max))})
	}
	f, ok := revision.DetectFormat(data)
	if !ok {
		return fail(unrecognised(data))
	}
	if f.Split == nil {
		return []Item{parseItem(f, source, data)}
	}
	chunks := f.Split(data)
	if chunks == nil {
		// nil is Split's word for an input of one item (revision.Format).
		return []Item{parseItem(f, source, data)}
	}
	if len(chunks) == 0 {
		return fail(&revision.InputError{Reason: "no items found in this " + f.Name + " input"})
	}
	items := make([]Item, len(chunks))
	for i, c := range chunks {
		name := source + "#" + strconv.Itoa(i+1)
		if c.Name != "" {
			name = source + "#" + c.Name
		}
		if c.Err != nil {
			items[i] = Item{Source: name, Raw: c.Data, Err: &Error{Source: name, Err: c.Err}}
			continue
		}
		items[i] = parseItem(f, name, c.Data)
	}
	return items
}

// parseItem parses one item in format f and fills in what every
// revision carries whatever its format.
func parseItem(f revision.Format, source string, data []byte) Item {
	r, err := f.Parse(source, data)
	if err != nil {
		return Item{Source: source, Raw: data, Err: &Error{Source: source, Err: err}}
	}
	r.Source, r.Format = source, f.Name
	normalise(r)
	return Item{Source: source, Raw: data, Rev: r}
}

// normalise gives a revision the values the JSON contract promises
// whatever the parser left unset: lists are [] rather than null, and an
// item that does not say otherwise is usable.
func normalise(r *revision.Revision) {
	if r.Status == "" {
		r.Status = revision.StatusUsable
	}
	for _, l := range []*[]string{&r.Signals, &r.Refs, &r.Tags, &r.Authors, &r.Captions, &r.Furniture, &r.NoteClauses} {
		if *l == nil {
			*l = []string{}
		}
	}
	if r.Paragraphs == nil {
		r.Paragraphs = []string{}
	}
	if r.Actions == nil {
		r.Actions = []revision.Action{}
	}
	if r.Marker.Flags == nil {
		r.Marker.Flags = []string{}
	}
}

// unrecognised says why no format took an input: the input check's own
// reason when it fails one (empty, binary, not UTF-8), else what the
// input looks like.
func unrecognised(data []byte) error {
	text, _, err := revision.CleanCut(data, int64(len(data))+1)
	if err != nil {
		return err
	}
	return notAPage(text)
}

// Parse parses an input that holds one item. source names it in the
// revision and in errors. An input of several items is refused with
// their count: callers that take such inputs use ParseItems.
func Parse(source string, data []byte, opt Options) (*revision.Revision, error) {
	items := ParseItems(source, data, opt)
	if len(items) != 1 {
		return nil, &Error{Source: source, Err: &revision.InputError{
			Reason: fmt.Sprintf("input holds %d items, not one story", len(items))}}
	}
	return items[0].Rev, items[0].Err
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
	data, err := ReadInput(path, stdin, opt)
	if err != nil {
		return nil, nil, err
	}
	r, err := Parse(opt.sourceName(path), data, opt)
	return r, data, err
}

// ParseFileItems reads the file at path ("-": stdin) and parses it into
// its items. A file that cannot be read is the error; one that is read
// gives at least one item.
func ParseFileItems(path string, stdin io.Reader, opt Options) ([]Item, error) {
	data, err := ReadInput(path, stdin, opt)
	if err != nil {
		return nil, err
	}
	return ParseItems(opt.sourceName(path), data, opt), nil
}

// readAll is io.ReadAll into a buffer sized for the file up front: io.ReadAll
// starts at 512 bytes and grows by copying, which for a page of a megabyte
// costs more than parsing it. The extra byte lets the read see the end.
func readAll(r io.Reader, hint int64) ([]byte, error) {
	buf := make([]byte, 0, max(hint, 512))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew: let append pick the room
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// ReadInput reads a file ("-" for stdin) up to opt.MaxSize bytes; a
// larger input is an error naming its size. Anything but a regular file
// is refused unless opt.Streams is set (see readFile and openStream).
func ReadInput(path string, stdin io.Reader, opt Options) ([]byte, error) {
	max := opt.MaxSize
	if max <= 0 {
		max = revision.DefaultMaxInput
	}
	var data []byte
	var err error
	switch {
	case path == "-":
		data, err = readAll(io.LimitReader(stdin, max+1), 1)
	case opt.Streams:
		data, err = readStream(path, max)
	default:
		data, err = readFile(path, max, opt.Listed)
	}
	if err != nil {
		return nil, &Error{Source: path, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &Error{Source: path, Err: &revision.InputError{
			Reason: fmt.Sprintf("input is over the %s limit (raise it with --max-size)", revision.HumanBytes(max))}}
	}
	return data, nil
}

// readStream reads whatever path is but a directory, up to max bytes and
// one more.
func readStream(path string, max int64) ([]byte, error) {
	f, err := openStream(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return readAll(io.LimitReader(f, max+1), min(size, max)+1)
}

// Reparse parses a stored item again; name ("STORY@N") says which in an
// error. The store keeps each item's own bytes, so this is one item even
// when the input it came in held many; it parsed at ingest, perhaps under
// a larger size limit than the default, so the limit is the item's own.
func Reparse(name, source string, raw []byte) (*revision.Revision, error) {
	f, ok := revision.DetectFormat(raw)
	var it Item
	if ok {
		it = parseItem(f, source, raw)
	} else {
		it = ParseItems(source, raw, Options{MaxSize: int64(len(raw)) + 1})[0]
	}
	if it.Err != nil {
		return nil, fmt.Errorf("%s no longer parses: %w", name, it.Err)
	}
	return it.Rev, nil
}

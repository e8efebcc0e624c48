package revision

import (
	"bytes"
	"slices"
	"sync"
)

// Format is one input format lede reads: a detector that recognises its
// inputs by their content, never by a file name, and a parser. Each format
// is a package of its own under revision/ that registers itself in an init
// function, the way image/png registers with image; revision/wire, the one
// entry point for parsing, imports them all.
type Format struct {
	// Name is what Revision.Format says of the revisions it parses
	// ("yonhap-text", "ap-trec", "newsml-g2"...).
	Name string
	// Rank orders detection: formats with a lower rank are asked first.
	// Formats with a signature of their own (a root element, a control
	// character, JSON keys) take RankSigned; free text such as Yonhap's
	// takes RankText, so it is asked only once no signature matched.
	Rank int
	// Detect reports whether the input is in this format, judging from
	// head: the input's first DetectBytes bytes, a UTF-8 byte order mark
	// removed.
	Detect func(head []byte) bool
	// Split cuts an input that holds several items (a TREC day file's
	// <DOC>s, a NewsML-G2 newsMessage's newsItems, a JSON lines file's
	// lines) into one Chunk per item. Each chunk's Data must parse on its
	// own with Parse and be detected as this format again, because it is
	// what the store keeps and parses again later. nil means an input is
	// one item.
	Split func(data []byte) []Chunk
	// Parse reads one item. source names it in the revision. An item
	// that is not a usable story is an error saying why, for a person.
	Parse func(source string, data []byte) (*Revision, error)
}

// Chunk is one item of an input cut up by Format.Split.
type Chunk struct {
	// Data is the item's bytes, what the store keeps.
	Data []byte
	// Name, when the item carries an id of its own that reads well in a
	// listing (a DOCNO), is used after "#" instead of the item's number.
	Name string
	// Err is set when the item could not be cut out whole (a <DOC>
	// without its end, a line that is not JSON): that item is an error,
	// its neighbours are parsed.
	Err error
}

// Ranks of Format.Rank.
const (
	RankSigned = 10
	RankText   = 100
)

// DetectBytes is how much of an input the detectors see: enough for any
// format's header, little enough that a huge input costs no more than a
// page to recognise.
const DetectBytes = 64 << 10

var formats struct {
	sync.RWMutex
	list []Format
}

// RegisterFormat makes a format known to DetectFormat. It is meant for
// init functions; registering a name twice panics, as a second driver
// of one name does in database/sql.
func RegisterFormat(f Format) {
	if f.Name == "" || f.Detect == nil || f.Parse == nil {
		panic("revision: RegisterFormat needs a name, a detector and a parser")
	}
	formats.Lock()
	defer formats.Unlock()
	for _, g := range formats.list {
		if g.Name == f.Name {
			panic("revision: format " + f.Name + " registered twice")
		}
	}
	formats.list = append(formats.list, f)
	slices.SortStableFunc(formats.list, func(a, b Format) int { return a.Rank - b.Rank })
}

// Formats lists the registered formats in the order they are asked.
func Formats() []Format {
	formats.RLock()
	defer formats.RUnlock()
	return slices.Clone(formats.list)
}

// DetectFormat returns the first registered format, by rank, whose
// detector accepts data, and false when none does.
func DetectFormat(data []byte) (Format, bool) {
	head := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(head) > DetectBytes {
		head = head[:DetectBytes]
	}
	for _, f := range Formats() {
		if f.Detect(head) {
			return f, true
		}
	}
	return Format{}, false
}

// LookupFormat returns the registered format of that name.
func LookupFormat(name string) (Format, bool) {
	for _, f := range Formats() {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

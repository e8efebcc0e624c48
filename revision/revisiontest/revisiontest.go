// Package revisiontest makes synthetic wire corpora for tests and
// benchmarks, the way net/http/httptest makes servers: deterministic
// Yonhap text pages, shaped like real updates, that go through the real
// parser (lede/revision/yonhap) rather than around it.
//
// A corpus is a stream of pages in arrival order. Each story is sent as a
// first version and then (LEAD), (2nd LD)... updates a few hours apart,
// interleaved with other stories; on average a story has about 3.6
// versions. Updates mostly add paragraphs, and also change figures and
// words inside sentences, recast the lead, reword the headline, add a
// byline or photo, and now and then delete or move a paragraph; each carries
// an (ATTN: ...) note saying so in Yonhap's grammar. Several hundred stories
// a day share topics, background paragraphs and daily recurring headlines
// with new figures, so grouping them is not trivially easy. Every Page
// carries the ground truth: its story, its version and what its update did.
package revisiontest

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"
)

// Config says what corpus to generate. The zero value of every field but
// Revisions picks a default, so Config{Revisions: 1e4} is a usable corpus.
type Config struct {
	// Seed selects the corpus: the same Config yields byte-identical pages.
	Seed int64
	// Revisions is the number of pages to generate; generation stops at
	// exactly this count, with every story that started complete.
	Revisions int
	// Start is the first day of the corpus (UTC date; the time of day is
	// ignored). The zero value means 2020-01-01.
	Start time.Time
	// StoriesPerDay is the number of new stories a day, including the
	// daily recurring ones; 0 means 300.
	StoriesPerDay int
	// NoDateLine is the share of pages whose first line lacks the stored
	// " date YYYY-MM-DD " prefix, as about a third of real pages do. Zero
	// means 1/3; a negative value means every page has it.
	NoDateLine float64
}

// Defaults of Config.
const (
	DefaultStoriesPerDay = 300
	DefaultNoDateLine    = 1.0 / 3
)

// DefaultStart is the first day of a corpus whose Config.Start is zero.
var DefaultStart = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Page is one generated revision and its ground truth.
type Page struct {
	// Name is a unique file name shaped like a Yonhap article id,
	// "AEN20200101000400320-17.txt". It sorts in arrival order within a
	// day of fewer than 10,000 pages; it does not reveal the story, so
	// grouping must not rely on it.
	Name string
	// Text is the page in Yonhap text format. The buffer is reused once
	// emit returns: copy it to keep it.
	Text []byte
	// Story numbers the story from 0 in order of first arrival.
	Story int
	// Version is 0 for the first version, 1 for (LEAD), N for (Nth LD),
	// the marker's sequence number a parser must find.
	Version int
	// Time is when the page arrived on the wire (UTC).
	Time time.Time
	// Edits says what this update changed against the story's previous
	// version; nil for a first version. The note on the page announces
	// every one of them.
	Edits []Edit
}

// EditKind names one kind of change an update makes.
type EditKind uint8

// The kinds of change, in the order an update lists them.
const (
	// EditHeadline rewords the headline.
	EditHeadline EditKind = iota + 1
	// EditLead recasts para 1 as a new sentence; Paras is {1}.
	EditLead
	// EditChange changes words or figures inside the paragraphs listed.
	EditChange
	// EditAdd inserts the paragraphs listed.
	EditAdd
	// EditDelete removes paragraphs; Paras are numbered as in the
	// previous version.
	EditDelete
	// EditMove moves one paragraph; Paras is {old number, new number}.
	EditMove
	// EditByline adds a byline.
	EditByline
	// EditPhoto adds or changes a photo; the page shows its caption after
	// para 1, which parsers keep out of the paragraphs.
	EditPhoto
)

var editNames = [...]string{"", "headline", "lead", "change", "add", "delete", "move", "byline", "photo"}

// String names the kind in lower case ("add").
func (k EditKind) String() string {
	if int(k) < len(editNames) && k > 0 {
		return editNames[k]
	}
	return fmt.Sprintf("EditKind(%d)", k)
}

// Edit is one change of an update. Paras are 1-based paragraph numbers in
// the new version unless the kind says otherwise.
type Edit struct {
	Kind  EditKind
	Paras []int
}

// Generate streams cfg.Revisions pages to emit in arrival order and stops
// at the first error emit returns, which it returns. Memory stays flat
// however many revisions are asked for: only stories still being updated
// are held, a few hundred at a time.
func Generate(cfg Config, emit func(Page) error) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	return newGenerator(cfg).run(emit)
}

// WriteDir generates the corpus into dir, one file per page named
// Page.Name, creating dir if needed, and returns the number of files
// written. Benchmarks at 10^6 revisions should stream with Generate
// instead of paying for a million files.
func WriteDir(dir string, cfg Config) (n int, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("revisiontest: %w", err)
	}
	err = Generate(cfg, func(p Page) error {
		if err := os.WriteFile(filepath.Join(dir, p.Name), p.Text, 0o644); err != nil {
			return fmt.Errorf("revisiontest: %w", err)
		}
		n++
		return nil
	})
	return n, err
}

func (c Config) withDefaults() (Config, error) {
	switch {
	case c.Revisions < 0:
		return c, errors.New("revisiontest: Revisions is negative")
	case c.StoriesPerDay < 0:
		return c, errors.New("revisiontest: StoriesPerDay is negative")
	case math.IsNaN(c.NoDateLine) || c.NoDateLine > 1:
		return c, fmt.Errorf("revisiontest: NoDateLine %v is not a share between 0 and 1", c.NoDateLine)
	}
	if c.Start.IsZero() {
		c.Start = DefaultStart
	}
	y, m, d := c.Start.UTC().Date()
	c.Start = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if c.StoriesPerDay == 0 {
		c.StoriesPerDay = DefaultStoriesPerDay
	}
	switch {
	case c.NoDateLine == 0:
		c.NoDateLine = DefaultNoDateLine
	case c.NoDateLine < 0:
		c.NoDateLine = 0
	}
	return c, nil
}

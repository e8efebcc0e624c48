package store

import (
	"bytes"
	"math"
	"regexp"
	"slices"

	"lede/revision"
	"lede/revision/assemble"

	bolt "go.etcd.io/bbolt"
)

// Version is one revision in a story listing.
type Version struct {
	Rev int `json:"rev"`
	// Ref names the version for good (RefOf its arrival), where Rev is
	// its place in story order, which a late version moves.
	Ref string `json:"ref"`
	// ID is the item's own id (a DOCNO, guid, uri, Yonhap article id),
	// "" when it has none; Agency who sent it, "" when unknown.
	ID       string        `json:"id"`
	Agency   string        `json:"agency"`
	Source   string        `json:"source"`
	Label    string        `json:"label"`
	Seq      int           `json:"seq"`
	Version  int           `json:"version"`
	Headline string        `json:"headline"`
	Date     revision.Date `json:"date"`
	// Status is the item's: usable, withheld or canceled.
	Status revision.Status `json:"status"`
	Record RevRecord       `json:"-"`
	Marker revision.Marker `json:"-"`
	// Summary is what this version changed against the one before it,
	// nil for the first version or while it is being (re)computed.
	Summary *revision.UpdateSummary `json:"summary,omitempty"`
	// Parts are the refs of the items of a version sent in parts, in
	// order (take 1, 1st Add, ...), and ItemIDs their ids; Missing the
	// parts not yet stored ("1st Add"). Empty for a version of one item.
	Parts   []string `json:"parts,omitempty"`
	ItemIDs []string `json:"item_ids,omitempty"`
	Missing []string `json:"missing_parts,omitempty"`
	// Partial says the version is a partial item (a new top with a
	// pick-up) made whole with the version Base names; BaseMissing that
	// no version it could pick up from is stored, so it reads as it came.
	Partial     bool   `json:"partial,omitempty"`
	Base        string `json:"base,omitempty"`
	BaseMissing bool   `json:"base_missing,omitempty"`
	// Unbuilt says why a partial could not be rebuilt on Base, so it
	// reads as it came: "its note gives no pick-up".
	Unbuilt string `json:"unbuilt,omitempty"`
	// Sources say which paragraphs of the whole version came from where
	// (assemble.Source); for a partial, known once its summary is.
	Sources []assemble.Source `json:"sources,omitempty"`
	// Pickup is where the partial's pick-up was found (Found, and
	// whether the anchor agreed), known with Sources.
	Pickup *revision.Pickup `json:"pickup,omitempty"`
	// Whole is what the whole version is made of, for a version that
	// is not one item as received; set only where the raw input is
	// read too (Revisions), nil otherwise.
	Whole *assemble.Stored `json:"-"`
	// Marked is when a desk marked the version as used (lede mark), in
	// unix seconds; 0 when it is not marked.
	Marked int64 `json:"marked,omitempty"`
}

// Lead is how the lead of the story's latest version that kept one
// begins: what to show for a story whose pages carry no headline ("" for
// stories with a headline, and for those stored before lede kept it).
func (s Story) Lead() string {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if l := s.Versions[i].Record.Lead; l != "" {
			return l
		}
	}
	return ""
}

// Story is a story with its revisions in story order.
type Story struct {
	ID       string `json:"id"`
	Slug     string `json:"slug"`
	Headline string `json:"headline"`
	// Updated is the date of the latest version, with the year of the
	// story's other versions when its own page shows none.
	Updated revision.Date `json:"updated"`
	// Status is what the story's latest word says (StatusOf): killed,
	// corrected or usable.
	Status   StoryStatus `json:"status"`
	Versions []Version   `json:"versions"`
	// Problems are the story's revision records that could not be read
	// as stored (see Problem). A record whose date alone is damaged is
	// listingRec with the date unknown; one that cannot be read at all keeps
	// its place, so the others keep their numbers, with its arrival
	// number only.
	Problems []Problem `json:"-"`
	// Removed lists the versions lede rm took out of the story.
	Removed []Tombstone `json:"removed,omitempty"`
	// Advisories are the advisories about the story (advisory.go),
	// which are not versions of it; absent when none.
	Advisories []Advisory `json:"advisories,omitempty"`
	// About is, for an advisory's own entry, the story it names; absent
	// for a story, and for an advisory that names none stored. An
	// advisory's entry is never killed or corrected: a kill advisory
	// kills the story it names.
	About *About `json:"about,omitempty"`
}

// Latest is the story's last revision.
func (s Story) Latest() Version { return s.Versions[len(s.Versions)-1] }

func (tx txn) loadStory(uid uint64) (Story, error) {
	s, err := tx.story(uid)
	if err != nil {
		return Story{}, err
	}
	out := Story{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Removed: s.Removed}
	c := tx.b(bucketRevs).Cursor()
	prefix := u64(uid)
	var prev uint64
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		var rec RevRecord
		if err := decodeRev(v, &rec); err != nil {
			out.Problems = append(out.Problems, Problem{StoryUID: uid, Story: s.ID, Arrival: arrivalOf(k),
				Source: recordSource(v), Err: err})
			if !IsDateDamage(err) {
				rec = RevRecord{Arrival: arrivalOf(k), Source: recordSource(v)}
			}
		}
		ver := Version{
			Rev: len(out.Versions) + 1, Ref: RefOf(rec.Arrival), ID: rec.ID, Agency: rec.Agency, Source: rec.Source,
			Label: rec.Marker.Label, Seq: rec.Marker.Seq, Version: rec.Version, Headline: rec.Headline, Date: rec.Date,
			Status: itemStatus(rec), Record: rec, Marker: rec.Marker, Marked: tx.markOf(rec.Arrival),
		}
		if prev != 0 && rec.Summary != nil && rec.SummaryPrev == prev {
			ver.Summary = rec.Summary
		}
		out.Versions = append(out.Versions, ver)
		// A page without a year takes its story's: the year another
		// version of the same story shows, not a guess.
		out.Updated = effectiveDate(rec.Date, s.Year)
		prev = arrivalOf(k)
	}
	annotate(out.Versions)
	out.Status = StatusOf(out.Versions)
	return out, tx.fillAdvisories(uid, &out)
}

// Story returns a story by id or unambiguous id prefix.
func (db *DB) Story(ref string) (Story, error) {
	var out Story
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		uid, err := tx.resolve(ref)
		if err != nil {
			return err
		}
		out, err = tx.loadStory(uid)
		return err
	})
	return out, err
}

// ListOptions filter Stories.
type ListOptions struct {
	Since revision.Date  // stories updated on or after this date; zero: all
	Grep  *regexp.Regexp // headline of any version matches; nil: all
	Limit int            // at most this many; 0: all
	// Offset skips this many matching stories first, for paging.
	Offset int
	// Headline, when set, keeps only the stories with a version whose
	// headline it accepts, as Grep does.
	Headline func(string) bool
	// Prefixes, when Headline needs each of them to begin a word of the
	// headline (lower-cased letters and digits; WordSearch gives both),
	// let the headline word index narrow the stories Headline is asked
	// about.
	Prefixes []string
	// Text, when set, keeps only the stories with a version whose text
	// (headline and body) it accepts, or whose headline Headline accepts
	// (tried first: it costs no parse). It is given the version's source
	// and input as received, for the caller to parse: the store parses
	// nothing. TextQuery (revision.SearchQuery) lets the text index
	// narrow the stories Text is asked about.
	Text      func(source string, raw []byte) bool
	TextQuery []string
	// Agency, when set, keeps only the stories with a version sent by
	// that agency (case ignored).
	Agency string
	// Status, when set, keeps only the stories whose latest word it is
	// (killed, corrected, usable). It is known only once the story is
	// loaded, so each story the other filters pass is read.
	Status StoryStatus
	// Warn, when set, hears of every stored record the listing could not
	// read as stored (see Problem): a story whose own record is
	// unreadable is left out, the listing goes on.
	Warn func(Problem)
}

// Stories lists live stories, most recently updated first, each read
// whole from its records (the versions' Record complete), for callers
// that need more than a listing shows, such as the feed; EachStory lists
// the same stories from their listing records. Filters read the indexes
// and listing records, and skipped stories are not loaded, so a search
// or a deep page costs little per story passed over.
func (db *DB) Stories(opt ListOptions) ([]Story, error) {
	var out []Story
	err := db.eachListed(opt, func(tx txn, uid uint64, _ *listingRec) error {
		return tx.listFromRecords(uid, opt, func(st Story) error {
			out = append(out, st)
			return nil
		})
	})
	return out, err
}

// walkListing walks the live stories opt selects, most recently updated
// first: since, the headline and text filters (from the indexes), and
// pass (the other filters), then Offset and Limit; emit hears of each
// story listed. A story pass turns down is not counted against Offset.
func (tx txn) walkListing(opt ListOptions, pass func(uid uint64) bool, emit func(uid uint64) error) error {
	skip, taken := opt.Offset, 0
	since := uint32(opt.Since.Year*10000 + opt.Since.Month*100 + opt.Since.Day)
	var grep func(string) bool
	if opt.Grep != nil {
		grep = opt.Grep.MatchString
	}
	indexed := tx.headsIndexed()
	// take lists the story of a recent-index key when it passes the
	// filters, and reports whether the listing is done.
	take := func(k []byte) (done bool, err error) {
		if opt.Limit > 0 && taken >= opt.Limit || !opt.Since.IsZero() && getU32(k) < since {
			return true, nil
		}
		uid := getU64(k[12:])
		if !tx.matches(uid, grep, opt, indexed, opt.warn) || !pass(uid) {
			return false, nil
		}
		if skip > 0 {
			skip--
			return false, nil
		}
		taken++
		return false, emit(uid)
	}
	if keys, ok, err := tx.recentOf(opt, opt.warn); err != nil || ok {
		for _, k := range keys {
			if done, err := take(k); done || err != nil {
				return err
			}
		}
		return err
	}
	c := tx.b(bucketRecent).Cursor()
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		if done, err := take(k); done || err != nil {
			return err
		}
	}
	return nil
}

// recentOf returns the recent-index keys, newest first, of the stories
// the word index finds for prefixes, or false when walking all stories
// newest first is the cheaper way to find need of them (0: all): when
// the index cannot narrow the search (see wordCandidates), or finds so
// many stories that reading each to order them costs more than the walk
// is likely to, taking the matches to be spread evenly over the stories.
func (tx txn) recentOf(opt ListOptions, warn func(Problem)) ([][]byte, bool, error) {
	// Reading a story to order it costs about 2.5 times a step of the
	// walk (BenchmarkSearch), and the walk takes total/hits steps a match:
	// the index pays while 2.5 hits² < need × total.
	total := float64(tx.b(bucketStories).Sequence())
	need := opt.Offset + opt.Limit
	if need == 0 {
		need = int(total)
	}
	limit := min(maxWordHits, int(math.Sqrt(float64(need)*total/2.5))+1)
	var uids []uint64
	ok := false
	if opt.Text != nil {
		// The headline index cannot narrow a search of the body text.
		uids, ok = tx.textCandidates(opt.TextQuery)
	} else {
		uids, ok = tx.wordCandidates(opt.Prefixes, limit)
	}
	if !ok {
		return nil, false, nil
	}
	keys := make([][]byte, 0, len(uids))
	for _, uid := range uids {
		s, err := tx.story(uid)
		if err != nil {
			warn(Problem{StoryUID: uid, Err: err})
			continue
		}
		if s.MergedInto == 0 && s.Latest != nil {
			keys = append(keys, recentKey(s.Latest, uid))
		}
	}
	slices.SortFunc(keys, func(a, b []byte) int { return bytes.Compare(b, a) })
	return keys, true, nil
}

// matches reports whether story uid passes the text filters of opt:
// grep on a headline, and Headline on a headline or Text on a version's
// text.
func (tx txn) matches(uid uint64, grep func(string) bool, opt ListOptions, indexed bool, warn func(Problem)) bool {
	head := func(match func(string) bool) bool {
		ok, err := tx.matchHeadline(uid, match, indexed)
		if err != nil {
			warn(Problem{StoryUID: uid, Err: err})
		}
		return err == nil && ok
	}
	switch {
	case !head(grep):
		return false
	case opt.Headline == nil && opt.Text == nil:
		return true
	case opt.Headline != nil && head(opt.Headline):
		return true
	}
	return opt.Text != nil && tx.anyText(uid, opt.Text)
}

// anyText reports whether match accepts the input of one of a story's
// versions.
func (tx txn) anyText(uid uint64, match func(source string, raw []byte) bool) bool {
	for _, k := range tx.revKeys(uid) {
		raw, err := tx.raw(arrivalOf(k))
		if err == nil && match(recordSource(tx.b(bucketRevs).Get(k)), raw) {
			return true
		}
	}
	return false
}

// matchHeadline reports whether match (nil: anything) accepts the
// headline of one of a story's revisions: from the headline index when
// the file has one, else from the revisions' records.
func (tx txn) matchHeadline(uid uint64, match func(string) bool, indexed bool) (bool, error) {
	if match != nil && indexed {
		return tx.anyHead(uid, match), nil
	}
	return tx.anyHeadline(uid, match)
}

// Revision returns a story's revision n (1-based; 0: the latest) and its
// raw input as received, byte for byte.
func (db *DB) Revision(ref string, n int) (Story, Version, []byte, error) {
	return db.RevisionAt(ref, Pick{N: n})
}

// RevisionAt returns the version story and p name (see Locate) and its
// raw input as received, byte for byte.
func (db *DB) RevisionAt(story string, p Pick) (Story, Version, []byte, error) {
	st, vers, raws, err := db.Revisions(story, p)
	if err != nil {
		return st, Version{}, nil, err
	}
	return st, vers[0], raws[0], nil
}

// Revisions is RevisionAt for several versions of one story, read in one
// transaction.
func (db *DB) Revisions(story string, picks ...Pick) (Story, []Version, [][]byte, error) {
	var st Story
	var vers []Version
	var raws [][]byte
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		for _, p := range picks {
			s, ver, err := tx.locate(story, p)
			if err != nil {
				return err
			}
			if story == "" {
				story = s.ID // every later pick is of the same story
			}
			raw, err := tx.raw(ver.Record.Arrival)
			if err != nil {
				return err
			}
			if ver.Whole, err = tx.wholeOf(s.Versions, ver.Rev-1); err != nil {
				return err
			}
			st, vers, raws = s, append(vers, ver), append(raws, raw)
		}
		return nil
	})
	return st, vers, raws, err
}

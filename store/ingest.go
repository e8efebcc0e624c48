package store

import (
	"crypto/sha256"
	"strconv"

	"lede/revision"
)

// Input is one parsed input to store.
type Input struct {
	Source string             // the path given at ingest, "-" for stdin
	Raw    []byte             // the input exactly as read
	Rev    *revision.Revision // its parse
	// Features may carry revision.FeaturesOf(Rev), computed by the caller
	// while parsing in parallel; nil has Ingest compute them.
	Features *revision.Features

	// Filled by Prepare.
	hash, packed []byte
	words        string // textWords(Raw), for the text index
	worded       bool
}

// Prepare does the work of storing an input that needs no database: its
// grouping features, content hash and compressed form. Callers that parse
// in parallel call it in their workers, so the single write transaction
// has less to do; Ingest prepares whatever was not.
func (in *Input) Prepare() {
	if in.Features == nil {
		f := revision.FeaturesOf(in.Rev)
		in.Features = &f
	}
	if in.hash == nil {
		in.hash = contentKey(in.Raw, in.Rev.Date)
	}
	if in.packed == nil {
		in.packed = deflate(in.Raw)
	}
	if !in.worded {
		in.words, in.worded = textWords(in.Raw), true
	}
}

// Status says what ingest did with an input.
type Status string

// Statuses of Result, as in the JSON contract.
const (
	StatusNewStory  Status = "new-story"
	StatusUpdate    Status = "update"
	StatusDuplicate Status = "duplicate"
	StatusError     Status = "error"
)

// Result reports one input of a batch.
type Result struct {
	Source   string
	Status   Status
	Story    string // story id
	Rev      int    // position in the story, 1-based, right after this batch
	Marker   revision.Marker
	Headline string
	Why      string   // the grouping decision
	Merged   []string // stories this revision bridged and merged into Story
	Arrival  uint64   // the revision's arrival number (0 for a duplicate)
	// Ref names the version for good (RefOf its arrival); for a
	// duplicate, the version stored before with the same content.
	Ref string
	// Late, when not 0, says the revision landed before versions that
	// arrived earlier (a LEAD after its 2nd LD), renumbering them: it is
	// the place of the last of them, the version it "arrived after".
	Late int
	// Advisory says the input is an advisory, stored as an entry of its
	// own, never a version of the story it names (advisory.go); About is
	// the id of that story, "" when none is stored.
	Advisory bool
	About    string
	// Joined, for a part of a version sent in parts (AP's takes and
	// adds) that joined a version stored before it, is that version's
	// ref; the part is no version of its own (parts.go).
	Joined string
	Err    error
}

// contentKey identifies an input by its cleaned text, so the same page
// with CRLF line ends or a BOM is still a duplicate. The page's own date
// (derived from the same text, so equal for equal content) leads the key:
// the pages of one day are filed together and a batch of new pages
// touches a few index pages at the end instead of random ones all over a
// growing index.
func contentKey(raw []byte, d revision.Date) []byte {
	text, err := revision.Clean(raw, int64(len(raw))+1)
	if err != nil {
		text = string(raw)
	}
	h := sha256.Sum256([]byte(text))
	return hashKey(d, h[:12])
}

// ingestOne stores one input and returns its result and arrival number
// (0 for a duplicate).
func (tx txn) ingestOne(in Input, now int64) (Result, uint64, error) {
	res := Result{Source: in.Source, Marker: in.Rev.Marker, Headline: in.Rev.Headline}
	in.Prepare()
	hash := in.hash
	if v := tx.b(bucketHashes).Get(hash); v != nil {
		rk := tx.versionKey(getU64(v))
		if rk == nil {
			return res, 0, errCorrupt
		}
		uid, _, err := tx.live(getU64(rk))
		if err != nil {
			return res, 0, err
		}
		s, _ := tx.story(uid)
		va := tx.versionArrival(getU64(v))
		res.Status, res.Story = StatusDuplicate, s.ID
		res.Rev, res.Ref = tx.position(uid, va), RefOf(va)
		return res, 0, nil
	}
	arrival, err := tx.b(bucketArrivals).NextSequence()
	if err != nil {
		return res, 0, err
	}
	f := *in.Features
	advisory := in.Rev.IsAdvisory() && fileAdvisoriesApart
	var d revision.Decision
	var byName map[string]uint64
	if advisory {
		// An entry of its own, linked to the story it names (advisory.go).
		f, d.Why = advisoryFeatures(f), "an advisory: an item about another, never a version of it"
	} else if d, byName, err = tx.decide(f); err != nil {
		return res, 0, err
	}
	res.Why = d.Why
	var uid uint64
	if d.Story == "" {
		if uid, err = tx.newStory(in.Rev, yearOf(f.Date)); err != nil {
			return res, 0, err
		}
		res.Status = StatusNewStory
	} else {
		uid = byName[d.Story]
		res.Status = StatusUpdate
		if d.Evict != "" {
			if err := tx.evict(uid, d.Evict); err != nil {
				return res, 0, err
			}
		}
		for _, m := range d.Merge {
			s, err := tx.story(byName[m])
			if err != nil {
				return res, 0, err
			}
			if err := tx.merge(uid, byName[m]); err != nil {
				return res, 0, err
			}
			res.Merged = append(res.Merged, s.ID)
		}
	}
	if err := tx.file(uid, arrival, in, f, now, d.Why, &res); err != nil {
		return res, 0, err
	}
	if advisory {
		if err = tx.linkAdvisory(uid, arrival, *in.Features, in.Rev.Refs); err == nil {
			_, ts, terr := tx.target(arrival)
			res.Advisory, res.About, err = true, ts.ID, terr
		}
	} else {
		err = tx.adoptAdvisories(f, uid)
	}
	if err != nil {
		return res, 0, err
	}
	if err := tx.b(bucketHashes).Put(hash, u64(arrival)); err != nil {
		return res, 0, err
	}
	if err := tx.b(bucketRaw).Put(u64(arrival), in.packed); err != nil {
		return res, 0, err
	}
	s, err := tx.story(uid)
	res.Story = s.ID
	return res, arrival, err
}

// yearOf is d's year, 0 when it is not known.
func yearOf(d revision.Date) int {
	if d.YearKnown() {
		return d.Year
	}
	return 0
}

// addRevision files a revision under story uid: its record, features,
// postings and arrival entry, and updates the story.
func (tx txn) addRevision(uid, arrival uint64, in Input, f revision.Features, now int64, why string) error {
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	if s.Year == 0 && f.Date.YearKnown() {
		if err := tx.setYear(uid, f.Date.Year); err != nil {
			return err
		}
		s, _ = tx.story(uid)
	}
	rec := newRevRecord(arrival, in, now, why)
	if err := tx.addAgency(rec.Agency); err != nil {
		return err
	}
	key := revKey(uid, orderOf(f, rec, s.Year, arrival))
	if err := tx.putRev(key, rec); err != nil {
		return err
	}
	if err := tx.b(bucketFeats).Put(featKey(uid, arrival), encodeFeatures(f)); err != nil {
		return err
	}
	tx.cache.forget(uid)
	if err := tx.b(bucketArrivals).Put(u64(arrival), key); err != nil {
		return err
	}
	if err := tx.putTerms(f, s.Year, uid); err != nil {
		return err
	}
	if err := tx.appended(uid, s, key[8:], rec.Headline); err != nil || f.Key == "" {
		return err
	}
	// A version of a key may need filing after its lower versions.
	if lifted, err := tx.liftVersions(uid); err != nil || !lifted {
		return err
	}
	return tx.refresh(uid)
}

// appended updates a story for one more revision without rereading it:
// its count, and its latest revision when the new one sorts last.
func (tx txn) appended(uid uint64, s storyRecord, order []byte, headline string) error {
	s.Count++
	if s.Latest == nil || string(order) > string(s.Latest) {
		if s.Latest != nil {
			if err := tx.b(bucketRecent).Delete(recentKey(s.Latest, uid)); err != nil {
				return err
			}
		}
		s.Latest = append([]byte(nil), order...)
		if headline != "" || s.Headline == "" {
			s.Headline = headline
		}
		if err := tx.b(bucketRecent).Put(recentKey(s.Latest, uid), nil); err != nil {
			return err
		}
	}
	if err := tx.addHead(uid, headline); err != nil {
		return err
	}
	return tx.putStory(uid, s)
}

// newStory creates an empty story named after the revision that opens it,
// of the year given (0 for none yet). A story opened by ingest takes its
// first revision's year here: setting it once the story exists rekeys
// its revisions and rebuilds the story (setYear), a twentieth of the
// store's ingest for stories that hold nothing yet.
func (tx txn) newStory(r *revision.Revision, year int) (uint64, error) {
	uid, err := tx.b(bucketStories).NextSequence()
	if err != nil {
		return 0, err
	}
	slug := revision.Slug(r.Headline, 4)
	if slug == "" && len(r.Paragraphs) > 0 {
		slug = revision.Slug(r.Paragraphs[0][len(r.Dateline.Text):], 4)
	}
	if slug == "" {
		slug = "story"
	}
	id := tx.freeID(idPrefix(r.Date) + "-" + slug)
	if err := tx.b(bucketIDs).Put([]byte(id), u64(uid)); err != nil {
		return 0, err
	}
	return uid, tx.putStory(uid, storyRecord{ID: id, Slug: slug, Year: year})
}

// refresh recomputes a story's count, latest revision and headline, and
// its place in the recent index.
func (tx txn) refresh(uid uint64) error {
	if _, err := tx.liftVersions(uid); err != nil {
		return err
	}
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	if s.Latest != nil {
		if err := tx.b(bucketRecent).Delete(recentKey(s.Latest, uid)); err != nil {
			return err
		}
	}
	keys := tx.revKeys(uid)
	s.Count = len(keys)
	s.Latest = nil
	if len(keys) > 0 {
		last := keys[len(keys)-1]
		s.Latest = last[8:]
		var rec RevRecord
		if _, err := tx.getRev(last, &rec); err != nil {
			return err
		}
		if rec.Headline != "" || s.Headline == "" {
			s.Headline = rec.Headline
		}
		if err := tx.b(bucketRecent).Put(recentKey(s.Latest, uid), nil); err != nil {
			return err
		}
	}
	if err := tx.refreshHeads(uid); err != nil {
		return err
	}
	return tx.putStory(uid, s)
}

// position is the 1-based place of the revision that arrived as arrival
// in story uid, 0 when it is not there.
func (tx txn) position(uid, arrival uint64) int {
	for i, k := range tx.revKeys(uid) {
		if arrivalOf(k) == arrival {
			return i + 1
		}
	}
	return 0
}

// evict moves the revision that arrived as member (a decimal arrival
// number) out of story uid into a story of its own.
func (tx txn) evict(uid uint64, member string) error {
	arrival, err := strconv.ParseUint(member, 10, 64)
	if err != nil {
		return err
	}
	key := tx.b(bucketArrivals).Get(u64(arrival))
	if key == nil || getU64(key) != uid {
		return errCorrupt
	}
	key = append([]byte(nil), key...)
	var rec RevRecord
	if _, err := tx.getRev(key, &rec); err != nil {
		return err
	}
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	nu, err := tx.spinOff(rec, s.Year)
	if err != nil {
		return err
	}
	if err := tx.moveRev(key, nu, s.Year); err != nil {
		return err
	}
	if err := tx.refresh(uid); err != nil {
		return err
	}
	return tx.refresh(nu)
}

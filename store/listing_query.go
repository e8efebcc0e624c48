package store

import (
	"encoding/json"
	"fmt"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// listingRec is a listing record as read. story and extra point into the
// transaction's memory: valid only while it is open.
type listingRec struct {
	status   StoryStatus
	agencies []string
	story    []byte // the Story as listings print it (JSON)
	extra    []byte // []listingExtra (JSON)
}

func decodeListing(v []byte) (listingRec, error) {
	d := &decoder{b: v}
	if f := d.take(1)[0]; d.err == nil && f != listingFormat {
		return listingRec{}, fmt.Errorf("%w: listing record format %d", errCorrupt, f)
	}
	var l listingRec
	l.status = StoryStatus(d.str())
	n := d.uvarint()
	for i := 0; i < n && d.err == nil; i++ {
		l.agencies = append(l.agencies, d.str())
	}
	l.story = d.take(d.uvarint())
	l.extra = d.take(d.uvarint())
	return l, d.err
}

// decode is the Story the record lists. Its versions' Record holds only
// what a listing shows (arrival, source, agency, id, version, status,
// date, time, marker, headline, lead, signals, and the transmission and
// ingest times Sent reads): no note, summary or parts of it; Story and
// Revisions read the whole records.
func (l listingRec) decode() (Story, error) {
	var st Story
	if err := jsonUnmarshal(l.story, &st); err != nil {
		return st, err
	}
	var extras []listingExtra
	if err := jsonUnmarshal(l.extra, &extras); err != nil {
		return st, err
	}
	if len(extras) != len(st.Versions) {
		return st, fmt.Errorf("%w: listing record of %s: %d versions, %d extras", errCorrupt, st.ID, len(st.Versions), len(extras))
	}
	for i := range st.Versions {
		v, ex := &st.Versions[i], extras[i]
		v.Marker = revision.Marker{Label: v.Label, Seq: v.Seq, Flags: ex.Flags}
		arrival, _ := ParseRef(v.Ref)
		v.Record = RevRecord{Arrival: arrival, Source: v.Source, Agency: v.Agency, ID: v.ID, Version: v.Version,
			Status: v.Status, Date: v.Date, Time: ex.Time, Marker: v.Marker, Headline: v.Headline,
			Lead: ex.Lead, Signals: ex.Signals, Transmitted: ex.Transmitted, Ingested: ex.Ingested}
	}
	return st, nil
}

// EachStory calls fn with each story Stories would list, in the same
// order, read from its listing record (listing.go) and not from its
// revisions' records: a listing costs the stories it lists, whatever
// they hold, and holds one at a time. The versions' Record holds only
// what a listing shows (see listingRec.decode). fn runs inside the read
// transaction; an error from it ends the walk and is returned.
func (db *DB) EachStory(opt ListOptions, fn func(Story) error) error {
	return db.eachListed(opt, func(tx txn, uid uint64, l *listingRec) error {
		if l == nil {
			return tx.listFromRecords(uid, opt, func(st Story) error { return fn(st) })
		}
		st, err := l.decode()
		if err != nil {
			return err
		}
		return fn(st)
	})
}

// EachStoryJSON is EachStory giving each story as the JSON that
// json.Marshal of it writes (compact), without decoding it: what
// "lede stories --json" prints. The bytes are valid only during the call.
func (db *DB) EachStoryJSON(opt ListOptions, fn func([]byte) error) error {
	return db.eachListed(opt, func(tx txn, uid uint64, l *listingRec) error {
		if l == nil {
			return tx.listFromRecords(uid, opt, func(st Story) error {
				js, err := json.Marshal(st)
				if err != nil {
					return err
				}
				return fn(js)
			})
		}
		return fn(l.story)
	})
}

// listFromRecords lists a story that has no listing record (one with a
// damaged record) from its records, reporting each damaged one.
func (tx txn) listFromRecords(uid uint64, opt ListOptions, fn func(Story) error) error {
	st, err := tx.loadStory(uid)
	if err != nil {
		opt.warn(Problem{StoryUID: uid, Err: err})
		return nil
	}
	for _, p := range st.Problems {
		opt.warn(p)
	}
	return fn(st)
}

func (opt ListOptions) warn(p Problem) {
	if opt.Warn != nil {
		opt.Warn(p)
	}
}

// eachListed walks the stories opt lists, most recently updated first,
// calling fn with each story's listing record, nil for a story that has
// none. Filters read the recent index, the headline index and the
// listing records' heads; a story passed over costs no decoding.
func (db *DB) eachListed(opt ListOptions, fn func(tx txn, uid uint64, l *listingRec) error) error {
	return db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		var l listingRec
		var ok bool
		pages := tx.residentPages()
		pass := func(uid uint64) bool {
			var err error
			if l, ok, err = tx.listing(uid); err != nil {
				opt.warn(Problem{StoryUID: uid, Err: err})
			}
			return tx.passes(uid, l, ok, opt)
		}
		return tx.walkListing(opt, pass, func(uid uint64) error {
			if !ok {
				return fn(tx, uid, nil)
			}
			err := fn(tx, uid, &l)
			pages.done(l.story)
			return err
		})
	})
}

// passes applies the filters that need more than the indexes, agency
// and status: from the story's listing record l when it has one (ok),
// else from its records.
func (tx txn) passes(uid uint64, l listingRec, ok bool, opt ListOptions) bool {
	if opt.Agency == "" && opt.Status == "" {
		return true
	}
	if ok {
		return (opt.Agency == "" || containsFold(l.agencies, opt.Agency)) && (opt.Status == "" || l.status == opt.Status)
	}
	if opt.Agency != "" && !tx.anyAgency(uid, opt.Agency) {
		return false
	}
	if opt.Status == "" {
		return true
	}
	st, err := tx.loadStory(uid)
	return err == nil && st.Status == opt.Status
}

// listing reads story uid's listing record; false when it has none.
func (tx txn) listing(uid uint64) (listingRec, bool, error) {
	b := tx.b(bucketListings)
	if b == nil {
		return listingRec{}, false, nil
	}
	v := b.Get(u64(uid))
	if v == nil {
		return listingRec{}, false, nil
	}
	l, err := decodeListing(v)
	return l, err == nil, err
}

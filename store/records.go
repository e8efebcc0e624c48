package store

import (
	"encoding/binary"
	"fmt"
	"strings"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// storyRecord is the stored state of a story.
type storyRecord struct {
	ID   string `json:"id"`
	Slug string `json:"slug"`
	// Year is the first known year among its revisions, 0 when none;
	// revisions whose page shows no year are ordered as of this year.
	Year int `json:"year,omitempty"`
	// Count is the number of revisions; Latest is the order key (hex
	// free, raw) of the last one and Headline its headline.
	Count    int    `json:"count"`
	Latest   []byte `json:"latest,omitempty"`
	Headline string `json:"headline"`
	// Apart lists stories a user split from this one: never merged
	// with it automatically.
	Apart []uint64 `json:"apart,omitempty"`
	// MergedInto is the story this one was merged into, 0 when live.
	// Its id keeps resolving to that story.
	MergedInto uint64 `json:"merged_into,omitempty"`
	// Removed lists the versions lede rm took out (remove.go); a story
	// with none left is removed, and its id says so.
	Removed []Tombstone `json:"removed,omitempty"`
}

// RevRecord is what lede keeps about one revision besides its raw input:
// enough to list a story's history without parsing anything again.
type RevRecord struct {
	Arrival  uint64 `json:"arrival"`
	Source   string `json:"source"`
	Ingested int64  `json:"ingested"` // unix seconds
	// Format, Agency, ID ... Transmitted are the revision's own fields
	// (revision.Revision): who sent it, under which item id and story
	// key, as which version, and whether it is usable, a correction or a
	// kill. Records stored before schema 7 have none of them.
	Format      string             `json:"format,omitempty"`
	Agency      string             `json:"agency,omitempty"`
	ID          string             `json:"id,omitempty"`
	Key         string             `json:"key,omitempty"`
	Version     int                `json:"version,omitempty"`
	Slug        string             `json:"slug,omitempty"`
	Cycle       string             `json:"cycle,omitempty"`
	Status      revision.Status    `json:"status,omitempty"`
	Signals     []string           `json:"signals,omitempty"`
	Refs        []string           `json:"refs,omitempty"`
	Part        *revision.ItemPart `json:"part,omitempty"`
	Partial     bool               `json:"partial,omitempty"`
	Transmitted string             `json:"transmitted,omitempty"`
	Date        revision.Date      `json:"date"`
	Time        string             `json:"time,omitempty"`
	Marker      revision.Marker    `json:"marker"`
	Tags        []string           `json:"tags,omitempty"`
	Headline    string             `json:"headline"`
	Note        string             `json:"note,omitempty"`
	Actions     []revision.Action  `json:"actions,omitempty"`
	Byline      string             `json:"byline,omitempty"`
	Paras       int                `json:"paras"`
	Complete    bool               `json:"complete"`
	// Why records the grouping decision that placed the revision.
	Why string `json:"why,omitempty"`
	// Lead is how the lead begins (at most leadExcerpt characters, the
	// dateline left out), kept only for a revision without a headline, so
	// that lists can say what such a story is about, and for an advisory,
	// whose first line is what it says.
	Lead string `json:"lead,omitempty"`
	// Summary is what this revision changed against SummaryPrev, the
	// arrival of the revision before it when the summary was computed.
	// It is shown only while that is still its predecessor.
	Summary     *revision.UpdateSummary `json:"summary,omitempty"`
	SummaryPrev uint64                  `json:"summary_prev,omitempty"`
	// Items lists the items of a version sent in parts (parts.go), the
	// record's own first; nil for a version of one whole item.
	Items []ItemRecord `json:"items,omitempty"`
	// Pickup is a partial item's pick-up as read at ingest (assembly.go).
	Pickup *revision.Pickup `json:"pickup,omitempty"`
	// Assembly is how the whole version was made, computed with Summary
	// and valid with it (while SummaryPrev is the version before).
	Assembly *AssemblyFacts `json:"assembly,omitempty"`
}

func newRevRecord(arrival uint64, in Input, now int64, why string) RevRecord {
	r := in.Rev
	rec := RevRecord{
		Arrival: arrival, Source: in.Source, Ingested: now, Date: r.Date, Time: r.Time,
		Marker: r.Marker, Tags: r.Tags, Headline: r.Headline, Note: r.Note, Actions: r.Actions,
		Byline: r.Byline, Paras: len(r.Paragraphs), Complete: r.Complete, Why: why,
		Format: r.Format, Agency: r.Agency, ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug,
		Cycle: r.Cycle, Status: r.Status, Signals: r.Signals, Refs: r.Refs, Part: r.Part,
		Partial: r.Partial, Transmitted: r.Transmitted, Pickup: r.Pickup,
	}
	if r.Part != nil {
		rec.Items = []ItemRecord{itemRecord(arrival, in)}
	}
	if (r.Headline == "" || r.IsAdvisory()) && len(r.Paragraphs) > 0 {
		lead := []rune(strings.TrimSpace(strings.TrimPrefix(r.Paragraphs[0], r.Dateline.Text)))
		if len(lead) > leadExcerpt {
			lead = lead[:leadExcerpt]
		}
		rec.Lead = string(lead)
	}
	return rec
}

// leadExcerpt is how much of the lead a revision without a headline keeps
// in its record.
const leadExcerpt = 100

func (tx txn) story(uid uint64) (storyRecord, error) {
	if tx.cache != nil {
		if s, ok := tx.cache.stories[uid]; ok {
			return s.clone(), nil
		}
	}
	var s storyRecord
	err := errCorrupt
	if v := tx.b(bucketStories).Get(u64(uid)); v != nil {
		if err = decodeStory(v, &s); err != nil {
			err = fmt.Errorf("record %x: %w", u64(uid), err)
		}
	}
	if err == nil && tx.cache != nil {
		tx.cache.stories[uid] = s.clone()
	}
	return s, err
}

func (tx txn) putStory(uid uint64, s storyRecord) error {
	if err := tx.touch(uid); err != nil {
		return err
	}
	if tx.cache != nil {
		tx.cache.stories[uid] = s.clone()
	}
	return tx.b(bucketStories).Put(u64(uid), encodeStory(s))
}

// clone copies the record's slices, so a cached record is never changed
// through a copy handed out.
func (s storyRecord) clone() storyRecord {
	s.Latest = append([]byte(nil), s.Latest...)
	s.Apart = append([]uint64(nil), s.Apart...)
	s.Removed = append([]Tombstone(nil), s.Removed...)
	return s
}

// live follows MergedInto links to the story that holds the revisions.
func (tx txn) live(uid uint64) (uint64, storyRecord, error) {
	for range 64 {
		s, err := tx.story(uid)
		if err != nil || s.MergedInto == 0 {
			return uid, s, err
		}
		uid = s.MergedInto
	}
	return 0, storyRecord{}, errCorrupt
}

// txn wraps a bbolt transaction with lede's record helpers. cache, when
// set, holds the candidate postings of the days the transaction has read,
// kept in step with its own writes.
type txn struct {
	*bolt.Tx
	cache *termCache
	// dirty collects, in a write transaction run by db.update, the
	// stories whose listing records it must rebuild (listing.go); nil
	// in a read transaction.
	dirty *dirtySet
}

func (tx txn) b(name []byte) *bolt.Bucket { return tx.Bucket(name) }

// revKeys lists a story's revs keys in story order (copies).
func (tx txn) revKeys(uid uint64) [][]byte {
	var out [][]byte
	prefix := u64(uid)
	c := tx.b(bucketRevs).Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, append([]byte(nil), k...))
	}
	return out
}

func hasPrefix(k, prefix []byte) bool {
	return len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix)
}

// orderDate reads the date part of an order key.
func orderDate(order []byte) revision.Date {
	v := int(binary.BigEndian.Uint32(order))
	return revision.Date{Year: v / 10000, Month: v / 100 % 100, Day: v % 100}
}

package store

import (
	"slices"

	"lede/revision"
	"lede/revision/assemble"
)

// Versions sent in parts. AP sends a long version as "2 Takes" (take 1 of
// 2), then "1st Add", "2nd Add"... under one slug: one version of the
// story in several items. The store keeps every item as received (its raw
// input and content hash under its own arrival number, so re-ingesting a
// part is a duplicate) but files only one revision record for the
// version, under the arrival of the part that came first; the others are
// listed in the record's Items and named in bucketParts, so that a part's
// own ref resolves to the version it belongs to. The parts may come in
// any order: an add before its take is a version of its own, incomplete,
// until the take joins it.

// bucketParts maps the arrival of a part joined to a version stored
// before it to that version's arrival (schema 9). A version's own arrival
// keeps its entry in bucketArrivals, so moving the version (a late
// version, a merge, a split) never has to touch its parts.
var bucketParts = []byte("parts") // part arrival u64 -> version arrival u64

// ItemRecord is one item of a version sent in parts.
type ItemRecord struct {
	Arrival     uint64             `json:"arrival"`
	ID          string             `json:"id,omitempty"`
	Source      string             `json:"source"`
	Part        *revision.ItemPart `json:"part,omitempty"`
	Paras       int                `json:"paras"`
	Complete    bool               `json:"complete"`
	Transmitted string             `json:"transmitted,omitempty"`
}

// file files an item under story uid: as a part of a version stored
// before it (parts.go), or as a version of its own. Either way the whole
// texts of the versions after it may change (a partial picking up from
// it), and their summaries with them.
func (tx txn) file(uid, arrival uint64, in Input, f revision.Features, now int64, why string, res *Result) error {
	key, rec, err := tx.partTarget(uid, in.Rev)
	if err != nil {
		return err
	}
	if key != nil {
		res.Joined = RefOf(rec.Arrival)
		return tx.joinPart(uid, key, rec, arrival, in, f, now)
	}
	if err := tx.addRevision(uid, arrival, in, f, now, why); err != nil {
		return err
	}
	return tx.wholeChanged(uid, tx.b(bucketArrivals).Get(u64(arrival)), false, []string{in.Rev.ID})
}

func itemRecord(arrival uint64, in Input) ItemRecord {
	r := in.Rev
	return ItemRecord{Arrival: arrival, ID: r.ID, Source: in.Source, Part: r.Part, Paras: len(r.Paragraphs),
		Complete: r.Complete, Transmitted: r.Transmitted}
}

// versionArrival is the arrival of the version that the item which
// arrived as arrival belongs to: itself, or the version it was joined to.
func (tx txn) versionArrival(arrival uint64) uint64 {
	if v := tx.b(bucketParts).Get(u64(arrival)); len(v) == 8 {
		return getU64(v)
	}
	return arrival
}

// versionKey is the revs key of the version the item that arrived as
// arrival belongs to, nil when there is none.
func (tx txn) versionKey(arrival uint64) []byte {
	return tx.b(bucketArrivals).Get(u64(tx.versionArrival(arrival)))
}

// parts lists the parts of the items of a record.
func (rec RevRecord) parts() []*revision.ItemPart {
	out := make([]*revision.ItemPart, len(rec.Items))
	for i, it := range rec.Items {
		out[i] = it.Part
	}
	return out
}

// partTarget finds the version of story uid that an item sent as a part
// belongs to: the latest version of the same story key sent in parts
// that lacks this part and whose take count leaves room for it. It
// returns nil when there is none, and the item is a version of its own.
func (tx txn) partTarget(uid uint64, r *revision.Revision) ([]byte, RevRecord, error) {
	if r.Part == nil || r.Key == "" {
		return nil, RevRecord{}, nil
	}
	keys := tx.revKeys(uid)
	for i := len(keys) - 1; i >= 0; i-- {
		var rec RevRecord
		if _, err := tx.getRev(keys[i], &rec); err != nil {
			return nil, rec, err
		}
		if len(rec.Items) > 0 && rec.Key == r.Key && fits(rec.parts(), r.Part) {
			return keys[i], rec, nil
		}
	}
	return nil, RevRecord{}, nil
}

// fits reports whether part p can join a version that has parts have:
// it is not there yet, and the takes count (of the take 1 there or of p)
// has room for every add.
func fits(have []*revision.ItemPart, p *revision.ItemPart) bool {
	takes := p.Of
	for _, h := range have {
		if h != nil && *h == *p {
			return false
		}
		if h != nil && h.Kind == "take" && h.N == 1 {
			if p.Kind == "take" && p.N == 1 {
				return false
			}
			takes = h.Of
		}
	}
	if takes == 0 {
		return true
	}
	for _, h := range append(slices.Clone(have), p) {
		if h != nil && h.Kind == "add" && h.N >= takes {
			return false
		}
	}
	return true
}

// isFirstPart reports whether p is take 1, the part that carries the
// version's headline, note and byline.
func isFirstPart(p *revision.ItemPart) bool { return p != nil && p.Kind == "take" && p.N <= 1 }

// joinPart joins the item in (arrived as arrival) to the version stored
// under key in story uid: its record lists the item, counts its
// paragraphs and, when the item is take 1, takes its headline, note and
// other fields (and its place in story order). The item's raw input and
// content hash are filed by the caller.
func (tx txn) joinPart(uid uint64, key []byte, rec RevRecord, arrival uint64, in Input, f revision.Features, now int64) error {
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	items := append(rec.Items, itemRecord(arrival, in))
	if isFirstPart(in.Rev.Part) {
		// The version is found by take 1's headline and words from now
		// on: its features and index terms replace the add's.
		old, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, rec.Arrival)))
		if err != nil {
			return err
		}
		if err := tx.delTerms(old, rec.Arrival, s.Year, uid); err != nil {
			return err
		}
		rec = newRevRecord(rec.Arrival, in, rec.Ingested, rec.Why)
		if err := tx.b(bucketFeats).Put(featKey(uid, rec.Arrival), encodeFeatures(f)); err != nil {
			return err
		}
		tx.cache.forget(uid)
		if err := tx.putTerms(f, s.Year, uid); err != nil {
			return err
		}
	}
	rec.Items = items
	rec.Paras, rec.Complete = 0, len(assemble.Missing(rec.parts())) == 0
	for _, it := range items {
		rec.Paras += it.Paras
		rec.Complete = rec.Complete && it.Complete
	}
	rec.Summary, rec.SummaryPrev, rec.Assembly = nil, 0, nil
	if err := tx.delRev(key); err != nil {
		return err
	}
	vf, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, rec.Arrival)))
	if err != nil {
		return err
	}
	nk := revKey(uid, orderOf(vf, rec, s.Year, rec.Arrival))
	if err := tx.putRev(nk, rec); err != nil {
		return err
	}
	if err := tx.b(bucketArrivals).Put(u64(rec.Arrival), nk); err != nil {
		return err
	}
	if err := tx.b(bucketParts).Put(u64(arrival), u64(rec.Arrival)); err != nil {
		return err
	}
	if err := tx.refresh(uid); err != nil {
		return err
	}
	ids := []string{rec.ID}
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return tx.wholeChanged(uid, tx.b(bucketArrivals).Get(u64(rec.Arrival)), true, ids)
}

// wholeChanged drops the update summaries a change of the whole text of
// the version under key made stale: its own (when self), and those of the
// versions after it whose whole text or predecessor depends on it — the
// next version, and each partial after it that picks up from a version
// whose text changed (the one before it, or the one its reference
// numbers name, among ids: the item ids of the changed version).
// Summaries are derived data: the summarise stage
// computes them again. A version filed last costs one cursor step.
func (tx txn) wholeChanged(uid uint64, key []byte, self bool, ids []string) error {
	if key == nil {
		return nil
	}
	key = append([]byte(nil), key...)
	var todo [][]byte
	if self {
		todo = append(todo, key)
	}
	prefix := u64(uid)
	c := tx.b(bucketRevs).Cursor()
	c.Seek(key)
	prevChanged := true
	for k, v := c.Next(); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		var rec RevRecord
		if err := decodeRev(v, &rec); err != nil && !IsDateDamage(err) {
			return err
		}
		named := rec.Partial && slices.ContainsFunc(rec.Refs, func(r string) bool { return r != "" && slices.Contains(ids, r) })
		if prevChanged || named {
			todo = append(todo, append([]byte(nil), k...))
		}
		prevChanged = rec.Partial && (prevChanged || named)
	}
	for _, k := range todo {
		var rec RevRecord
		if _, err := tx.getRev(k, &rec); err != nil {
			return err
		}
		if rec.Summary == nil && rec.Assembly == nil {
			continue
		}
		rec.Summary, rec.SummaryPrev, rec.Assembly = nil, 0, nil
		if err := tx.putRev(k, rec); err != nil {
			return err
		}
	}
	return nil
}

// checkParts verifies the parts of a version sent in parts: each part
// joined to it has its raw input and names it in bucketParts. It returns
// how many items the version holds, each with its own content hash.
func (tx txn) checkParts(rep *CheckReport, rec RevRecord) int {
	for _, it := range rec.Items {
		if it.Arrival == rec.Arrival {
			continue
		}
		if tx.b(bucketRaw).Get(u64(it.Arrival)) == nil {
			rep.add("part %d of revision %d has no raw input", it.Arrival, rec.Arrival)
		}
		if tx.versionArrival(it.Arrival) != rec.Arrival {
			rep.add("part %d of revision %d: parts entry does not point to it", it.Arrival, rec.Arrival)
		}
	}
	return max(len(rec.Items), 1)
}

// removeParts deletes the parts joined to the version rec (raw input,
// content hash and text words), which lede rm takes out with it. Their parts entries
// stay, so that a part's ref still names the version and says it was
// removed (noVersion finds the version's tombstone).
func (tx txn) removeParts(rec RevRecord) error {
	for _, it := range rec.Items {
		if it.Arrival == rec.Arrival {
			continue
		}
		if err := tx.delHash(it.Arrival, rec.Date); err != nil {
			return err
		}
		if raw, err := tx.raw(it.Arrival); err == nil {
			if err := tx.delText(it.Arrival, raw); err != nil {
				return err
			}
		}
		if err := tx.b(bucketRaw).Delete(u64(it.Arrival)); err != nil {
			return err
		}
	}
	return nil
}

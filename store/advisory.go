package store

import (
	"slices"

	"lede/revision"
)

// Advisories. An advisory is an item about another item (AP's
// "Advisory" and kill advisories, a NewsML-G2 or ninjs advisory): it is
// never a version of the story it names, so it never renumbers that
// story nor counts as its latest version. Ingest stores it as an entry
// of its own (a story holding just the advisory, filed under no index
// term, so that nothing groups into it) and links it to the story it
// names: the story of its own agency key (AP's slug within its cycle, a
// guid or uri), or of a key its refs name (a NewsML-G2 link, a ninjs
// evolvedfrom). An advisory whose story is not stored yet waits under the
// keys it names and is linked when a version of such a key arrives.
//
//	advisories: story uid u64 | advisory arrival u64 -> nil
//	about:      advisory arrival u64 -> story uid u64 (0 while none), then the key terms it names (u64 each)
//	advpending: key term u64 | advisory arrival u64 -> nil, while its story is not stored
var (
	bucketAdvisories = []byte("advisories")
	bucketAbout      = []byte("about")
	bucketAdvPending = []byte("advpending")
)

func init() {
	allBuckets = append(allBuckets, bucketAdvisories, bucketAbout, bucketAdvPending)
}

// advisoryFeatures are the features an advisory is stored with: its
// agency and date, and nothing that files it under an index term or a
// story key, since no version may join it.
func advisoryFeatures(f revision.Features) revision.Features {
	return revision.Features{Agency: f.Agency, Date: f.Date, Sent: f.Sent, SeqKnown: f.SeqKnown}
}

// namedTerms are the key terms an advisory with features f (as parsed)
// and refs names: its own key's, and each ref's read as a key of its
// agency.
func namedTerms(f revision.Features, refs []string) []uint64 {
	var out []uint64
	add := func(key string) {
		if t := (revision.Features{Key: key, Agency: f.Agency}).KeyTerm(); t != 0 && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	add(f.Key)
	for _, r := range refs {
		add(r)
	}
	return out
}

// linkAdvisory links the advisory that arrived as arrival into its own
// entry own to the story it names, or leaves it waiting for that story.
func (tx txn) linkAdvisory(own, arrival uint64, f revision.Features, refs []string) error {
	terms := namedTerms(f, refs)
	target, err := tx.storyOfTerms(terms, own)
	if err != nil {
		return err
	}
	if err := tx.putAbout(arrival, target, terms); err != nil {
		return err
	}
	if target != 0 {
		return tx.putLink(target, arrival)
	}
	for _, t := range terms {
		if err := tx.b(bucketAdvPending).Put(append(u64(t), u64(arrival)...), nil); err != nil {
			return err
		}
	}
	return nil
}

// storyOfTerms is the live story filed under the first of terms that
// names one, but own; the newest when a key names several (a slug reused
// by a user's split). 0 when none does.
func (tx txn) storyOfTerms(terms []uint64, own uint64) (uint64, error) {
	for _, t := range terms {
		var best uint64
		prefix := u64(t)
		c := tx.b(bucketKeys).Cursor()
		for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
			uid, s, err := tx.live(getU64(k[8:]))
			if err != nil {
				return 0, err
			}
			if uid != own && removedStory(s) == nil {
				best = max(best, uid)
			}
		}
		if best != 0 {
			return best, nil
		}
	}
	return 0, nil
}

// adoptAdvisories links the advisories waiting under the key of a
// version just filed in story uid to that story.
func (tx txn) adoptAdvisories(f revision.Features, uid uint64) error {
	if f.Key == "" {
		return nil
	}
	prefix := u64(f.KeyTerm())
	var waiting []uint64
	c := tx.b(bucketAdvPending).Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		waiting = append(waiting, getU64(k[8:]))
	}
	for _, a := range waiting {
		_, terms := tx.aboutOf(a)
		if err := tx.unpend(a, terms); err != nil {
			return err
		}
		if err := tx.putAbout(a, uid, terms); err != nil {
			return err
		}
		if err := tx.putLink(uid, a); err != nil {
			return err
		}
	}
	return nil
}

// putAbout records what the advisory that arrived as arrival is about.
func (tx txn) putAbout(arrival, target uint64, terms []uint64) error {
	if err := tx.touchArrival(arrival); err != nil {
		return err
	}
	v := u64(target)
	for _, t := range terms {
		v = append(v, u64(t)...)
	}
	return tx.b(bucketAbout).Put(u64(arrival), v)
}

// aboutOf reads what the advisory that arrived as arrival is about: the
// story it names (0: none yet, or no advisory) and the key terms it
// names.
func (tx txn) aboutOf(arrival uint64) (uint64, []uint64) {
	b := tx.b(bucketAbout)
	if b == nil {
		return 0, nil
	}
	v := b.Get(u64(arrival))
	if len(v) < 8 {
		return 0, nil
	}
	var terms []uint64
	for i := 8; i+8 <= len(v); i += 8 {
		terms = append(terms, getU64(v[i:]))
	}
	return getU64(v), terms
}

// unpend takes an advisory out from under the keys it waits under.
func (tx txn) unpend(arrival uint64, terms []uint64) error {
	for _, t := range terms {
		if err := tx.b(bucketAdvPending).Delete(append(u64(t), u64(arrival)...)); err != nil {
			return err
		}
	}
	return nil
}

// isAdvisory reports whether the revision that arrived as arrival was
// stored as an advisory.
func (tx txn) isAdvisory(arrival uint64) bool {
	b := tx.b(bucketAbout)
	return b != nil && b.Get(u64(arrival)) != nil
}

// target is the live story an advisory is about, 0 when it names none
// stored (or the one it named was removed).
func (tx txn) target(arrival uint64) (uint64, storyRecord, error) {
	t, _ := tx.aboutOf(arrival)
	if t == 0 {
		return 0, storyRecord{}, nil
	}
	uid, s, err := tx.live(t)
	if err != nil || removedStory(s) != nil {
		return 0, storyRecord{}, err
	}
	return uid, s, nil
}

// unlinkAdvisory forgets the links of an advisory lede rm removes.
func (tx txn) unlinkAdvisory(arrival uint64) error {
	t, terms := tx.aboutOf(arrival)
	if !tx.isAdvisory(arrival) {
		return nil
	}
	if err := tx.unpend(arrival, terms); err != nil {
		return err
	}
	if t != 0 {
		if err := tx.delLink(t, arrival); err != nil {
			return err
		}
	}
	if err := tx.touchArrival(arrival); err != nil {
		return err
	}
	return tx.b(bucketAbout).Delete(u64(arrival))
}

// moveAdvisories files the advisories about story from under story
// into, which from is being merged into.
func (tx txn) moveAdvisories(into, from uint64) error {
	var moved []uint64
	prefix := u64(from)
	c := tx.b(bucketAdvisories).Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		moved = append(moved, getU64(k[8:]))
	}
	for _, a := range moved {
		_, terms := tx.aboutOf(a)
		if err := tx.delLink(from, a); err != nil {
			return err
		}
		if err := tx.putLink(into, a); err != nil {
			return err
		}
		if err := tx.putAbout(a, into, terms); err != nil {
			return err
		}
	}
	return nil
}

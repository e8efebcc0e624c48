package store

import (
	"bytes"
	"encoding/binary"
	"slices"

	"lede/revision"
)

// The text word index: the search words (revision.SearchWords) of every
// stored version's input as received, markup left out, filed as epoch |
// word | 0 | arrival with no value. A search over headlines and body
// text seeks each query word in it instead of reading every version.
// Words come from the raw input, which the store keeps, so that lede rm,
// lede check and the migration that builds the index for an older file
// compute exactly the words ingest filed without parsing anything; the
// raw input also holds page furniture (a Yonhap page's "most viewed"
// headlines), so a version the index finds is only a candidate, which
// the caller's parse confirms (ListOptions.Text).
var bucketText = []byte("twords")

// textEpochBits clusters the text index by arrival: an epoch holds 512
// consecutive versions, about one ingest batch, so that a batch writes
// the words of its versions into an epoch or two of their own. Within an
// epoch every version's words are in word order, so a batch dirties
// every page of the epochs it writes into: with epochs of 8,192 versions
// (2.4 million entries) that would be the whole current epoch. The cost
// moves to a search, which seeks each query word once per epoch: 2,000
// seeks at 10^6 versions, a few milliseconds.
const textEpochBits = 9

// maxTextWords bounds the words filed for one version: a huge input
// (a 100,000-paragraph page) files its first 4,000 distinct words.
const maxTextWords = 4000

// maxTextHits is how many versions a query word may find before the
// search gives the index up for it and walks the stories instead.
const maxTextHits = 5000

// rawWords lists the search words of an input as received: its text
// with everything between < and > (markup) dropped.
func rawWords(raw []byte) []string {
	text := make([]byte, 0, len(raw))
	inTag := false
	for _, c := range raw {
		switch {
		case c == '<':
			inTag = true
			text = append(text, ' ')
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			text = append(text, c)
		}
	}
	words := revision.SearchWords(string(bytes.ToValidUTF8(text, []byte(" "))))
	return words[:min(len(words), maxTextWords)]
}

// textKey files word for the version that arrived as arrival.
func textKey(word string, arrival uint64) []byte {
	k := binary.BigEndian.AppendUint32(make([]byte, 0, 32), uint32(arrival>>textEpochBits))
	k = append(append(k, word...), 0)
	return append(k, u64(arrival)...)
}

// putText files the words of versions' inputs (rawWords) in the text
// index: words[i] those of the version that arrived as arrivals[i] (0:
// none, a duplicate). The keys are put in order: bbolt splits a node only
// at commit, so a batch's words put in arrival order (every version's
// words across the whole alphabet) land in the middle of one growing
// node, and each put moved the entries after it (BenchmarkIngest: 26 ms
// a version, 98% of it in memmove).
func (tx txn) putText(arrivals []uint64, words [][]string) error {
	b := tx.b(bucketText)
	if b == nil {
		return nil // a file opened by a lede without the index (read-only)
	}
	var keys [][]byte
	for i, a := range arrivals {
		if a == 0 {
			continue
		}
		for _, w := range words[i] {
			keys = append(keys, textKey(w, a))
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	// Most keys go at the end of their epoch, in order: split full pages,
	// not half-full ones (bbolt's default), or the index takes twice the
	// room.
	b.FillPercent = 0.9
	for _, k := range keys {
		if err := b.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}

// putTextBatch files the words of a batch's inputs, as they arrived.
func (tx txn) putTextBatch(inputs []Input, arrivals []uint64) error {
	words := make([][]string, len(inputs))
	for i, in := range inputs {
		if words[i] = in.words; !in.worded && arrivals[i] != 0 {
			words[i] = rawWords(in.Raw) // not prepared by the caller
		}
	}
	return tx.putText(arrivals, words)
}

func (tx txn) delText(arrival uint64, raw []byte) error {
	b := tx.b(bucketText)
	if b == nil {
		return nil
	}
	for _, w := range rawWords(raw) {
		if err := b.Delete(textKey(w, arrival)); err != nil {
			return err
		}
	}
	return nil
}

// versionsWithPrefix lists the arrivals filed under a word beginning
// with prefix, and false when there are more than limit.
func (tx txn) versionsWithPrefix(prefix string, limit int) (map[uint64]bool, bool) {
	out := map[uint64]bool{}
	c := tx.b(bucketText).Cursor()
	last := tx.b(bucketArrivals).Sequence() >> textEpochBits
	for e := uint64(0); e <= last; e++ {
		p := binary.BigEndian.AppendUint32(nil, uint32(e))
		p = append(p, prefix...)
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
			out[getU64(k[len(k)-8:])] = true
			if len(out) > limit {
				return nil, false
			}
		}
	}
	return out, true
}

// textCandidates narrows a search for query (revision.SearchQuery) to
// the stories with a version holding a word that begins with each query
// word, through the text index; ok is false when it cannot narrow it (a
// file without the index, or every word too common).
func (tx txn) textCandidates(query []string) (uids []uint64, ok bool) {
	if tx.b(bucketText) == nil || len(query) == 0 {
		return nil, false
	}
	var set map[uint64]bool
	for _, q := range query {
		found, narrow := tx.versionsWithPrefix(q, maxTextHits)
		if !narrow {
			continue
		}
		stories := map[uint64]bool{}
		for a := range found {
			if rk := tx.b(bucketArrivals).Get(u64(a)); rk != nil {
				if uid, _, err := tx.live(getU64(rk)); err == nil && (set == nil || set[uid]) {
					stories[uid] = true
				}
			}
		}
		set = stories
	}
	if set == nil {
		return nil, false
	}
	for uid := range set {
		uids = append(uids, uid)
	}
	return uids, true
}

// indexText builds the text index of a file written before schema 11,
// from every stored input.
func (tx txn) indexText() error {
	if _, err := tx.CreateBucketIfNotExists(bucketText); err != nil {
		return err
	}
	// An epoch at a time, its keys put in order (see putText).
	var arrivals []uint64
	var words [][]string
	flush := func() error {
		err := tx.putText(arrivals, words)
		arrivals, words = arrivals[:0], words[:0]
		return err
	}
	c := tx.b(bucketRaw).Cursor()
	for k, z := c.First(); k != nil; k, z = c.Next() {
		a := getU64(k)
		if len(arrivals) > 0 && a>>textEpochBits != arrivals[0]>>textEpochBits {
			if err := flush(); err != nil {
				return err
			}
		}
		raw, err := inflate(z)
		if err != nil {
			continue // lede check reports the input
		}
		arrivals, words = append(arrivals, a), append(words, rawWords(raw))
	}
	return flush()
}

// checkText reports versions whose words are not all filed, and entries
// of versions that are not stored.
func (tx txn) checkText(rep *CheckReport) {
	b := tx.b(bucketText)
	if b == nil {
		return
	}
	filed := map[uint64]int{}
	b.ForEach(func(k, _ []byte) error {
		if len(k) < 14 || k[len(k)-9] != 0 || binary.BigEndian.Uint32(k) != uint32(getU64(k[len(k)-8:])>>textEpochBits) {
			rep.add("text index key %x is not epoch | word | 0 | arrival", k)
		} else {
			filed[getU64(k[len(k)-8:])]++
		}
		return nil
	})
	tx.b(bucketRaw).ForEach(func(k, z []byte) error {
		arrival := getU64(k)
		raw, err := inflate(z)
		if err != nil {
			return nil // reported with the raw input
		}
		words := rawWords(raw)
		for _, w := range words {
			if b.Get(textKey(w, arrival)) == nil {
				rep.add("%s: word %q is not in the text index", RefOf(arrival), w)
				break
			}
		}
		if filed[arrival] != len(words) {
			rep.add("%s: the text index files %d words, its input has %d", RefOf(arrival), filed[arrival], len(words))
		}
		delete(filed, arrival)
		return nil
	})
	for a, n := range filed {
		rep.add("the text index files %d words for %s, which is not stored", n, RefOf(a))
	}
}

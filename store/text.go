package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// The text word index: the search words (revision.SearchWords) of every
// stored version's input as received, markup left out, as packed
// postings: one key per epoch and word (textKey), whose value lists the
// arrivals of that epoch that hold the word (text_postings.go). A search
// over headlines and body text seeks each query word in it instead of
// reading every version. Words come from the raw input, which the store
// keeps, so that lede rm, lede check and the migration that builds the
// index for an older file compute exactly the words ingest filed without
// parsing anything; the raw input also holds page furniture (a Yonhap
// page's "most viewed" headlines), so a version the index finds is only
// a candidate, which the caller's parse confirms (ListOptions.Text).
//
// Schemas 11 and 12 filed one key per version and word (epoch | word | 0 |
// arrival, no value, bucket "twords"): some 250 keys a version, each
// with bbolt's 16 bytes of element header and the 8-byte arrival, which
// halved ingest and made the file 2.7 times larger (BENCHMARKS.md).
var bucketText = []byte("tposts")

// bucketTextKeys is schemas 11-12's text index, which indexText replaces.
var bucketTextKeys = []byte("twords")

// textEpochBits clusters the text index by arrival: an epoch holds 512
// consecutive versions, about one ingest batch (lede ingest stores 500
// a transaction), so that a batch mostly creates the keys of an epoch of
// its own, in order at the end of the index, and reads and rewrites the
// lists of an epoch only where it meets one a batch before it began. A
// larger epoch would pack more versions into each key but have every
// batch rewrite lists it did not begin; a smaller one files a word's key
// once per few versions. A search seeks each query word once per epoch:
// 2,000 seeks at 10^6 versions, a few milliseconds.
const textEpochBits = 9

// maxTextWords bounds the words filed for one version: a huge input
// (a 100,000-paragraph page) files its first 4,000 distinct words.
const maxTextWords = 4000

// maxTextHits is how many versions a query word may find before the
// search gives the index up for it and walks the stories instead.
const maxTextHits = 5000

// rawWords lists the search words of an input as received: its text
// with everything between < and > (markup) dropped
// (revision.MarkupSearchWords), the first maxTextWords.
func rawWords(raw []byte) []string {
	words := revision.MarkupSearchWords(raw)
	return words[:min(len(words), maxTextWords)]
}

// textWords is what an input files in the text index: its words
// (rawWords) joined by single spaces, made as one string without the
// list of words between (revision.MarkupSearchText). An Input keeps them
// in until its batch is stored: one allocation, where a []string costs a
// header a word and keeps the lower-cased copy of the whole input its
// words are cut from (BenchmarkIngest at 10^4, peak heap: 155 MiB with
// []string, 110-120 packed, 100-105 without the text index).
func textWords(raw []byte) string { return revision.MarkupSearchText(raw, maxTextWords) }

// textKey is the key of word's posting list in epoch e.
func textKey(e uint64, word string) []byte {
	return append(textEpoch(e), word...)
}

// textEpoch is the first four bytes of the text keys of epoch e.
func textEpoch(e uint64) []byte {
	return binary.BigEndian.AppendUint32(make([]byte, 0, 32), uint32(e))
}

// textSlot splits an arrival into its epoch and its offset within it.
func textSlot(arrival uint64) (e uint64, off uint16) {
	return arrival >> textEpochBits, uint16(arrival & (textEpochLen - 1))
}

// textPostings gathers posting lists to file: by epoch, by word, the
// offsets of the arrivals that hold the word.
type textPostings map[uint64]map[string][]uint16

func (p textPostings) add(arrival uint64, words iter.Seq[string]) {
	e, off := textSlot(arrival)
	m := p[e]
	if m == nil {
		m = map[string][]uint16{}
		p[e] = m
	}
	for w := range words {
		m[w] = append(m[w], off)
	}
}

// packedWords lists the words textWords joined.
func packedWords(packed string) iter.Seq[string] {
	if packed == "" {
		return func(func(string) bool) {}
	}
	return strings.SplitSeq(packed, " ")
}

// putText files the words of versions' inputs (textWords)
// in the text index: words[i] those of the version that arrived as
// arrivals[i] (0: none, a duplicate).
func (tx txn) putText(arrivals []uint64, words []string) error {
	p := textPostings{}
	for i, a := range arrivals {
		if a != 0 {
			p.add(a, packedWords(words[i]))
		}
	}
	return tx.putPostings(p)
}

// putPostings files posting lists gathered by epoch.
func (tx txn) putPostings(p textPostings) error {
	b := tx.b(bucketText)
	if b == nil {
		return nil // a file opened by a lede without the index (read-only)
	}
	// A new epoch's keys go at the end of the index, in order: split
	// full pages, not half-full ones (bbolt's default), or the index
	// takes twice the room.
	b.FillPercent = 0.9
	for _, e := range slices.Sorted(maps.Keys(p)) {
		if err := putTextEpoch(b, e, p[e]); err != nil {
			return err
		}
	}
	return nil
}

// putTextEpoch files the posting lists of one epoch, in word order (bbolt
// splits a node only at commit, so keys put out of order land in the
// middle of one growing node and each put moves the entries after it),
// merging them into the lists an earlier batch began.
func putTextEpoch(b *bolt.Bucket, e uint64, lists map[string][]uint16) error {
	begun, _ := b.Cursor().Seek(textEpoch(e))
	fresh := begun == nil || !bytes.HasPrefix(begun, textEpoch(e))
	for _, w := range slices.Sorted(maps.Keys(lists)) {
		offs := lists[w]
		if !slices.IsSorted(offs) {
			slices.Sort(offs)
		}
		offs = slices.Compact(offs)
		k := textKey(e, w)
		v := encodePostings(offs)
		if !fresh {
			if old := b.Get(k); old != nil {
				var err error
				if v, err = mergePostings(old, offs); err != nil {
					return fmt.Errorf("%w: text index key %x: %v", errCorrupt, k, err)
				}
			}
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
	}
	return nil
}

// putTextBatch files the words of a batch's inputs, as they arrived:
// groups holds those of the inputs Prepare gave words (groupAhead); the
// words of the others are read here.
func (tx txn) putTextBatch(inputs []Input, arrivals []uint64, groups wordGroups) error {
	for i, in := range inputs {
		if !in.worded && arrivals[i] != 0 {
			groups.add(int32(i), textWords(in.Raw)) // not prepared by the caller
		}
	}
	return tx.putPostings(groups.postings(arrivals))
}

// delText takes the version that arrived as arrival, whose input was
// raw, out of the lists of its words, deleting the lists it empties.
func (tx txn) delText(arrival uint64, raw []byte) error {
	b := tx.b(bucketText)
	if b == nil {
		return nil
	}
	e, off := textSlot(arrival)
	for _, w := range rawWords(raw) {
		k := textKey(e, w)
		old := b.Get(k)
		if old == nil {
			continue // lede check reports the missing word
		}
		v, found, err := dropPosting(old, off)
		switch {
		case err != nil:
			return fmt.Errorf("%w: text index key %x: %v", errCorrupt, k, err)
		case !found:
		case v == nil:
			err = b.Delete(k)
		default:
			err = b.Put(k, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// versionsWithPrefix lists the arrivals filed under a word beginning
// with prefix, and false when there are more than limit or a list does
// not decode (the caller walks the stories instead).
func (tx txn) versionsWithPrefix(prefix string, limit int) (map[uint64]bool, bool) {
	out := map[uint64]bool{}
	c := tx.b(bucketText).Cursor()
	last := tx.b(bucketArrivals).Sequence() >> textEpochBits
	var offs []uint16
	for e := uint64(0); e <= last; e++ {
		p := textKey(e, prefix)
		for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
			var err error
			if offs, err = decodePostings(offs[:0], v); err != nil {
				return nil, false
			}
			for _, o := range offs {
				out[e<<textEpochBits|uint64(o)] = true
			}
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

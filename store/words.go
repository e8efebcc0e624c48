package store

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The headline word index: every word of every live story's headlines
// (lower-cased runs of letters and digits), as epoch | word | 0 | story
// uid (wordKey), no value. A search for words at the start of headline
// words (lede serve's ?q=) reads the stories filed under words beginning
// with each query word instead of every story's headlines, so a search
// for rare words costs little whatever the size of the database.
var bucketWords = []byte("hwords")

// wordEpochBits sets the epochs that cluster the word index by when a
// story was created: story uids count up, and uid >> wordEpochBits is
// the epoch, so an epoch holds 2,048 consecutive stories. Schema 7 keyed
// word | uid: a batch's new entries (some 1,650 for 500 pages) then
// landed all over a tree that grows with the file, dirtying a leaf
// each, and lede ingest's write transaction grew with the database
// (BenchmarkIngestDirty: 617 bbolt nodes a batch at 10^5 pages, 314 at
// 10^4). With the epoch first, a batch writes into the last epoch or
// two, a subtree of bounded size, as the day-keyed postings do. The
// cost is a search's: one seek per epoch and query word. 2,048 stories
// (some 7,400 pages of 3.6 versions, 20,000 word entries, 200 leaves)
// keep that to 14 seeks at 10^5 pages and 140 at 10^6, tens of
// microseconds, while an epoch is no larger than the whole index of a
// 10^4-page file, whose batches did not grow.
const wordEpochBits = 11

// maxWordHits is how many stories a query word may find through the word
// index at most before the search gives it up and walks the stories
// newest first instead: a common word matches so many stories that the
// walk finds a page of them at once. (recentOf sets a lower bound where
// the walk is cheaper still.)
const maxWordHits = 2000

// headlineTokens lists the distinct lower-cased runs of letters and
// digits of s, as the web search's word starts see them.
func headlineTokens(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// WordSearch is the search lede serve's ?q= runs: match accepts a
// headline with every word of q (split at spaces) at the start of one of
// its words, in any order and regardless of case ("korea" finds "S.
// Korea's" and "Koreas", not "NKorea"); prefixes, for ListOptions, are
// what the word index looks up for them.
func WordSearch(q string) (match func(string) bool, prefixes []string) {
	words := strings.Fields(strings.ToLower(q))
	for _, w := range words {
		prefixes = append(prefixes, searchPrefix(w))
	}
	return func(headline string) bool {
		h := strings.ToLower(headline)
		for _, w := range words {
			if !hasWordStart(h, w) {
				return false
			}
		}
		return true
	}, prefixes
}

// hasWordStart reports whether w occurs in h at the start of a word.
func hasWordStart(h, w string) bool {
	for i := 0; ; {
		j := strings.Index(h[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		if r, _ := utf8.DecodeLastRuneInString(h[:at]); at == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		i = at + 1
	}
}

// searchPrefix is the part of a query word the word index can look up:
// its first run of letters and digits, lower-cased. A headline holding
// the word at the start of one of its words holds a word that begins with
// it. "" when the query word has none.
func searchPrefix(word string) string {
	if ts := headlineTokens(word); len(ts) > 0 {
		return ts[0]
	}
	return ""
}

// wordKey files word for story uid under the story's epoch (a u32;
// uids below 2^43). The 0 ends the word, so that a word is never read as
// a longer one's prefix's entry and the uid is found from the end.
func wordKey(word string, uid uint64) []byte {
	k := wordEpoch(uid >> wordEpochBits)
	k = append(append(k, word...), 0)
	return append(k, u64(uid)...)
}

// wordEpoch is the first four bytes of the word keys of epoch e.
func wordEpoch(e uint64) []byte {
	return binary.BigEndian.AppendUint32(make([]byte, 0, 32), uint32(e))
}

// putWords files the words of headlines (an entry of the headline
// index) for story uid; delWords removes them.
func (tx txn) putWords(uid uint64, heads []byte) error {
	return tx.putNewWords(uid, string(heads), nil)
}

// putNewWords files the words of a new headline for story uid that its
// earlier headlines (heads) lack: theirs are filed already, and putting
// a key again rewrote its node for nothing. Most of a new version's
// headline words are its story's already; putting them all again was a
// fifteenth of the store benchmark's transactions at 10^5 revisions.
func (tx txn) putNewWords(uid uint64, headline string, heads []byte) error {
	have := headlineTokens(string(heads))
	b := tx.b(bucketWords)
	for _, w := range headlineTokens(headline) {
		if slices.Contains(have, w) {
			continue
		}
		if err := b.Put(wordKey(w, uid), nil); err != nil {
			return err
		}
	}
	return nil
}

func (tx txn) delWords(uid uint64, heads []byte) error {
	b := tx.b(bucketWords)
	for _, w := range headlineTokens(string(heads)) {
		if err := b.Delete(wordKey(w, uid)); err != nil {
			return err
		}
	}
	return nil
}

// storiesWithPrefix lists the stories with a headline word that begins
// with prefix, and false when there are more than limit of them. It
// seeks the prefix in every epoch up to that of the last story created.
func (tx txn) storiesWithPrefix(prefix string, limit int) (map[uint64]bool, bool) {
	out := map[uint64]bool{}
	c := tx.b(bucketWords).Cursor()
	last := tx.b(bucketStories).Sequence() >> wordEpochBits
	for e := uint64(0); e <= last; e++ {
		p := append(wordEpoch(e), prefix...)
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
			out[getU64(k[len(k)-8:])] = true
			if len(out) > limit {
				return nil, false
			}
		}
	}
	return out, true
}

// wordCandidates narrows a search to the stories with a headline word
// beginning with every prefix given, through the word index; a prefix
// found in more than limit stories does not narrow it. ok is false when
// the index cannot narrow it (no prefixes, each too common, or a file
// without the index): the caller then walks all stories.
func (tx txn) wordCandidates(prefixes []string, limit int) (uids []uint64, ok bool) {
	if tx.b(bucketWords) == nil {
		return nil, false
	}
	var set map[uint64]bool
	for _, p := range prefixes {
		if p == "" {
			continue
		}
		found, narrow := tx.storiesWithPrefix(p, limit)
		if !narrow {
			continue
		}
		if set == nil {
			set = found
			continue
		}
		for uid := range set {
			if !found[uid] {
				delete(set, uid)
			}
		}
	}
	if set == nil {
		return nil, false
	}
	for uid := range set {
		uids = append(uids, uid)
	}
	return uids, true
}

// indexWords rebuilds the word index from the headline index, for a
// file written before schema 8: schemas 6 and 7 keyed it word | 0 | uid,
// without the epoch, and schemas before 6 had none. Heads are walked in
// uid order, so the new index fills an epoch at a time.
func (tx txn) indexWords() error {
	if tx.b(bucketWords) != nil {
		if err := tx.DeleteBucket(bucketWords); err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucket(bucketWords); err != nil {
		return err
	}
	c := tx.b(bucketHeads).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := tx.putWords(getU64(k), v); err != nil {
			return err
		}
	}
	return nil
}

// checkWords reports stories whose headline words (from their
// revisions) are not all filed, and entries the word index holds beyond
// them.
func (tx txn) checkWords(rep *CheckReport) {
	words := tx.b(bucketWords)
	if words == nil {
		return
	}
	filed := map[uint64]int{}
	words.ForEach(func(k, _ []byte) error {
		if len(k) < 14 || k[len(k)-9] != 0 || getU32(k) != uint32(getU64(k[len(k)-8:])>>wordEpochBits) {
			rep.add("word index key %x is not epoch | word | 0 | story", k)
		} else {
			filed[getU64(k[len(k)-8:])]++
		}
		return nil
	})
	tx.b(bucketStories).ForEach(func(k, _ []byte) error {
		uid := getU64(k)
		heads, err := tx.headsOf(uid)
		if err != nil {
			return nil // reported by checkHeads
		}
		want := headlineTokens(string(heads))
		for _, w := range want {
			if words.Get(wordKey(w, uid)) == nil {
				rep.add("story %d: headline word %q is not in the word index", uid, w)
				return nil
			}
		}
		if filed[uid] != len(want) {
			rep.add("story %d: the word index files %d words, its headlines have %d", uid, filed[uid], len(want))
		}
		delete(filed, uid)
		return nil
	})
	for uid, n := range filed {
		rep.add("the word index files %d words for story %d, which does not exist", n, uid)
	}
}

package store

import (
	"encoding/binary"

	"lede/revision"
)

// Bucket names. Every key is fixed-width big-endian so that a cursor walks
// related records in order; no key holds a string timestamp.
var (
	bucketMeta     = []byte("meta")     // "schema" -> u32; "years" -> u16 list
	bucketStories  = []byte("stories")  // story uid u64 -> storyRecord (storybin.go; JSON before schema 15)
	bucketIDs      = []byte("ids")      // story id string -> story uid u64
	bucketRevs     = []byte("revs")     // uid u64 | order (orderLen bytes) -> revRecord (binary, JSON before schema 14)
	bucketFeats    = []byte("feats")    // uid u64 | arrival u64 -> features (binary)
	bucketRaw      = []byte("raw")      // arrival u64 -> raw input, deflated
	bucketArrivals = []byte("arrivals") // arrival u64 -> revs key (8 + orderLen bytes)
	bucketHashes   = []byte("hashes")   // page date u32 | content hash (12 bytes) -> arrival u64
	bucketTerms    = []byte("postings") // year u16 | mmdd u16 | uid u64 -> sorted terms (u64 each)
	bucketRecent   = []byte("recent")   // latest date u32 | arrival u64 | uid u64 -> nil
	bucketRemoved  = []byte("removed")  // arrival u64 of a version lede rm removed -> its story's uid u64 (removed.go)
	allBuckets     = append([][]byte{bucketMeta, bucketStories, bucketIDs, bucketRevs, bucketFeats,
		bucketRaw, bucketArrivals, bucketHashes, bucketTerms, bucketRecent, bucketHeads, bucketWords, bucketKeys, bucketRemoved, bucketParts, bucketText}, alertBuckets...)
)

// SchemaVersion is the layout this binary writes. A file with a higher
// version is refused with a clear message; lower ones are migrated.
// Schema 2 put the story before the term in the candidate index; schema 3
// put the page's date before the content hash; schema 4 added the headline
// index (heads.go), which an older lede would not keep up to date, so it
// must not write such a file; schema 5 packs a story's terms of a day into
// one value (postingKey); schema 6 adds the headline word index (words.go);
// schema 7 orders a story by the agency's version number and transmission
// time too (orderKey) and indexes story keys (keyindex.go); schema 8 puts
// the story's epoch before the word in the word index (wordEpochBits);
// schema 9 files the parts of a version sent in parts as one version
// (parts.go), which a lede before it would read as a damaged file;
// schema 10 names stories of year-less pages "feb01-..." (was "xx0201-")
// and a story that shares its date and slug "-b" (was "-2"), keeping the
// old ids (storyid.go).
// schema 11 adds the text word index of every stored input (text.go);
// schema 12 keeps a listing record per story (listing.go), which a lede
// before it would leave stale.
// schema 13 packs the text index into one posting list per epoch and
// word (text_postings.go).
// schema 14 writes revision records in binary (recordbin.go), which a
// lede before it would read as damaged.
// schema 15 writes story records in binary (storybin.go), likewise.
const SchemaVersion = 15

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func getU64(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// revKey is a revision's key in revs: story uid then order.
func revKey(uid uint64, order []byte) []byte {
	return append(u64(uid), order...)
}

// arrivalOf reads the arrival number at the end of a revs key.
func arrivalOf(revKey []byte) uint64 { return getU64(revKey[len(revKey)-8:]) }

// featKey is a revision's key in feats.
func featKey(uid, arrival uint64) []byte { return append(u64(uid), u64(arrival)...) }

// postingKey files a story's index terms of one day: the terms of all
// its revisions of that day, sorted, in one value. Postings are read a
// whole day at a time, never by term, so the day comes first, and new
// stories append to the end of their day. (Schemas 2-4 kept one key per
// term, year | mmdd | uid | term; a revision then cost some 28 writes
// instead of one, and the index a third more space. Schema 1 put the
// term before the story, and ingest spent its time moving keys inside
// ever larger nodes.)
func postingKey(year, mmdd uint16, uid uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint16(k[0:], year)
	binary.BigEndian.PutUint16(k[2:], mmdd)
	binary.BigEndian.PutUint64(k[4:], uid)
	return k
}

// decodeTerms reads a postings value, with room to add a revision's terms.
func decodeTerms(v []byte) []uint64 {
	out := make([]uint64, len(v)/8, len(v)/8+32)
	for i := range out {
		out[i] = getU64(v[8*i:])
	}
	return out
}

// encodeTerms writes sorted terms as a postings value.
func encodeTerms(ts []uint64) []byte {
	v := make([]byte, 8*len(ts))
	for i, t := range ts {
		binary.BigEndian.PutUint64(v[8*i:], t)
	}
	return v
}

// recentKey orders live stories by the date of their latest revision and
// its arrival, so listing newest first is a reverse cursor walk.
func recentKey(latestOrder []byte, uid uint64) []byte {
	k := make([]byte, 0, 20)
	k = append(k, latestOrder[0:4]...)
	k = append(k, latestOrder[len(latestOrder)-8:]...)
	return append(k, u64(uid)...)
}

func getU32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }

// hashKey files a content hash under the page's own date (yyyymmdd, year
// 0 when the page shows none).
func hashKey(d revision.Date, sum []byte) []byte {
	k := make([]byte, 4, 16)
	binary.BigEndian.PutUint32(k, uint32(d.Year*10000+d.Month*100+d.Day))
	return append(k, sum...)
}

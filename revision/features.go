package revision

import (
	"slices"
	"strings"
	"time"
)

// Features are what grouping compares. They are computed once per
// revision, stored with it, and enough to decide which story a later
// revision belongs to without reading the earlier revision again.
type Features struct {
	// Key is the agency's story key across versions (Revision.Key: a
	// NewsML-G2 guid, a ninjs uri, a NITF du-key, AP's cycle, slug and
	// date, a Yonhap article id), "" when the input gives none. Agency is
	// who issued it: a key decides only between items of one agency
	// (SameKey).
	Key    string `json:"key,omitempty"`
	Agency string `json:"agency,omitempty"`
	// Version is the agency's version number (Revision.Version), Slug its
	// keyword, Cycle AP's news cycle, Sent the transmission time in unix
	// seconds (0: unknown):
	// what tells a story continued under another key of its agency (AP
	// moving a story to the next news cycle) from one started afresh.
	Version int    `json:"version,omitempty"`
	Slug    string `json:"slug,omitempty"`
	Cycle   string `json:"cycle,omitempty"`
	Sent    int64  `json:"sent,omitempty"`
	// Words are the normalised headline words (HeadlineWords).
	Words []string `json:"words"`
	// Lead sketches paragraph 1 without its dateline; Body sketches the
	// paragraphs after it, which updates mostly keep when they rewrite
	// the lead.
	Lead Sketch `json:"lead"`
	Body Sketch `json:"body"`
	// Date is the revision's date, possibly without a year.
	Date Date `json:"date"`
	// Seq is the version number; SeqKnown is false when the page shows
	// no headline and so no marker (its version is then unknown).
	Seq      int  `json:"seq"`
	SeqKnown bool `json:"seq_known"`
	// Update is true when the revision says it is a later version: a
	// LEAD or Nth LD marker, or an editor's note.
	Update bool `json:"update"`
	// Repeat is true for CORRECTED/REPEATED versions, which may share a
	// version number with the one they replace.
	Repeat bool `json:"repeat,omitempty"`
	// Urgent marks an (URGENT) flash, which precedes the first version.
	Urgent bool `json:"urgent,omitempty"`
	// Names are the capitalised words of the headline and lead that are
	// not sentence openers or names every story shares (places, people,
	// bodies: "Incheon", "Haishen", "KCNA"). Stories on one topic share
	// most words but rarely these.
	Names []string `json:"names,omitempty"`
}

// FeaturesOf computes a revision's grouping features.
func FeaturesOf(r *Revision) Features {
	f := Features{
		Key:      r.Key,
		Agency:   r.Agency,
		Version:  r.Version,
		Slug:     r.Slug,
		Cycle:    r.Cycle,
		Sent:     unixOf(r.Transmitted),
		Words:    HeadlineWords(r.Headline),
		Date:     r.Date,
		Seq:      r.Marker.Seq,
		SeqKnown: r.RawHeadline != "",
		Update:   r.Marker.Seq > 0 || r.Note != "",
	}
	f.Urgent = r.Marker.Label == "URGENT"
	for _, fl := range r.Marker.Flags {
		if fl == "CORRECTED" || fl == "REPEATED" || fl == "REPEAT" || fl == "REFILED" || fl == "CORRECTION" {
			f.Repeat = true
		}
	}
	if len(r.Paragraphs) > 0 {
		f.Lead = SketchOf([]string{strings.TrimPrefix(r.Paragraphs[0], r.Dateline.Text)})
		f.Body = SketchOf(r.Paragraphs[1:])
	}
	lead := ""
	if len(r.Paragraphs) > 0 {
		lead = strings.TrimPrefix(r.Paragraphs[0], r.Dateline.Text)
	}
	f.Names = Names(r.Headline + ". " + lead)
	if len(f.Words) == 0 && len(r.Paragraphs) > 0 {
		// No headline shown: the lead's words stand in for it, so the
		// page can still be found by the words its story is about.
		lead := strings.TrimPrefix(r.Paragraphs[0], r.Dateline.Text)
		if len(lead) > 160 {
			lead = lead[:160]
		}
		f.Words = HeadlineWords(lead)
	}
	return f
}

// IndexTerms are the hashed terms under which a story is found as a
// candidate: its headline words and the smallest hashes of its lead and
// body sketches. Two versions of one story share some of these terms even
// when the headline is rewritten or the body grows.
func (f Features) IndexTerms() []uint64 {
	out := make([]uint64, 0, 1+len(f.Words)+4+16)
	add := func(v uint64) {
		// A short list: a linear check beats a map, and keeps the order.
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	if f.Key != "" {
		add(f.KeyTerm())
	}
	for _, w := range f.Words {
		add(termHash("w", w))
	}
	for i, h := range f.Lead.Min {
		if i >= 4 {
			break
		}
		add(uint64(1)<<63 | uint64(h))
	}
	for i, h := range f.Body.Min {
		if i >= 16 {
			break
		}
		add(uint64(1)<<63 | uint64(h))
	}
	return out
}

// unixOf reads an RFC 3339 time as unix seconds, 0 when there is none.
func unixOf(rfc3339 string) int64 {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return 0
	}
	return t.Unix()
}

// KeyTerm is the index term of the revision's story key, the agency's
// name (in lower case, as SameKey ignores case) and the key: the stories
// that share it are the ones SameKey joins. 0 when there is no key.
func (f Features) KeyTerm() uint64 {
	if f.Key == "" {
		return 0
	}
	return termHash("k", strings.ToLower(f.Agency)+"\x00"+f.Key)
}

// termHash is 64-bit FNV-1a of kind then s, with the top bit clear (set
// marks sketch hashes).
func termHash(kind, s string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(kind); i++ {
		h = (h ^ uint64(kind[i])) * prime
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return h &^ (1 << 63)
}

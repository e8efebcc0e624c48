package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"lede/revision"

	kflate "github.com/klauspost/compress/flate"
)

// Features are stored in a compact binary form because grouping decodes
// those of every candidate story for every incoming revision; JSON would
// make that the cost of ingest. Format 2 appends the agency that issued
// the story key, the agency's version number, slug, news cycle and
// transmission time; format 1 values (written before lede read any agency's keys, so
// without them) are still read.
const featuresFormat = 2

var errCorrupt = errors.New("corrupt record")

func encodeFeatures(f revision.Features) []byte {
	b := make([]byte, 0, 64+4*(len(f.Lead.Min)+len(f.Body.Min)))
	b = append(b, featuresFormat)
	b = binary.BigEndian.AppendUint16(b, uint16(f.Date.Year))
	b = append(b, byte(f.Date.Month), byte(f.Date.Day))
	b = binary.BigEndian.AppendUint16(b, uint16(min(max(f.Seq, 0), 0xffff)))
	var bits byte
	for i, on := range []bool{f.SeqKnown, f.Update, f.Repeat, f.Urgent} {
		if on {
			bits |= 1 << i
		}
	}
	b = append(b, bits)
	b = appendString(b, f.Key)
	b = binary.AppendUvarint(b, uint64(len(f.Words)))
	for _, w := range f.Words {
		b = appendString(b, w)
	}
	b = appendSketch(b, f.Lead)
	b = appendSketch(b, f.Body)
	b = appendString(b, f.Agency)
	b = binary.AppendUvarint(b, uint64(min(max(f.Version, 0), 1<<24)))
	b = appendString(b, f.Slug)
	b = appendString(b, f.Cycle)
	return binary.AppendVarint(b, f.Sent)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendSketch(b []byte, s revision.Sketch) []byte {
	b = binary.AppendUvarint(b, uint64(s.N))
	b = binary.AppendUvarint(b, uint64(len(s.Min)))
	for _, h := range s.Min {
		b = binary.BigEndian.AppendUint32(b, h)
	}
	return b
}

// decoder reads what encodeFeatures wrote, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil || n < 0 || len(d.b) < n {
		d.err = errCorrupt
		return make([]byte, max(n, 0))
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) uvarint() int {
	v, n := binary.Uvarint(d.b)
	if d.err != nil || n <= 0 || v > 1<<24 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if d.err != nil || n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string { return string(d.take(d.uvarint())) }

// keyAndWords reads a story key and the headline words after it, all
// of them copied out in one string: a string a word was a third of
// decoding a story's members for grouping. The first pass checks the
// lengths and finds the end, the second cuts the strings.
func (d *decoder) keyAndWords() (key string, words []string) {
	start := d.b
	d.take(d.uvarint())
	n := d.uvarint()
	for i := 0; i < n && d.err == nil; i++ {
		d.take(d.uvarint())
	}
	if d.err != nil {
		return "", nil
	}
	text := string(start[:len(start)-len(d.b)])
	at := 0
	next := func() string {
		l, k := binary.Uvarint(start[at:])
		at += k + int(l)
		return text[at-int(l) : at]
	}
	key = next()
	_, k := binary.Uvarint(start[at:])
	at += k
	words = make([]string, n)
	for i := range words {
		words[i] = next()
	}
	return key, words
}

// sketches reads a lead's sketch and a body's, their hashes in one
// allocation.
func (d *decoder) sketches() (lead, body revision.Sketch) {
	lead.N = d.uvarint()
	leadRaw := d.take(4 * d.uvarint())
	body.N = d.uvarint()
	bodyRaw := d.take(4 * d.uvarint())
	if d.err != nil {
		return lead, body
	}
	hs := make([]uint32, (len(leadRaw)+len(bodyRaw))/4)
	nl := len(leadRaw) / 4
	for i := 0; i < nl; i++ {
		hs[i] = binary.BigEndian.Uint32(leadRaw[4*i:])
	}
	for i := nl; i < len(hs); i++ {
		hs[i] = binary.BigEndian.Uint32(bodyRaw[4*(i-nl):])
	}
	lead.Min, body.Min = hs[:nl:nl], hs[nl:]
	return lead, body
}

// decodeFeatures copies everything out of b, so b may be a bbolt value
// that dies with its transaction.
func decodeFeatures(b []byte) (revision.Features, error) {
	d := decoder{b: b}
	var f revision.Features
	format, err := d.featuresHead(b, &f)
	if err != nil {
		return f, err
	}
	f.Key, f.Words = d.keyAndWords()
	f.Lead, f.Body = d.sketches()
	d.featuresTail(format, &f)
	return f, d.err
}

// featuresHead reads what precedes the key: the format, the date and the
// version. A format lede does not know is corrupt.
func (d *decoder) featuresHead(b []byte, f *revision.Features) (format byte, err error) {
	format = d.take(1)[0]
	if d.err == nil && format != 1 && format != featuresFormat {
		return format, errCorrupt
	}
	head := d.take(7)
	if d.err != nil {
		return format, d.err
	}
	f.Date = featuresDate(b)
	f.Seq = int(binary.BigEndian.Uint16(head[4:]))
	bits := head[6]
	f.SeqKnown, f.Update, f.Repeat, f.Urgent = bits&1 != 0, bits&2 != 0, bits&4 != 0, bits&8 != 0
	return format, nil
}

// featuresTail reads what format 2 added after the sketches.
func (d *decoder) featuresTail(format byte, f *revision.Features) {
	if format >= 2 {
		f.Agency = d.str()
		f.Version = d.uvarint()
		f.Slug = d.str()
		f.Cycle = d.str()
		f.Sent = d.varint()
	}
}

// deflate compresses raw input for storage; inflate restores it byte for
// byte. The stream is plain DEFLATE (RFC 1951), written by
// klauspost/compress, which at its fastest level compresses wire pages
// as well as the standard library does in a third of the time (12 against
// 37 µs a page on the corpus); the standard library reads it back.
func deflate(raw []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(raw)/2 + 64)
	w := flaters.Get().(*kflate.Writer)
	w.Reset(&buf)
	w.Write(raw)
	w.Close()
	flaters.Put(w)
	return buf.Bytes()
}

// flaters reuses compressors: a new one allocates about a megabyte of
// tables, more than compressing a page costs.
var flaters = sync.Pool{New: func() any {
	w, _ := kflate.NewWriter(nil, kflate.BestSpeed)
	return w
}}

func inflate(b []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	return io.ReadAll(r)
}

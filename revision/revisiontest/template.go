package revisiontest

import (
	"fmt"
	"strconv"
	"strings"
)

// Templates are sentences with slots in braces. A slot names a word bank
// ({city}), a number range ({cnt#8-120} whole numbers, {pct%10-90} tenths
// written "1.0"-"9.0"), a fact a topic sets from its daily series ({total})
// or a calendar word ({day}, {month}, {prevmonth}). A bank slot may pick a
// field of a "|"-separated entry: {country:2}. Slots are sticky within a
// story: every {city} of one story is the same city, so that its headline,
// lead and body agree and its updates stay about the same facts. A leading
// "~" makes a slot fresh (drawn anew each time), for incidental detail.

type segKind uint8

const (
	segLit     segKind = iota
	segBank            // a word-bank entry
	segInt             // a whole number
	segTenth           // a number with one decimal
	segYear            // a year, written without a separator
	segFact            // a fact set by the topic
	segSpecial         // a calendar word
)

// Calendar words a slot can name.
const (
	specialDay = iota
	specialMonth
	specialPrevMonth
)

var specials = map[string]int{"day": specialDay, "month": specialMonth, "prevmonth": specialPrevMonth}

type seg struct {
	kind   segKind
	fresh  bool
	lit    string
	name   string
	field  int
	lo, hi int
	ref    int // bank index or special id
	slot   int // sticky slot, -1 when fresh
}

type tmpl []seg

// slotDef is what a sticky slot name stands for, learnt from every
// template before any is resolved, so a bare {flights} may refer to a
// range written in another template.
type slotDef struct {
	kind   segKind
	lo, hi int
}

var (
	slotIndex = map[string]int{}
	slotDefs  = map[string]slotDef{}
	allTmpls  []*tmpl
)

// parseTmpl splits src into literal and slot segments and registers it
// for resolution; it panics on malformed templates, which are package data.
func parseTmpl(src string) tmpl {
	var t tmpl
	for src != "" {
		i := strings.IndexByte(src, '{')
		if i < 0 {
			t = append(t, seg{kind: segLit, lit: src})
			break
		}
		if i > 0 {
			t = append(t, seg{kind: segLit, lit: src[:i]})
		}
		j := strings.IndexByte(src[i:], '}')
		if j < 0 {
			panic("revisiontest: unclosed slot in template " + strconv.Quote(src))
		}
		t = append(t, parseSlot(src[i+1:i+j]))
		src = src[i+j+1:]
	}
	return t
}

func parseSlot(body string) seg {
	s := seg{slot: -1}
	if strings.HasPrefix(body, "~") {
		s.fresh, body = true, body[1:]
	}
	if k := strings.IndexAny(body, "#%"); k >= 0 {
		s.kind = segInt
		if body[k] == '%' {
			s.kind = segTenth
		}
		lo, hi, ok := strings.Cut(body[k+1:], "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if !ok || err1 != nil || err2 != nil || b < a {
			panic("revisiontest: bad number range in slot {" + body + "}")
		}
		if s.kind == segInt && a >= 1900 && b <= 2100 {
			s.kind = segYear
		}
		s.name, s.lo, s.hi = body[:k], a, b
		if s.name != "" && !s.fresh {
			slotDefs[s.name] = slotDef{kind: s.kind, lo: a, hi: b}
		}
		return s
	}
	if name, f, ok := strings.Cut(body, ":"); ok {
		n, err := strconv.Atoi(f)
		if err != nil {
			panic("revisiontest: bad field in slot {" + body + "}")
		}
		body, s.field = name, n
	}
	s.name, s.kind = body, segFact // resolved later: bank, calendar word, range or fact
	return s
}

// resolveAll links every parsed template's slots to banks, ranges, facts
// and sticky slot numbers. It runs once, after all templates are parsed.
func resolveAll() {
	for _, t := range allTmpls {
		for i := range *t {
			resolveSeg(&(*t)[i])
		}
	}
}

func resolveSeg(s *seg) {
	if s.kind == segLit {
		return
	}
	if s.kind == segFact {
		b, isBank := bankIndex[s.name]
		sp, isSpecial := specials[s.name]
		switch {
		case isBank:
			s.kind, s.ref = segBank, b
			for _, e := range banks[b] {
				if s.field >= len(e) {
					panic(fmt.Sprintf("revisiontest: bank %q has no field %d", s.name, s.field))
				}
			}
		case isSpecial:
			s.kind, s.ref = segSpecial, sp
			return
		default:
			if d, ok := slotDefs[s.name]; ok {
				s.kind, s.lo, s.hi = d.kind, d.lo, d.hi
			}
		}
	}
	if s.fresh {
		if s.kind == segFact {
			panic("revisiontest: fresh slot {~" + s.name + "} names no bank")
		}
		return
	}
	if s.name == "" {
		panic("revisiontest: a sticky number slot needs a name")
	}
	slot, ok := slotIndex[s.name]
	if !ok {
		slot = len(slotIndex)
		slotIndex[s.name] = slot
	}
	s.slot = slot
}

// mustTmpls parses a list of templates and registers them.
func mustTmpls(srcs []string) []tmpl {
	out := make([]tmpl, len(srcs))
	for i, src := range srcs {
		out[i] = parseTmpl(src)
		allTmpls = append(allTmpls, &out[i])
	}
	return out
}

// fact is a sticky slot's value within one story.
type fact struct {
	set bool
	ext bool   // set by the topic, kept when other facts are redrawn
	idx int32  // bank entry
	s   string // number or topic fact
}

// render appends t expanded for story s.
func (s *story) render(buf []byte, t tmpl) []byte {
	for i := range t {
		sg := &t[i]
		switch sg.kind {
		case segLit:
			buf = append(buf, sg.lit...)
		case segBank:
			entries := banks[sg.ref]
			k := s.r.IntN(len(entries))
			if sg.slot >= 0 {
				f := &s.facts[sg.slot]
				if !f.set {
					f.set, f.idx = true, int32(k)
				}
				k = int(f.idx)
			}
			buf = append(buf, entries[k][sg.field]...)
		case segInt, segTenth, segYear:
			if sg.slot < 0 {
				buf = appendNumber(buf, sg.kind, sg.lo+s.r.IntN(sg.hi-sg.lo+1))
				break
			}
			f := &s.facts[sg.slot]
			if !f.set {
				f.set = true
				f.s = string(appendNumber(nil, sg.kind, sg.lo+s.r.IntN(sg.hi-sg.lo+1)))
			}
			buf = append(buf, f.s...)
		case segFact:
			if f := s.facts[sg.slot]; f.set {
				buf = append(buf, f.s...)
			} else {
				buf = append(buf, "<?"+sg.name+">"...)
			}
		case segSpecial:
			buf = append(buf, s.special(sg.ref)...)
		}
	}
	return buf
}

// renderString is render into the story's scratch buffer, as a string.
func (s *story) renderString(t tmpl) string {
	s.scratch = s.render(s.scratch[:0], t)
	return string(s.scratch)
}

// setFact gives a topic fact its value for this story. Naming a fact no
// template uses is a bug in the package data, so it panics.
func (s *story) setFact(name, value string) {
	slot, ok := slotIndex[name]
	if !ok {
		panic("revisiontest: no template uses fact {" + name + "}")
	}
	s.facts[slot] = fact{set: true, ext: true, s: value}
}

// appendNumber writes v as a whole number with thousands separators, or as
// tenths ("7,134" or "12.5").
func appendNumber(buf []byte, kind segKind, v int) []byte {
	switch kind {
	case segTenth:
		buf = appendThousands(buf, v/10)
		return append(buf, '.', byte('0'+v%10))
	case segYear:
		return strconv.AppendInt(buf, int64(v), 10)
	}
	return appendThousands(buf, v)
}

// appendThousands writes a non-negative v with commas every three digits,
// the way the wire writes figures from 1,000 up.
func appendThousands(buf []byte, v int) []byte {
	var tmp [24]byte
	digits := strconv.AppendInt(tmp[:0], int64(v), 10)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, d)
	}
	return buf
}

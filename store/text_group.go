package store

import "runtime"

// wordGroups are a batch's text-index words grouped by word: for each
// word, the inputs holding it, by their index in the batch, in order.
// Filing a batch's words in the text index was a tenth of its write
// transaction, most of it one map look-up a word of every input; but
// which inputs hold a word needs no transaction, only which arrival
// each input got does. So the words are grouped on a core of their own
// while the inputs are stored (groupAhead), and the transaction only
// turns each group's indices into arrivals (putTextBatch).
type wordGroups map[string][]int32

// groupAheadMin is the batch from which the words are grouped on a
// goroutine of their own: below it, starting one costs more than the
// grouping.
const groupAheadMin = 32

// groupAhead groups the words of the inputs Prepare filled in, on a
// goroutine of its own when the batch is large enough to pay for one;
// the inputs without words are left to putTextBatch. wait returns the
// groups once they are made; it must be called before inputs change.
func groupAhead(inputs []Input) (wait func() wordGroups) {
	if len(inputs) < groupAheadMin || runtime.GOMAXPROCS(0) < 2 {
		g := groupWords(inputs)
		return func() wordGroups { return g }
	}
	done := make(chan wordGroups, 1)
	go func() { done <- groupWords(inputs) }()
	var g wordGroups
	return func() wordGroups {
		if done != nil {
			g, done = <-done, nil
		}
		return g
	}
}

// groupWords groups the words of the inputs that hold them already.
func groupWords(inputs []Input) wordGroups {
	g := wordGroups{}
	for i, in := range inputs {
		if in.worded {
			g.add(int32(i), in.words)
		}
	}
	return g
}

// add files input i under each of the words textWords joined in packed.
func (g wordGroups) add(i int32, packed string) {
	for w := range packedWords(packed) {
		g[w] = append(g[w], i)
	}
}

// postings turns the groups into posting lists by epoch: arrivals[i] is
// the arrival input i got, 0 for none (a duplicate), whose words are not
// filed.
func (g wordGroups) postings(arrivals []uint64) textPostings {
	p := textPostings{}
	var offs []uint16
	for w, inputs := range g {
		e := ^uint64(0)
		offs = offs[:0]
		for _, i := range inputs {
			a := arrivals[i]
			if a == 0 {
				continue
			}
			ae, off := textSlot(a)
			if ae != e {
				p.put(e, w, offs)
				e, offs = ae, offs[:0]
			}
			offs = append(offs, off)
		}
		p.put(e, w, offs)
	}
	return p
}

// put files offs, when there are any, under word w of epoch e.
func (p textPostings) put(e uint64, w string, offs []uint16) {
	if len(offs) == 0 {
		return
	}
	m := p[e]
	if m == nil {
		m = map[string][]uint16{}
		p[e] = m
	}
	m[w] = append(m[w], offs...)
}

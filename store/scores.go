package store

// scoreTable sums the weights of the postings a revision's index terms
// hit, by story: an open-addressing hash table of story uids reused for
// every revision of a transaction. A Go map did the same job at several
// times the cost (hashing, growing, clearing), and a revision visits a
// few hundred postings.
type scoreTable struct {
	keys   []uint64 // 0 marks a free slot: story uids start at 1
	vals   []float64
	filled []int32 // slots in use, in the order they were first filled
}

// reset empties the table, keeping its storage.
func (t *scoreTable) reset() {
	if len(t.keys) == 0 {
		t.keys, t.vals = make([]uint64, 512), make([]float64, 512)
	}
	for _, i := range t.filled {
		t.keys[i], t.vals[i] = 0, 0
	}
	t.filled = t.filled[:0]
}

// add adds w to the score of uid (never 0).
func (t *scoreTable) add(uid uint64, w float64) {
	if 2*(len(t.filled)+1) > len(t.keys) {
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := (uid * 0x9E3779B97F4A7C15) >> 32 & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case uid:
			t.vals[i] += w
			return
		case 0:
			t.keys[i], t.vals[i] = uid, w
			t.filled = append(t.filled, int32(i))
			return
		}
	}
}

// grow doubles the table and refiles its entries.
func (t *scoreTable) grow() {
	keys, vals, filled := t.keys, t.vals, t.filled
	t.keys, t.vals, t.filled = make([]uint64, 2*len(keys)), make([]float64, 2*len(keys)), nil
	for _, i := range filled {
		t.add(keys[i], vals[i])
	}
}

// each calls fn for every story with its score.
func (t *scoreTable) each(fn func(uid uint64, score float64)) {
	for _, i := range t.filled {
		fn(t.keys[i], t.vals[i])
	}
}

// len is the number of stories scored.
func (t *scoreTable) len() int { return len(t.filled) }

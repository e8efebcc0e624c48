package web

import (
	"container/list"
	"sync"

	"lede/diff"
)

// diffCacheSize is how many comparisons the server keeps: a desk reads
// the same few updates many times, and a comparison (two pages parsed
// again, aligned, diffed word by word) was most of a diff page's cost.
// diffCacheBytes bounds the memory they hold, estimated from their text;
// a comparison larger than an eighth of it is not kept.
const (
	diffCacheSize  = 256
	diffCacheBytes = 32 << 20
)

// diffCache keeps recent comparisons by the arrival numbers of their two
// revisions. A stored item never changes, so an entry of two versions of
// one item each never goes stale (versions made whole of several items
// are not kept, see compare): merges and splits change story ids and version numbers, which
// each request sets again on its own copy of the result.
type diffCache struct {
	mu       sync.Mutex
	max      int // entries
	maxBytes int
	bytes    int        // estimated size of the entries held
	order    *list.List // of *cacheEntry, most recent first
	items    map[[2]uint64]*list.Element
}

type cacheEntry struct {
	key  [2]uint64
	res  *diff.Result
	size int
}

func newDiffCache(max, maxBytes int) *diffCache {
	return &diffCache{max: max, maxBytes: maxBytes, order: list.New(), items: map[[2]uint64]*list.Element{}}
}

// resultSize estimates the memory a comparison holds: its text, once as
// paragraphs and once as words, plus the bookkeeping of each.
func resultSize(r *diff.Result) int {
	n := 512
	for _, p := range r.Paragraphs {
		n += 64 + len(p.Text)
		for _, w := range p.Words {
			n += 24 + len(w.Text)
		}
	}
	return n
}

// get returns a copy of the comparison of the two arrivals, or nil. The
// copy shares the result's slices, which nothing modifies.
func (c *diffCache) get(key [2]uint64) *diff.Result {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	res := *e.Value.(*cacheEntry).res
	return &res
}

// put keeps a comparison, dropping the least recently used beyond max
// entries or maxBytes.
func (c *diffCache) put(key [2]uint64, res *diff.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	size := resultSize(res)
	if size > c.maxBytes/8 {
		return
	}
	kept := *res
	c.items[key] = c.order.PushFront(&cacheEntry{key: key, res: &kept, size: size})
	c.bytes += size
	for c.order.Len() > c.max || c.bytes > c.maxBytes {
		last := c.order.Back()
		e := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.items, e.key)
		c.bytes -= e.size
	}
}

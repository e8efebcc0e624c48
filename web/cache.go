package web

import (
	"container/list"
	"sync"

	"lede/diff"
)

// diffCacheSize is how many comparisons the server keeps: a desk reads
// the same few updates many times, and a comparison (two pages parsed
// again, aligned, diffed word by word) was most of a diff page's cost.
const diffCacheSize = 256

// diffCache keeps recent comparisons by the arrival numbers of their two
// revisions. A stored revision never changes, so an entry never goes
// stale: merges and splits change story ids and version numbers, which
// each request sets again on its own copy of the result.
type diffCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *cacheEntry, most recent first
	items map[[2]uint64]*list.Element
}

type cacheEntry struct {
	key [2]uint64
	res *diff.Result
}

func newDiffCache(max int) *diffCache {
	return &diffCache{max: max, order: list.New(), items: map[[2]uint64]*list.Element{}}
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

// put keeps a comparison, dropping the least recently used beyond max.
func (c *diffCache) put(key [2]uint64, res *diff.Result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	kept := *res
	c.items[key] = c.order.PushFront(&cacheEntry{key: key, res: &kept})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*cacheEntry).key)
	}
}

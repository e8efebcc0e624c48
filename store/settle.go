package store

// settle reports where each stored revision of a batch ended. A later
// input of the batch can move an earlier one: land before it in story
// order, merge its story into another, or displace it into a story of
// its own. So each result gets its story and position as stored, and its
// status follows too: the first revision of the batch in a story that the
// batch created is its new story, every other one an update, and the
// new-story lines count the stories the batch made.
func (tx txn) settle(results []Result, arrivals []uint64) error {
	batchStart := uint64(0)
	for i, a := range arrivals {
		if results[i].Status != StatusDuplicate && (batchStart == 0 || a < batchStart) {
			batchStart = a
		}
	}
	type place struct {
		oldest uint64 // the story's oldest arrival
		first  int    // the batch's first result in the story
	}
	places := map[uint64]*place{}
	for i := range results {
		if results[i].Status == StatusDuplicate {
			continue
		}
		rk := tx.b(bucketArrivals).Get(u64(arrivals[i]))
		if rk == nil {
			return errCorrupt
		}
		uid := getU64(rk)
		s, err := tx.story(uid)
		if err != nil {
			return err
		}
		pl := places[uid]
		if pl == nil {
			pl = &place{oldest: ^uint64(0), first: i}
			places[uid] = pl
		}
		results[i].Story, results[i].Rev = s.ID, 0
		for n, k := range tx.revKeys(uid) {
			a := arrivalOf(k)
			pl.oldest = min(pl.oldest, a)
			if a == arrivals[i] {
				results[i].Rev = n + 1
			}
		}
		if arrivals[i] < arrivals[pl.first] {
			pl.first = i
		}
	}
	for i := range results {
		if results[i].Status == StatusDuplicate {
			continue
		}
		pl := places[getU64(tx.b(bucketArrivals).Get(u64(arrivals[i])))]
		results[i].Status = StatusUpdate
		if pl.first == i && pl.oldest >= batchStart {
			results[i].Status = StatusNewStory
		}
	}
	return nil
}

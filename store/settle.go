package store

// settle reports where each stored revision of a batch ended. A later
// input of the batch can move an earlier one: land before it in story
// order, merge its story into another, or displace it into a story of
// its own. So each result gets its story and position as stored, and its
// status follows too: the first revision of the batch in a story that the
// batch created is its new story, every other one an update, and the
// new-story lines count the stories the batch made. A revision that
// lands before versions that arrived earlier is late (Result.Late).
func (tx txn) settle(results []Result, arrivals []uint64) error {
	// The batch's results by the story each ended in; arrivals grow
	// through a batch, so each story's list is in arrival order.
	byStory := map[uint64][]int{}
	var order []uint64
	batchStart := ^uint64(0)
	for i, r := range results {
		if r.Status == StatusDuplicate {
			continue
		}
		rk := tx.versionKey(arrivals[i])
		if rk == nil {
			return errCorrupt
		}
		uid := getU64(rk)
		if byStory[uid] == nil {
			order = append(order, uid)
		}
		byStory[uid] = append(byStory[uid], i)
		batchStart = min(batchStart, arrivals[i])
	}
	for _, uid := range order {
		s, err := tx.story(uid)
		if err != nil {
			return err
		}
		// One walk of the story: each result's position, and whether the
		// story holds a revision from before the batch.
		pos := map[uint64]int{}
		var order []uint64 // arrivals in story order
		older := false
		for n, k := range tx.revKeys(uid) {
			a := arrivalOf(k)
			pos[a] = n + 1
			order = append(order, a)
			older = older || a < batchStart
		}
		for j, i := range byStory[uid] {
			at := pos[tx.versionArrival(arrivals[i])]
			results[i].Story, results[i].Rev = s.ID, at
			results[i].Late = lateAfter(order, at)
			results[i].Status = StatusUpdate
			if j == 0 && !older {
				results[i].Status = StatusNewStory
			}
		}
	}
	return nil
}

// placeOf says where the revision that arrived as arrival stands in
// story uid: its place (0 when not there), the place it came late after
// (0: in order; see lateAfter) and the highest version before it in
// story order (-1: none), which the alert rules judge a late one by.
func (tx txn) placeOf(uid, arrival uint64) (rev, late, orderSeq int) {
	var order []uint64
	orderSeq = -1
	for _, k := range tx.revKeys(uid) {
		a := arrivalOf(k)
		order = append(order, a)
		switch {
		case a == arrival:
			rev = len(order)
		case rev == 0:
			orderSeq = max(orderSeq, seqOf(k))
		}
	}
	if rev != 0 {
		late = lateAfter(order, rev)
	}
	return rev, late, orderSeq
}

// lateAfter is, for the version at place rev (1-based) of a story whose
// versions arrived as order (in story order), the place of the last
// version after it that arrived before it: the version it came late
// after, whose place and those between moved up by one. 0 when it
// arrived after everything before it.
func lateAfter(order []uint64, rev int) int {
	a := order[rev-1]
	for n := len(order); n > rev; n-- {
		if order[n-1] < a {
			return n
		}
	}
	return 0
}

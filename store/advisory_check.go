package store

// checkAdvisories reports links that name a missing revision or a story
// that never held one, and links the two directions disagree on.
func (tx txn) checkAdvisories(rep *CheckReport) {
	about := tx.b(bucketAbout)
	if about == nil {
		return
	}
	about.ForEach(func(k, v []byte) error {
		a := getU64(k)
		if tx.b(bucketArrivals).Get(k) == nil {
			rep.add("advisory link of revision %d, which is not stored", a)
			return nil
		}
		if len(v) < 8 || len(v)%8 != 0 {
			rep.add("advisory link of revision %d: not a story and key terms", a)
			return nil
		}
		if t := getU64(v); t != 0 && tx.b(bucketAdvisories).Get(append(u64(t), k...)) == nil {
			rep.add("advisory %d names story %d, which does not list it", a, t)
		}
		return nil
	})
	tx.b(bucketAdvisories).ForEach(func(k, _ []byte) error {
		if len(k) != 16 {
			rep.add("advisories: key %x is not story | arrival", k)
			return nil
		}
		if t, _ := tx.aboutOf(getU64(k[8:])); t != getU64(k) {
			rep.add("story %d lists advisory %d, which names story %d", getU64(k), getU64(k[8:]), t)
		}
		return nil
	})
}

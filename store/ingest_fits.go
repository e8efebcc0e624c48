package store

import "lede/revision"

// rememberFits says whether an ingest transaction keeps a revision.Fits
// beside each story's cached members, so that Decide works out how well
// a member fits the rest of its story once per transaction rather than
// once per revision that claims the member's version. Only tests turn it
// off, to check that the memo changes no decision.
var rememberFits = true

// fits returns the memo of story uid's member fits, made for its n
// members as cached now; nil when the cache is off or holds no members
// for uid (then Decide computes the fits afresh). forget drops it with
// the members whenever the story changes.
func (c *termCache) fits(uid uint64, n int) *revision.Fits {
	if c == nil || !rememberFits {
		return nil
	}
	if _, ok := c.members[uid]; !ok {
		return nil
	}
	if c.fitsOf == nil {
		c.fitsOf = map[uint64]*revision.Fits{}
	}
	fs := c.fitsOf[uid]
	if fs == nil {
		fs = revision.NewFits(n)
		c.fitsOf[uid] = fs
	}
	return fs
}

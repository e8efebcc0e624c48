package revision

import (
	"fmt"
	"strings"
)

// StoryOutline is what MergeDoubt looks at in a story: the dates and
// headlines (or, for pages without one, the opening words) of its
// versions.
type StoryOutline struct {
	Dates     []Date
	Headlines []string
}

// Thresholds of MergeDoubt: stories whose nearest versions are further
// apart than mergeDays, or whose closest headlines share less than
// mergeDice of their words, are unlikely to be one story.
const (
	mergeDays = 3
	mergeDice = 0.15
)

// MergeDoubt says why two stories look like two (their versions days
// apart, their headlines with nothing in common), "" when they may well
// be one. A user who merges by mistake loses the grouping of both, so
// lede merge asks for --force when it doubts.
func MergeDoubt(a, b StoryOutline) string {
	var why []string
	if days, ok := nearestDays(a.Dates, b.Dates); ok && days > mergeDays {
		why = append(why, fmt.Sprintf("their nearest versions are %d days apart", days))
	}
	if best, ok := closestHeadlines(a.Headlines, b.Headlines); ok && best < mergeDice {
		why = append(why, "their headlines share no telling word")
	}
	return strings.Join(why, " and ")
}

// nearestDays is the fewest days between a version of one story and one
// of the other; false when no two dates are known.
func nearestDays(as, bs []Date) (int, bool) {
	best, found := 0, false
	for _, a := range as {
		for _, b := range bs {
			if d, ok := DayDistance(a, b); ok && (!found || d < best) {
				best, found = d, true
			}
		}
	}
	return best, found
}

// closestHeadlines is the highest HeadlineDice over pairs of headlines;
// false when either story has no words to compare.
func closestHeadlines(as, bs []string) (float64, bool) {
	best, found := 0.0, false
	for _, a := range as {
		aw := HeadlineWords(a)
		for _, b := range bs {
			bw := HeadlineWords(b)
			if len(aw) == 0 || len(bw) == 0 {
				continue
			}
			best, found = max(best, HeadlineDice(aw, bw)), true
		}
	}
	return best, found
}

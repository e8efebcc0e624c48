package revision

import "strings"

// Story identity: the keys agencies give their stories (a NewsML-G2 guid,
// a ninjs uri, a NITF du-key, AP's slug within its news cycle, a Yonhap
// article id). A key is the agency's own word on which story an item
// belongs to, so it outranks every text signal, but only the agency that
// issued it can be taken at its word: AP and Reuters may both file a
// "USA-WEATHER" and mean two stories.

// SameKey reports whether two revisions carry the same story key of the
// same agency: then they are one story, whatever their texts say. The
// agency is compared regardless of case ("AP", "ap"), and two items that
// both leave it unsaid count as one source.
func SameKey(a, b Features) bool {
	return a.Key != "" && a.Key == b.Key && strings.EqualFold(a.Agency, b.Agency)
}

// pairKeyed compares two revisions that both carry a story key. The same
// key of one agency joins (rule "key"). Otherwise the keys say the items
// are different stories, and only two things override them:
//
//   - a story continued under another key of its agency (rule "next
//     version"): AP keys a story by its news cycle, and a 2nd Ld-Writethru
//     for the AM cycle is the story of the 1st Ld-Writethru sent for both
//     cycles (BC) before it, however rewritten. It keeps its slug, its
//     date, and its version count going on: the later item (by
//     transmission time) has the higher version. An item of the same slug
//     that starts the count again (an original after a 1st Ld) is a new
//     story, however alike its text: the agency said so by restarting it;
//     and so is one of the other cycle (a PM story and the AM story of
//     the same slug are two stories, AP's and the labelled corpus's
//     reading, even when the AM one continues the Ld count).
//   - nearly the same text (the "same body" rule: most of the text beyond
//     the lead in common) on the same day, under a slug that does not
//     contradict it: a story filed again under a new key. Two slugs, two
//     days, two cycles or a restarted count say two stories even then
//     (AP's next-day follow-up copies much of the day before; a story
//     merged into a writethru of another slug is not that story).
//
// The weaker content rules never join two keys: they would join exactly
// the stories keys keep apart, the same event written up twice. Two
// agencies' keys are two stories unless the bodies are the same (one
// agency's copy carried by another).
func (t *Thresholds) pairKeyed(a, b Features) Match {
	m := t.pairContent(a, b)
	if SameKey(a, b) {
		// The key decides; the texts' similarity still ranks the stories
		// of one key, which a user's split can make two of.
		m.OK, m.Rule, m.Strength = true, "key", strengthKey
		return m
	}
	if strings.EqualFold(a.Agency, b.Agency) {
		days, known := DayDistance(a.Date, b.Date)
		slugs := a.Slug != "" && b.Slug != ""
		switch {
		case known && days != 0:
			return apart(m, "other key, another day")
		case !sameCycle(a.Cycle, b.Cycle):
			return apart(m, "other key, another news cycle")
		case restarts(a, b):
			return apart(m, "other key, version count restarts")
		case slugs && !strings.EqualFold(a.Slug, b.Slug):
			return apart(m, "other key and slug")
		case slugs && known && a.Version != b.Version:
			m.OK, m.Rule, m.Strength = true, "next version", strengthSameBody
			return m
		}
	}
	if m.OK && m.Strength < strengthSameBody {
		return apart(m, "other key, only "+m.Rule)
	}
	return m
}

// sameCycle reports whether two items can be of one AP news cycle: the
// same cycle, or one for both (BC), or either unknown.
func sameCycle(a, b string) bool {
	return a == "" || b == "" || strings.EqualFold(a, b) || strings.EqualFold(a, "BC") || strings.EqualFold(b, "BC")
}

// restarts reports whether of two items with version numbers the one
// sent later has the lower number: the agency began a new story.
func restarts(a, b Features) bool {
	if a.Sent == 0 || b.Sent == 0 || a.Version == b.Version {
		return false
	}
	return (a.Sent > b.Sent) != (a.Version > b.Version)
}

func apart(m Match, rule string) Match {
	m.OK, m.Strength, m.Rule = false, 0, rule
	return m
}

// Strengths of the rules that use keys and whole bodies (see Match).
const (
	strengthKey      = 6
	strengthSameBody = 5
)

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
// are different stories (an agency gives each story its own key, and a
// Reuters and an AP story on one event are two stories), and only nearly
// the same text overrides them: the "same body" rule, most of the text
// beyond the lead in common, which happens when a story is filed again
// under a new key (AP moving a story to the next cycle, a refile under a
// new guid) but not between two stories that merely share a topic, a
// headline or a lead. The weaker content rules would join exactly the
// stories the keys keep apart: the same event written up twice.
func pairKeyed(a, b Features) Match {
	if SameKey(a, b) {
		m := Match{OK: true, Rule: "key", Strength: strengthKey, Days: -1}
		if days, known := DayDistance(a.Date, b.Date); known {
			m.Days = days
		}
		return m
	}
	m := pairContent(a, b)
	if m.OK && m.Strength < strengthSameBody {
		m.OK, m.Strength = false, 0
		m.Rule = "other key, only " + m.Rule
	}
	return m
}

// Strengths of the rules that use keys and whole bodies (see Match).
const (
	strengthKey      = 6
	strengthSameBody = 5
)

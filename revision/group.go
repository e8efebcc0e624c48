package revision

import (
	"fmt"
	"slices"
	"strings"
)

// Candidate is an existing story that a new revision might belong to, as
// the store found it through its index: the story's id, the features of
// each of its revisions, and the stories a user has split from it.
type Candidate struct {
	Story   string
	Members []Features
	// MemberIDs name the members (parallel to Members) so that a
	// decision can say which one to evict.
	MemberIDs []string
	// Apart lists stories that must never be merged with this one,
	// because a user split them (lede split).
	Apart []string
	// Fits, when not nil, remembers how well each member fits the rest
	// of the story across decisions (see Fits); nil computes it afresh.
	Fits *Fits
}

// Decision says where a new revision goes. Story is "" for a new story.
// Merge lists further candidate stories the revision also matched: it
// bridges them (say a LEAD that arrived after its first version and its
// 2nd LD), so they are one story and the store merges them into Story.
type Decision struct {
	Story string
	Merge []string
	// Evict names a member of Story that the revision displaces: both
	// claim the same version, and the revision matches the rest of the
	// story better than that member does. The member leaves for a story
	// of its own. This keeps the outcome independent of arrival order.
	Evict string
	Score float64
	Why   string
}

// Match is the evidence that two revisions belong to one story.
type Match struct {
	OK    bool
	Score float64 // headline + lead + body similarity, 0..3
	Rule  string  // the rule that decided: "same body", "related", ...
	// Strength ranks the rules that join: an explicit key 6, same body
	// 5, same headline words 4, same text 3, same headline 2, related 1.
	// A stronger rule wins over a higher score: most of a body in common
	// says more than similar headlines and leads, which stories built
	// from the same phrases share; and a headline kept word for word but
	// for its figures ("death toll now at 18", later "at 21") says more
	// than a lead and paragraphs in common, which a story spun off
	// another copies.
	Strength int
	// Headline, Lead and Body are the similarities; Days is the date
	// distance when both dates are known, else -1.
	Headline, Lead, Body float64
	Days                 int
}

// Why explains the match in words, for records and debugging.
func (m Match) Why() string {
	switch m.Rule {
	case "days apart":
		return fmt.Sprintf("%d days apart", m.Days)
	case "key":
		return "same story key"
	}
	return fmt.Sprintf("%s: headline %.2f, lead %.2f, body %.2f", m.Rule, m.Headline, m.Lead, m.Body)
}

// Thresholds are the cut-offs of the content rules (pairContent). They
// are a value, not constants, so that a test can vary them: the README's
// grouping section reports them chosen by cross-validation on the
// labelled corpus (store's TestCrossValidatedThresholds) and checked on
// the synthetic corpus. Similarities are 0..1; sizes count shingles or
// words; days are calendar days.
type Thresholds struct {
	SameBody     float64 // body overlap that decides on its own ...
	SameBodyMin  int     // ... for bodies of at least this many shingles
	SameTextBody float64 // body overlap for "same text"
	SameTextLead float64 // with this much of the lead
	SameTextHead float64 // and headlines this alike: stories on one topic share boilerplate
	SameHeadline float64 // headline similarity for "same headline"
	RelatedHead  float64 // "related": all three signals present ...
	RelatedLead  float64
	RelatedBody  float64 // (also the body a "same headline" pair needs)
	RelatedSum   float64 // ... and strong enough together
	SameWordsMin int     // words besides figures for "same headline words"
	MaxDayApart  int     // versions of one story span at most a day boundary
}

// DefaultThresholds are the values lede groups with.
var DefaultThresholds = Thresholds{
	SameBody: 0.9, SameBodyMin: 30,
	SameTextBody: 0.5, SameTextLead: 0.3, SameTextHead: 0.5,
	SameHeadline: 0.8,
	RelatedHead:  0.3, RelatedLead: 0.25, RelatedBody: 0.1, RelatedSum: 0.75,
	SameWordsMin: 4, MaxDayApart: 1,
}

// Grouping holds the thresholds Pair and Decide use, DefaultThresholds
// unless a test sets others while nothing is being ingested (the
// cross-validation does, to ingest a real database under each candidate
// setting). It is read on every pair, never written by lede itself.
var Grouping = DefaultThresholds

// Pair compares a new revision with one revision of a story. Versions of a
// story keep most of their text beyond the lead, often keep the lead's
// facts and usually keep headline words; stories on the same topic share
// words but little text, and name other places and people. Dates more
// than a day apart never match.
//
// Where both carry a story key, the keys speak first (pairKeyed): the
// same key of one agency joins, other keys keep apart unless the bodies
// are nearly the same. Where either has none, the texts decide.
func Pair(a, b Features) Match {
	return Grouping.Pair(a, b)
}

// Pair is Pair under thresholds t.
func (t *Thresholds) Pair(a, b Features) Match {
	if a.Key != "" && b.Key != "" {
		return t.pairKeyed(a, b)
	}
	return t.pairContent(a, b)
}

// pairContent is Pair by the texts and dates alone.
func (t *Thresholds) pairContent(a, b Features) Match { return t.content(a, b, true) }

// matching is Pair where only a match counts (bestMatch): a pair that
// cannot match is not compared to the end, and its Match says only
// that it is none. A match is Pair's, field for field.
func (t *Thresholds) matching(a, b Features) Match {
	if a.Key != "" && b.Key != "" {
		return t.pairKeyed(a, b)
	}
	return t.content(a, b, false)
}

// mayMatch reports whether a pair with headline similarity h and body
// containment body can match for some lead containment: what every rule
// of content asks of h and body, leaving out the dates and names.
func (t *Thresholds) mayMatch(h, body float64) bool {
	return body >= t.SameBody || h == 1 || h >= t.SameHeadline ||
		h >= t.SameTextHead && body >= t.SameTextBody ||
		h >= t.RelatedHead && body >= t.RelatedBody && h+1+body >= t.RelatedSum
}

// bodyAlone reports whether a pair with headline similarity h can match
// by its bodies alone ("same body"): h meets no rule's headline.
func (t *Thresholds) bodyAlone(h float64) bool {
	return h != 1 && h < t.SameHeadline && h < t.SameTextHead && h < t.RelatedHead
}

// content compares a and b by their texts and dates; whole is false
// when a pair that cannot match may be left half compared (matching).
func (t *Thresholds) content(a, b Features, whole bool) Match {
	days, known := DayDistance(a.Date, b.Date)
	m := Match{Days: -1}
	if known {
		m.Days = days
	}
	if known && days > t.MaxDayApart {
		m.Rule = "days apart"
		return m
	}
	h := HeadlineDice(a.Words, b.Words)
	var body float64
	if !whole && t.bodyAlone(h) {
		// Only "same body" can match: leave the bodies half compared
		// once they cannot reach it.
		var reach bool
		if min(a.Body.N, b.Body.N) >= t.SameBodyMin {
			body, reach = a.Body.containmentReaches(b.Body, t.SameBody)
		}
		if !reach {
			m.Rule = "different"
			return m
		}
	} else if body = a.Body.Containment(b.Body); !whole && !t.mayMatch(h, body) {
		m.Rule = "different"
		return m
	}
	otherNames := len(a.Names) > 0 && len(b.Names) > 0 && Dice(a.Names, b.Names) == 0
	lead := 0.0
	if !otherNames || body >= t.SameBody {
		lead = a.Lead.Containment(b.Lead)
	}
	m.Headline, m.Lead, m.Body, m.Score = h, lead, body, h+lead+body
	switch {
	case body >= t.SameBody && min(a.Body.N, b.Body.N) >= t.SameBodyMin:
		m.OK, m.Rule, m.Strength = true, "same body", strengthSameBody
	case otherNames:
		m.Rule = "different names"
	case h == 1 && nonNumbers(a.Words) >= t.SameWordsMin && (!known || days == 0) && (body >= t.RelatedBody || lead >= t.SameTextLead):
		m.OK, m.Rule, m.Strength = true, "same headline words", 4
	case body >= t.SameTextBody && lead >= t.SameTextLead && h >= t.SameTextHead:
		m.OK, m.Rule, m.Strength = true, "same text", 3
	case known && days > 0: // a day apart, only the same text joins
		m.Rule = "next day, text differs"
	case h >= t.SameHeadline && (body >= t.RelatedBody || lead >= t.SameTextLead):
		m.OK, m.Rule, m.Strength = true, "same headline", 2
	case h >= t.RelatedHead && lead >= t.RelatedLead && body >= t.RelatedBody && m.Score >= t.RelatedSum:
		m.OK, m.Rule, m.Strength = true, "related", 1
	default:
		m.Rule = "different"
	}
	return m
}

// Decide picks the story a revision with features f joins among the
// candidates, or none. A story qualifies when the revision matches one of
// its members and does not conflict with its versions; the best score
// wins. Other qualifying stories that could be one story with the winner
// (no version conflict, not split apart by a user) are listed in Merge.
func Decide(f Features, cands []Candidate) Decision {
	type hit struct {
		c     Candidate
		match Match
		score float64
		evict string
	}
	var hits []hit
	for _, c := range cands {
		h := hit{c: c}
		var best Match
		if at := conflictAt(f, c.Members); at != noConflict {
			// Displacing a member only matters if the story then wins:
			// a displacing hit is never merged. So the check stops early
			// when a story found already fits f strictly better.
			i, mine, ok := displaceable(f, at, c.Members, c.Fits, func(m Match) bool {
				return slices.ContainsFunc(hits, func(x hit) bool { return x.match.beats(m) })
			})
			if !ok {
				continue
			}
			if i < len(c.MemberIDs) {
				h.evict = c.MemberIDs[i]
			}
			best = mine
		} else {
			best = bestMatch(f, c.Members)
		}
		if best.OK {
			h.match, h.score = best, best.Score
			hits = append(hits, h)
		}
	}
	if len(hits) == 0 {
		return Decision{Why: "no matching story"}
	}
	win := 0
	for i, h := range hits {
		w := hits[win].match
		if h.match.beats(w) || !w.beats(h.match) && h.c.Story < hits[win].c.Story {
			win = i
		}
	}
	// Only the winner's reason is told, so only it is written out.
	why := hits[win].match.Why()
	if hits[win].evict != "" {
		why += "; displaces " + hits[win].evict
	}
	d := Decision{Story: hits[win].c.Story, Evict: hits[win].evict, Score: hits[win].score, Why: why}
	members := append([]Features{f}, hits[win].c.Members...)
	apart := append([]string(nil), hits[win].c.Apart...)
	for i, h := range hits {
		if i == win || h.evict != "" || slices.Contains(apart, h.c.Story) || containsAny(h.c.Apart, d.Story, d.Merge) {
			continue
		}
		if !anyConflict(h.c.Members, members) {
			d.Merge = append(d.Merge, h.c.Story)
			members = append(members, h.c.Members...)
			apart = append(apart, h.c.Apart...)
		}
	}
	return d
}

// bestMatch is f's strongest matching pair with any of members.
func bestMatch(f Features, members []Features) Match {
	best := Match{}
	for _, m := range members {
		if pm := Grouping.matching(f, m); pm.OK && pm.beats(best) {
			best = pm
		}
	}
	return best
}

// beats orders matches: the stronger rule first, then the higher score.
func (m Match) beats(o Match) bool {
	return m.Strength > o.Strength || m.Strength == o.Strength && m.Score > o.Score
}

func anyConflict(a, b []Features) bool {
	for _, f := range a {
		if Conflicts(f, b) {
			return true
		}
	}
	return false
}

func containsAny(list []string, s string, more []string) bool {
	if slices.Contains(list, s) {
		return true
	}
	for _, m := range more {
		if slices.Contains(list, m) {
			return true
		}
	}
	return false
}

// DayDistance is the number of days between two dates, comparing month
// and day only when either year is unknown (then dates a year apart look
// alike, and the candidate lookup keeps to nearby dates anyway). known is
// false when either date is missing.
func DayDistance(a, b Date) (days int, known bool) {
	if a.Month == 0 || b.Month == 0 {
		return 0, false
	}
	if a == b {
		return 0, true // most pairs: the same day, without building times
	}
	if a.YearKnown() && b.YearKnown() {
		d := a.Time().Sub(b.Time()).Hours() / 24
		return abs(int(d)), true
	}
	x := Date{Year: 2001, Month: a.Month, Day: a.Day}.Time()
	y := Date{Year: 2001, Month: b.Month, Day: b.Day}.Time()
	d := abs(int(x.Sub(y).Hours() / 24))
	return min(d, 365-d), true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// slugStop are the words a story id can do without.
var slugStop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true,
	"for": true, "at": true, "by": true, "with": true, "and": true, "as": true, "amid": true,
	"from": true, "over": true, "its": true, "is": true, "are": true, "will": true,
}

// Slug turns headline words into the readable part of a story id:
// lower-case ASCII words joined by hyphens, at most n words, filler words
// skipped ("N.K. holds 2nd session of party meeting" -> "nk-holds-2nd-session").
func Slug(text string, n int) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(text, "-", " "))) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w == "" || slugStop[w] {
			continue
		}
		words = append(words, w)
		if len(words) == n {
			break
		}
	}
	return strings.Join(words, "-")
}

// nonNumbers counts the words that are not figures.
func nonNumbers(ws []string) int {
	n := 0
	for _, w := range ws {
		if !isNumber(w) {
			n++
		}
	}
	return n
}

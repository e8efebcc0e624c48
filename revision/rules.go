package revision

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// AlertKind names a kind of revision an editor can ask to be alerted on.
type AlertKind string

// The kinds of lede watch --on. KindLead is the default: a revision whose
// version is higher than any before it in its story. KindKill is an item
// the agency killed or withdrew (canceled, or signalling a kill).
const (
	KindNewStory   AlertKind = "new-story"
	KindLead       AlertKind = "lead"
	KindUrgent     AlertKind = "urgent"
	KindCorrection AlertKind = "correction"
	KindKill       AlertKind = "kill"
	// KindFigures is an update that changed a figure (a death toll, a
	// time, a score) inside a changed paragraph.
	KindFigures AlertKind = "figures"
	KindAny     AlertKind = "any"
)

// AlertKinds lists every kind, in the order help shows them.
var AlertKinds = []AlertKind{KindNewStory, KindLead, KindUrgent, KindCorrection, KindKill, KindFigures, KindAny}

// kindList is AlertKinds in words, for errors.
const kindList = "new-story, lead, urgent, correction, kill, figures or any"

// ParseAlertKinds reads a comma-separated list such as "lead,urgent".
func ParseAlertKinds(s string) ([]AlertKind, error) {
	var out []AlertKind
	for _, f := range strings.Split(s, ",") {
		k := AlertKind(strings.ToLower(strings.TrimSpace(f)))
		if k == "" {
			continue
		}
		if !slices.Contains(AlertKinds, k) {
			return nil, fmt.Errorf("unknown alert kind %q (want %s)", string(k), kindList)
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no alert kind given (want %s)", kindList)
	}
	return out, nil
}

// Event is what the rules look at for one stored revision: where it went,
// what version it is and, once the update has been compared with its
// predecessor, how many paragraphs it added.
type Event struct {
	Story    uint64 // the story's internal number, stable across renames
	NewStory bool   // the revision opened a new story
	Marker   Marker
	// PrevSeq is the highest version number among the revisions the
	// story held before this one arrived, -1 when it held none.
	PrevSeq int
	Note    string
	Actions []Action
	// Text is the headline and body the --grep rules search.
	Text string
	// Added is the number of paragraphs the update added against the
	// revision before it in its story (0 for a first version).
	Added int
	// Figures is the number of figures the update changed (see
	// Figure; 0 for a first version).
	Figures int
	// Late, when not 0, says the revision landed before versions that
	// arrived earlier (a LEAD stored after its 2nd LD): the place of the
	// last of them (see LateText). OrderSeq is then what PrevSeq would
	// have been had it arrived in story order: the highest version
	// before it in story order, -1 when it is first.
	Late     int
	OrderSeq int
	// Status and Signals are the item's own (Revision.Status and
	// Signals): a canceled item or a kill signal is a kill, a
	// correction signal a correction, an advisory signal an advisory.
	Status  Status
	Signals []string
	// Alerted says the story already raised an alert before this
	// revision: its kills and corrections then alert whatever the kinds.
	Alerted bool
}

// LatePolicy says what the rules do with a late revision.
type LatePolicy string

// The policies of lede watch --late. LateAlert, the default (and the
// zero value), judges a late revision as if it had arrived in story
// order: a LEAD stored after its 2nd LD is still the story's first
// lead, and raises an alert marked late. LateSkip raises none for it.
const (
	LateAlert LatePolicy = "alert"
	LateSkip  LatePolicy = "skip"
)

// ParseLatePolicy reads a --late value.
func ParseLatePolicy(s string) (LatePolicy, error) {
	switch p := LatePolicy(strings.ToLower(strings.TrimSpace(s))); p {
	case LateAlert, LateSkip:
		return p, nil
	}
	return "", fmt.Errorf("unknown policy %q for late versions (want alert or skip)", s)
}

// LateText says what a late version did to its story: it landed before
// the version now at place after (and those between), which it arrived
// after, and they all moved up one place.
func LateText(after int) string {
	return fmt.Sprintf("arrived after @%d; versions renumbered", after)
}

// Rules decide which revisions raise an alert. Kinds are alternatives
// (any of them); Grep, MinAdded, the follows and the mutes all have to
// agree as well. The zero Rules alert on new leads.
type Rules struct {
	Kinds    []AlertKind
	Grep     *regexp.Regexp // headline or body matches; nil: no condition
	MinAdded int            // at least this many paragraphs added
	// Follow, when it or FollowGrep is non-empty, limits alerts to the
	// stories it lists and the revisions FollowGrep matches.
	Follow     []uint64
	FollowGrep []*regexp.Regexp
	// Mute lists stories that never raise an alert.
	Mute []uint64
	// Late decides about late revisions; "" is LateAlert.
	Late LatePolicy
	// NoLifecycle turns off the default that a kill or correction of a
	// story already alerted on always alerts (mutes and follows still
	// hold), leaving only Kinds to decide.
	NoLifecycle bool
}

// isLifecycle reports whether k is a kind that changes what an editor
// may do with a story already sent: a kill or a correction.
func isLifecycle(k AlertKind) bool { return k == KindKill || k == KindCorrection }

// Match reports whether e raises an alert and, if so, which of the kinds
// it is (all that apply, in AlertKinds order, without "any").
func (r Rules) Match(e Event) ([]AlertKind, bool) {
	if slices.Contains(r.Mute, e.Story) || !r.followed(e) {
		return nil, false
	}
	if e.Late > 0 {
		if r.Late == LateSkip {
			return nil, false
		}
		// Had it arrived in story order, it would have come after the
		// versions before it there, and opened the story if first.
		e.PrevSeq, e.NewStory = e.OrderSeq, e.OrderSeq < 0
	}
	is := KindsOf(e)
	if e.Alerted && !r.NoLifecycle && slices.ContainsFunc(is, isLifecycle) {
		// An editor who was told of the story must hear that it was
		// killed or corrected, whatever it matches or adds.
		return is, true
	}
	if r.Grep != nil && !r.Grep.MatchString(e.Text) || e.Added < r.MinAdded {
		return nil, false
	}
	kinds := r.Kinds
	if len(kinds) == 0 {
		kinds = []AlertKind{KindLead}
	}
	if !slices.Contains(kinds, KindAny) && !slices.ContainsFunc(is, func(k AlertKind) bool { return slices.Contains(kinds, k) }) {
		return nil, false
	}
	return is, true
}

func (r Rules) followed(e Event) bool {
	if len(r.Follow) == 0 && len(r.FollowGrep) == 0 {
		return true
	}
	if slices.Contains(r.Follow, e.Story) {
		return true
	}
	return slices.ContainsFunc(r.FollowGrep, func(re *regexp.Regexp) bool { return re.MatchString(e.Text) })
}

// KindsOf lists the kinds a revision is. A lead is a version higher than
// any the story held before it (a LEAD or Nth LD that moves the story on;
// a late or repeated one is not); an urgent is an (URGENT) flash; a
// correction carries a CORRECTED flag, a note that CORRECTS something or
// the agency's correction signal; a kill is canceled or signals a kill;
// figures is an update that changed a figure.
// An advisory (an item about another item) is never a new story or a
// lead: it moves no story on.
func KindsOf(e Event) []AlertKind {
	var out []AlertKind
	advisory := slices.Contains(e.Signals, SignalAdvisory)
	if advisory {
		e.NewStory, e.Marker.Seq = false, 0
	}
	if e.NewStory {
		out = append(out, KindNewStory)
	}
	if e.Marker.Seq > 0 && e.Marker.Seq > e.PrevSeq {
		out = append(out, KindLead)
	}
	if e.Marker.Label == "URGENT" {
		out = append(out, KindUrgent)
	}
	corrected := slices.ContainsFunc(e.Marker.Flags, func(f string) bool { return f == "CORRECTED" || f == "CORRECTION" })
	corrected = corrected || slices.Contains(e.Signals, SignalCorrection)
	if corrected || slices.ContainsFunc(e.Actions, func(a Action) bool { return a.Verb == "CORRECTS" }) {
		out = append(out, KindCorrection)
	}
	if e.Status == StatusCanceled || slices.Contains(e.Signals, SignalKill) {
		out = append(out, KindKill)
	}
	if e.Figures > 0 {
		out = append(out, KindFigures)
	}
	return out
}

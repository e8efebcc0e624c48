package apwire

import (
	"strings"
	"time"

	"lede/revision"
)

// Header is what an AP item says about itself before its text: the slug
// line, the keyword line of the transmission header and the
// transmission stamp. Either line may be missing or garbled; the other
// then stands in.
type Header struct {
	Slug     Slugline
	HasSlug  bool
	Key      Keyline
	HasKey   bool
	Stamp    Stamp
	HasStamp bool
	Warnings []string
}

// Apply fills the fields of r that the header gives: agency, cycle,
// slug, version and marker, refs, part, partial, status, signals (the
// note's are added by ApplyNote), transmitted, date, time and the story
// key.
func (h *Header) Apply(r *revision.Revision) {
	r.Agency = "AP"
	cycle, slug, v := h.Slug.Cycle, h.Slug.Slug, h.Slug.Version
	if !h.HasSlug {
		cycle, slug, v = h.Key.Cycle, h.Key.Keyword, h.Key.Version
	}
	if cycle == "" && h.HasKey {
		cycle = h.Key.Cycle
	}
	if v.Label == "" && h.HasKey && h.Key.Version.Label != "" {
		v = merge(v, h.Key.Version)
	}
	r.Cycle, r.Slug = cycle, slug
	r.Version = v.Ld
	r.Marker = revision.Marker{Label: v.Label, Seq: v.Ld, Flags: v.Flags}
	r.Part, r.Partial = v.Part, v.Partial
	r.Refs = unique(append(append([]string{}, h.Slug.Refs...), h.Key.Refs...))
	if h.Slug.Designator == "BRF" {
		r.Tags = append(r.Tags, "BRF")
	}
	h.status(r, v)
	h.when(r)
	r.Key = storyKey(r.Cycle, r.Slug, h.cycleDate(r.Cycle, r.Date), v.Adv)
	r.Warnings = append(r.Warnings, h.Warnings...)
}

// status sets the status and the signals the version words give.
func (h *Header) status(r *revision.Revision, v Version) {
	if v.Ld > 0 {
		r.Signals = addSignal(r.Signals, revision.SignalUpdate)
	}
	if v.Corrective {
		r.Signals = addSignal(r.Signals, revision.SignalCorrection)
	}
	if v.Advisory {
		r.Signals = addSignal(r.Signals, revision.SignalAdvisory)
	}
	switch {
	case v.Kill:
		r.Signals = addSignal(r.Signals, revision.SignalKill)
		r.Status = revision.StatusCanceled
	case v.Adv != "":
		r.Status = revision.StatusWithheld // for release on the day named
	default:
		r.Status = revision.StatusUsable
	}
}

// when sets the transmission time and the time of day from the stamp,
// and the date from the keyword line (the day AP dated the item) in the
// stamp's year, or from the stamp alone.
func (h *Header) when(r *revision.Revision) {
	if d := (revision.Date{Month: h.Key.Month, Day: h.Key.Day}); h.HasKey && d.Valid() {
		r.Date = d
	}
	if !h.HasStamp {
		return
	}
	t := h.Stamp.Time
	r.Transmitted = t.Format(time.RFC3339)
	r.Time = t.Format("15:04")
	if !h.HasKey {
		r.Date = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		return
	}
	year := t.Year()
	switch { // an item dated across the turn of a year
	case h.Key.Month == 12 && t.Month() == time.January:
		year--
	case h.Key.Month == 1 && t.Month() == time.December:
		year++
	}
	if d := (revision.Date{Year: year, Month: h.Key.Month, Day: h.Key.Day}); d.Valid() {
		r.Date = d
	}
}

// ApplyNote sets the note and what it claims: actions, the clauses
// that claim nothing lede reads, the pick-up, and the correction, kill
// and update signals. A note that withdraws or kills a
// story makes the item a kill advisory.
func ApplyNote(r *revision.Revision, note string) {
	r.Note = note
	if note == "" {
		return
	}
	e := ParseEds(note)
	r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	corr, kill, upd := NoteSignals(note)
	if corr {
		r.Signals = addSignal(r.Signals, revision.SignalCorrection)
	}
	if upd && r.Version > 0 {
		r.Signals = addSignal(r.Signals, revision.SignalUpdate)
	}
	if kill {
		r.Signals = addSignal(addSignal(r.Signals, revision.SignalAdvisory), revision.SignalKill)
		r.Status = revision.StatusCanceled
	}
}

var (
	advisoryKillRe = revision.LazyRegexp(`\b(KILL|KILLS|WITHDRAW|WITHDRAWN|WITHDRAWAL|ELIMINATE|ELIMINATION)\b`)
	textRefRe      = revision.LazyRegexp(`\b[a-z]\d{4}\b`)
)

// ApplyAdvisory reads what an advisory's own text says, an advisory
// having no story of its own: the transmission numbers it names are its
// refs, and one that tells editors to KILL or that a story is WITHDRAWN
// is a kill advisory. Only an advisory's text is read so: a story that
// reports a killing is no kill.
func ApplyAdvisory(r *revision.Revision) {
	if !contains(r.Signals, revision.SignalAdvisory) {
		return
	}
	for _, p := range r.Paragraphs[:min(len(r.Paragraphs), 3)] {
		r.Refs = unique(append(r.Refs, textRefRe.FindAllString(p, -1)...))
		if advisoryKillRe.MatchString(p) {
			r.Signals = addSignal(r.Signals, revision.SignalKill)
			r.Status = revision.StatusCanceled
		}
	}
}

// cycleDate is the day of publication the item's news cycle serves, the
// date the story key carries: AP's AM cycle opens in the morning for the
// next day's morning papers and runs past midnight, its PM cycle opens
// in the evening for the next afternoon's (by the transmission times of
// the AP89 days: AM items from 10:00 Eastern, PM items from 18:00 carry
// the next day's cycle). A story updated across midnight keeps one key,
// and a recurring report (weather, Names) gets a new key every cycle. BC
// items serve both and keep the day AP dated them.
func (h *Header) cycleDate(cycle string, dated revision.Date) time.Time {
	if !h.HasStamp || cycle != "AM" && cycle != "PM" {
		if dated.IsZero() {
			return time.Time{}
		}
		return time.Date(dated.Year, time.Month(dated.Month), dated.Day, 0, 0, 0, 0, time.UTC)
	}
	t := h.Stamp.Time.In(eastern)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if cycle == "AM" && t.Hour() >= 10 || cycle == "PM" && t.Hour() >= 18 {
		return day.AddDate(0, 0, 1)
	}
	return day
}

// storyKey is the story's key across versions: agency, cycle, the
// cycle's date and the slug folded to AP's keyword form (no spaces,
// lower case, as the keyword line writes it). An advance is filed under
// its release day instead, so one slug's Adv08 and Adv09 are two stories.
func storyKey(cycle, slug string, day time.Time, adv string) string {
	if slug == "" {
		return ""
	}
	date := "----"
	if !day.IsZero() {
		date = day.Format("2006-01-02")
		if day.Year() == 0 {
			date = day.Format("--01-02")
		}
	}
	k := strings.ToLower(strings.Join(strings.Fields(slug), ""))
	if adv != "" {
		date = "adv" + adv
		if !day.IsZero() {
			date = releaseDay(day, adv)
		}
		return "AP:" + cycle + ":" + date + ":adv:" + k
	}
	return "AP:" + cycle + ":" + date + ":" + k
}

// releaseDay is the first day on or after sent whose day of the month
// is adv ("05"): an advance is sent days ahead of its release.
func releaseDay(sent time.Time, adv string) string {
	for i := 0; i < 62; i++ {
		d := sent.AddDate(0, 0, i)
		if d.Format("02") == adv {
			return d.Format("2006-01-02")
		}
	}
	return "adv" + adv
}

// eastern is the zone AP's cycles are timed in (New York, standard
// time: the cycles' opening hours are far from the boundaries an hour's
// daylight saving could move an item across).
var eastern = time.FixedZone("EST", -5*3600)

func addSignal(s []string, sig string) []string {
	for _, x := range s {
		if x == sig {
			return s
		}
	}
	return append(s, sig)
}

func unique(s []string) []string {
	var out []string
	for _, x := range s {
		if !contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

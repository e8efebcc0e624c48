package store

import (
	"slices"

	"lede/revision"
)

// Advisory is an advisory about a story, as the story lists it.
type Advisory struct {
	// Ref names the advisory for good (lede show REF); ID is its item id
	// and Entry the id of its own entry.
	Ref    string `json:"ref"`
	ID     string `json:"id"`
	Agency string `json:"agency,omitempty"`
	Entry  string `json:"entry"`
	// Headline is the advisory's headline, FirstLine how its text begins
	// (advisories seldom carry a headline).
	Headline  string          `json:"headline"`
	FirstLine string          `json:"first_line"`
	Date      revision.Date   `json:"date"`
	Status    revision.Status `json:"status"`
	Signals   []string        `json:"signals"`
	// Kill says the advisory kills or withdraws the story.
	Kill   bool      `json:"kill"`
	Record RevRecord `json:"-"`
}

// About is, for an advisory's own entry, the story it names.
type About struct {
	Story    string `json:"story"`
	Headline string `json:"headline"`
	// Refs are the items the advisory names (transmission numbers,
	// ids), as it gives them.
	Refs []string `json:"refs"`
}

// advisoriesOf lists the advisories about story uid, in arrival order.
func (tx txn) advisoriesOf(uid uint64) ([]Advisory, error) {
	b := tx.b(bucketAdvisories)
	if b == nil {
		return nil, nil
	}
	var out []Advisory
	prefix := u64(uid)
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		a := getU64(k[8:])
		rk := tx.b(bucketArrivals).Get(u64(a))
		if rk == nil {
			return nil, errCorrupt
		}
		var rec RevRecord
		if _, err := tx.getRev(rk, &rec); err != nil {
			return nil, err
		}
		entry, err := tx.story(getU64(rk))
		if err != nil {
			return nil, err
		}
		out = append(out, Advisory{Ref: RefOf(a), ID: rec.ID, Agency: rec.Agency, Entry: entry.ID,
			Headline: rec.Headline, FirstLine: rec.Lead, Date: rec.Date, Status: itemStatus(rec),
			Signals: orEmpty(rec.Signals), Kill: wordOf(rec) == StoryKilled, Record: rec})
	}
	return out, nil
}

// fillAdvisories adds to a loaded story what advisories say of it: the
// advisories about it, a kill advisory sent after its latest version
// making it killed; for an advisory's own entry, the story it is about.
func (tx txn) fillAdvisories(uid uint64, s *Story) error {
	advs, err := tx.advisoriesOf(uid)
	if err != nil {
		return err
	}
	s.Advisories = advs
	if len(s.Versions) > 0 {
		latest := s.Latest().Record
		for _, a := range advs {
			if a.Kill && after(a.Record, latest) {
				s.Status = StoryKilled
			}
		}
	}
	if !s.IsAdvisory() {
		return nil
	}
	// What a kill advisory kills is the story it names, not its entry.
	s.Status = StoryUsable
	t, ts, err := tx.target(s.Versions[0].Record.Arrival)
	if err != nil || t == 0 {
		return err
	}
	s.About = &About{Story: ts.ID, Headline: ts.Headline, Refs: orEmpty(s.Versions[0].Record.Refs)}
	return nil
}

// IsAdvisory reports whether the story is an advisory's own entry: one
// version, an advisory. (An older lede filed advisories as versions of
// stories; such a story is no advisory's entry.)
func (s Story) IsAdvisory() bool {
	return len(s.Versions) == 1 && slices.Contains(s.Versions[0].Record.Signals, revision.SignalAdvisory)
}

// after reports whether the item of record a was sent after that of b:
// by their transmission times when both have one, else by arrival.
func after(a, b RevRecord) bool {
	ta, tb := instant(a.Transmitted), instant(b.Transmitted)
	if ta != 0xffffffff && tb != 0xffffffff && ta != tb {
		return ta > tb
	}
	return a.Arrival > b.Arrival
}

// eventAbout makes the event of an advisory name the story it is about:
// a kill advisory of a story alerted on must raise its kill alert.
func (tx txn) eventAbout(e *Event) error {
	t, ts, err := tx.target(e.Arrival)
	if err != nil || t == 0 {
		return err
	}
	e.StoryUID, e.About, e.Alerted = t, ts.ID, tx.alertedBefore(t, e.Arrival)
	return nil
}

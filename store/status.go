package store

import (
	"slices"

	"lede/revision"
)

// StoryStatus says what a story's latest word is, for lists, history and
// alerts: whether the agency killed or withdrew it, corrected it, or
// neither.
type StoryStatus string

// Story statuses, as in the JSON contract.
const (
	StoryUsable    StoryStatus = "usable"
	StoryCorrected StoryStatus = "corrected"
	StoryKilled    StoryStatus = "killed"
)

// StatusOf is the status of a story whose versions, in story order, are
// vs: killed when its latest version is a kill or withdrawal (an item the
// agency canceled, or one that signals a kill), corrected when the latest
// is a correction (a correction signal, or a CORRECTED marker), usable
// otherwise. Only the latest counts: a correction after a kill is the
// agency's latest word, and so is an ordinary update after a correction.
func StatusOf(vs []Version) StoryStatus {
	if len(vs) == 0 {
		return StoryUsable
	}
	return wordOf(vs[len(vs)-1].Record)
}

// wordOf is what one revision says of its story.
func wordOf(rec RevRecord) StoryStatus {
	switch {
	case rec.Status == revision.StatusCanceled || slices.Contains(rec.Signals, revision.SignalKill):
		return StoryKilled
	case slices.Contains(rec.Signals, revision.SignalCorrection) ||
		slices.ContainsFunc(rec.Marker.Flags, func(f string) bool { return f == "CORRECTED" || f == "CORRECTION" }):
		return StoryCorrected
	}
	return StoryUsable
}

// itemStatus is a revision's own status; records stored before lede
// kept one are of usable pages (the only ones lede then read).
func itemStatus(rec RevRecord) revision.Status {
	if rec.Status == "" {
		return revision.StatusUsable
	}
	return rec.Status
}

// Word is what this version says of its story: StoryKilled for a kill or
// withdrawal, StoryCorrected for a correction, else StoryUsable. The
// feed lists such versions as entries of their own.
func (v Version) Word() StoryStatus { return wordOf(v.Record) }

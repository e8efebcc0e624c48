package web

import (
	"strings"

	"lede/revision"
	"lede/store"
)

// badge is a status badge of the pages: its word (KILLED, WITHHELD,
// CORRECTED, ADVISORY) and the class that colours it.
type badge struct {
	Text, Class string
}

// storyBadge is the badge of a story whose latest word is a kill or a
// correction (store.StatusOf), the zero badge for a usable one: lists
// and pages show it next to the headline, so nobody runs a killed story.
func storyBadge(st store.StoryStatus) badge {
	if st == "" || st == store.StoryUsable {
		return badge{}
	}
	return badge{Text: strings.ToUpper(string(st)), Class: string(st)}
}

// versionBadges are the badges of one version: KILLED (canceled, or a
// kill signal), WITHHELD (embargoed), CORRECTED, ADVISORY (an item
// about other items, not a version of the story).
func versionBadges(v store.Version) []badge {
	var out []badge
	switch v.Word() {
	case store.StoryKilled:
		out = append(out, badge{"KILLED", "killed"})
	case store.StoryCorrected:
		out = append(out, badge{"CORRECTED", "corrected"})
	}
	if v.Status == revision.StatusWithheld {
		out = append(out, badge{"WITHHELD", "withheld"})
	}
	for _, sig := range v.Record.Signals {
		if sig == revision.SignalAdvisory {
			out = append(out, badge{"ADVISORY", "advisory"})
		}
	}
	return out
}

// itemName names a version by who sent it and its own id: "AP
// AP890103-0011", "" when the input gives neither.
func itemName(v store.Version) string {
	return strings.TrimSpace(v.Record.Agency + " " + v.Record.ID)
}

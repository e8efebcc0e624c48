package store

import (
	"time"

	"lede/revision"
	"lede/revision/assemble"
)

// StoryDetail is a story as "lede history --json" prints it and the web
// API serves it: the story object of "lede stories --json" with more
// fields per version. It lives here, next to Story, so the command line
// and the server build the one shape the same way.
type StoryDetail struct {
	ID       string          `json:"id"`
	Slug     string          `json:"slug"`
	Headline string          `json:"headline"`
	Updated  revision.Date   `json:"updated"`
	Status   StoryStatus     `json:"status"`
	Versions []VersionDetail `json:"versions"`
	// Removed lists the versions lede rm took out, absent when none.
	Removed []Tombstone `json:"removed,omitempty"`
	// Advisories and About are the Story's (advisory.go).
	Advisories []Advisory `json:"advisories,omitempty"`
	About      *About     `json:"about,omitempty"`
}

// VersionDetail is one version of a StoryDetail. Lists are [], not null,
// so that consumers need no null checks.
type VersionDetail struct {
	Rev    int    `json:"rev"`
	Ref    string `json:"ref"`
	ID     string `json:"id"`
	Agency string `json:"agency"`
	Source string `json:"source"`
	// Format ... Transmitted are the item's own fields as parsed (see
	// RevRecord); lists are [] and text "" when it has none.
	Format      string             `json:"format"`
	Key         string             `json:"key"`
	Version     int                `json:"version"`
	Slug        string             `json:"slug"`
	Cycle       string             `json:"cycle"`
	Status      revision.Status    `json:"status"`
	Signals     []string           `json:"signals"`
	Refs        []string           `json:"refs"`
	Part        *revision.ItemPart `json:"part,omitempty"`
	Partial     bool               `json:"partial"`
	Transmitted string             `json:"transmitted"`
	Label       string             `json:"label"`
	Seq         int                `json:"seq"`
	Flags       []string           `json:"flags"`
	Tags        []string           `json:"tags"`
	Headline    string             `json:"headline"`
	Date        revision.Date      `json:"date"`
	Time        string             `json:"time"`
	Note        string             `json:"note"`
	Actions     []revision.Action  `json:"actions"`
	Byline      string             `json:"byline"`
	Paras       int                `json:"paras"`
	Complete    bool               `json:"complete"`
	Why         string             `json:"why"`
	Ingested    string             `json:"ingested"` // RFC 3339
	// Gap is how long after the version before it this one went out
	// ("+42 min", Gaps), "" for the first or when the times do not
	// compare; the timelines of history and the web show it.
	Gap string `json:"gap"`
	// Summary is what the version changed against the one before it,
	// absent for the first version.
	Summary *revision.UpdateSummary `json:"summary,omitempty"`
	// Parts ... Pickup say what a version that is not one whole item is
	// made of, as in Version: absent for one item.
	Parts       []string          `json:"parts,omitempty"`
	ItemIDs     []string          `json:"item_ids,omitempty"`
	Missing     []string          `json:"missing_parts,omitempty"`
	Base        string            `json:"base,omitempty"`
	BaseMissing bool              `json:"base_missing,omitempty"`
	Unbuilt     string            `json:"unbuilt,omitempty"`
	Sources     []assemble.Source `json:"sources,omitempty"`
	Pickup      *revision.Pickup  `json:"pickup,omitempty"`
}

// Detail is the story in its detailed JSON form.
func (s Story) Detail() StoryDetail {
	out := StoryDetail{ID: s.ID, Slug: s.Slug, Headline: s.Headline, Updated: s.Updated, Status: s.Status,
		Versions: make([]VersionDetail, 0, len(s.Versions)), Removed: s.Removed, Advisories: s.Advisories, About: s.About}
	gaps := Gaps(s.Versions)
	for i, v := range s.Versions {
		r := v.Record
		out.Versions = append(out.Versions, VersionDetail{Gap: gaps[i],
			Rev: v.Rev, Ref: v.Ref, ID: v.ID, Agency: v.Agency, Source: v.Source, Format: r.Format, Key: r.Key,
			Version: r.Version, Slug: r.Slug, Cycle: r.Cycle, Status: v.Status, Signals: orEmpty(r.Signals),
			Refs: orEmpty(r.Refs), Part: r.Part, Partial: r.Partial, Transmitted: r.Transmitted, Label: v.Label, Seq: v.Seq,
			Flags: orEmpty(r.Marker.Flags), Tags: orEmpty(r.Tags), Headline: v.Headline,
			Date: v.Date, Time: r.Time, Note: r.Note, Actions: orEmpty(r.Actions),
			Byline: r.Byline, Paras: r.Paras, Complete: r.Complete, Why: r.Why,
			Ingested: time.Unix(r.Ingested, 0).UTC().Format(time.RFC3339), Summary: v.Summary,
			Parts: v.Parts, ItemIDs: v.ItemIDs, Missing: v.Missing, Base: v.Base, BaseMissing: v.BaseMissing, Unbuilt: v.Unbuilt,
			Sources: v.Sources, Pickup: v.Pickup,
		})
	}
	return out
}

// StoredRevision is one stored version parsed again, as "lede show
// --json" prints it and the web API serves it: the revision as "lede
// parse --json" shows it, with its story id, version number and ref.
type StoredRevision struct {
	Story string `json:"story"`
	Rev   int    `json:"rev"`
	Ref   string `json:"ref"`
	// About, for an advisory, is the story it names (advisory.go).
	About *About `json:"about,omitempty"`
	*revision.Revision
	// Assembly says how a version that is not one whole item was made
	// whole (its parts, the version a partial picks up from, which
	// paragraphs came from where); empty for one item.
	assemble.Assembly
}

// orEmpty makes a nil list encode as [] in JSON.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

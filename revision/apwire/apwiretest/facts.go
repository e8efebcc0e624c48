// Package apwiretest holds what the AP format packages' tests share:
// the facts of a parsed item their golden files pin down.
package apwiretest

import "lede/revision"

// Facts are the contract fields of one item a golden file pins down,
// checked by hand against the source bytes when it was written: for
// AP89 the labels cover eight fields, these cover the rest too (key,
// refs, signals, part, status, times, the last paragraph, furniture).
type Facts struct {
	ID          string             `json:"id"`
	Key         string             `json:"key"`
	Version     int                `json:"version"`
	Slug        string             `json:"slug"`
	Cycle       string             `json:"cycle"`
	Status      revision.Status    `json:"status"`
	Signals     []string           `json:"signals,omitempty"`
	Refs        []string           `json:"refs,omitempty"`
	Part        *revision.ItemPart `json:"part,omitempty"`
	Partial     bool               `json:"partial,omitempty"`
	Transmitted string             `json:"transmitted"`
	Date        string             `json:"date"`
	Time        string             `json:"time"`
	Marker      revision.Marker    `json:"marker"`
	Tags        []string           `json:"tags,omitempty"`
	Headline    string             `json:"headline"`
	Note        string             `json:"note,omitempty"`
	Byline      string             `json:"byline,omitempty"`
	Dateline    string             `json:"dateline"`
	Paras       int                `json:"paras"`
	First       string             `json:"first"`
	Last        string             `json:"last"`
	Signoff     string             `json:"signoff,omitempty"`
	Furniture   []string           `json:"furniture,omitempty"`
	Warnings    []string           `json:"warnings,omitempty"`
}

// FactsOf takes the facts of a revision.
func FactsOf(r *revision.Revision) Facts {
	f := Facts{
		ID: r.ID, Key: r.Key, Version: r.Version, Slug: r.Slug, Cycle: r.Cycle, Status: r.Status,
		Signals: r.Signals, Refs: r.Refs, Part: r.Part, Partial: r.Partial, Transmitted: r.Transmitted,
		Date: r.Date.String(), Time: r.Time, Marker: r.Marker, Tags: r.Tags, Headline: r.Headline,
		Note: r.Note, Byline: r.Byline, Dateline: r.Dateline.Place + "|" + r.Dateline.Agency,
		Paras: len(r.Paragraphs), Signoff: r.Signoff, Furniture: r.Furniture, Warnings: r.Warnings,
	}
	if n := len(r.Paragraphs); n > 0 {
		f.First, f.Last = r.Paragraphs[0], r.Paragraphs[n-1]
	}
	return f
}

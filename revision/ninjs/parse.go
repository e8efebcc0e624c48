package ninjs

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"lede/revision"
)

// Parse reads one ninjs item, or an AP Media API envelope holding one,
// into a revision. Malformed or truncated JSON, a property of the wrong
// type and an item without a uri are errors saying so; an item without
// headline or body text too, since it is no story. What the item does not
// say stays empty.
func Parse(source string, data []byte) (*revision.Revision, error) {
	d, err := decode(data)
	if err != nil {
		return nil, err
	}
	it := &d.item
	if t := strings.ToLower(it.Type); t != "" && t != "text" && t != "composite" {
		return nil, &revision.InputError{Reason: fmt.Sprintf("ninjs item of type %q, not a text story", it.Type)}
	}
	r := &revision.Revision{Source: source, Format: Format, Complete: true}
	identify(r, d)
	stamp(r, it)
	r.Headline = headlineOf(it)
	r.RawHeadline = r.Headline
	readNote(r, it.EdNote)
	r.Byline = bylineOf(it)
	r.Authors = authors(r.Byline, r.Agency)
	readBody(r, d)
	lifecycle(r, it)
	if r.Headline == "" && len(r.Paragraphs) == 0 {
		return nil, &revision.InputError{Reason: "ninjs item with neither headline nor body text"}
	}
	return r, nil
}

// identify fills agency, id, key, version, slug, cycle and marker.
// The AP Media API's itemid is its id and key: it stays the same across
// an item's versions, while the uri carries a query of the request that
// fetched it. Other agencies' uri is the id; the key is the uri of the
// story's first version when the item lists the chain (TT's
// "revisions"), else the uri itself.
func identify(r *revision.Revision, d *decoded) {
	it := &d.item
	r.Agency = agencyOf(it, d.ap)
	r.ID, r.Key = it.URI, it.URI
	if id := it.AltIDs.ItemID; id != "" {
		r.ID, r.Key = id, id
	}
	if len(it.Revisions) > 0 && it.Revisions[0].URI != "" {
		r.Key = it.Revisions[0].URI
	}
	var warn string
	r.Version, warn = it.version()
	addWarning(r, warn)
	switch {
	case isAP(r.Agency) && it.Slugline != "" || r.Agency == "" && isAPSlugline(it.Slugline):
		s := parseAPSlugline(it.Slugline, it.AltIDs.ReferenceID)
		r.Cycle, r.Slug, r.Marker, r.Partial, r.Part = s.cycle, s.slug, s.marker, s.partial, s.part
		r.Signals = append(r.Signals, s.signals...)
		r.Refs = append(r.Refs, s.refs...)
	case r.Agency == "TT" && it.Slug != "":
		r.Slug, r.Marker = ttSlug(it.Slug)
	default:
		r.Slug = strings.TrimSpace(it.Slugline)
		if r.Slug == "" {
			r.Slug = strings.TrimSpace(it.Slug)
		}
	}
}

// isAP reports whether the agency named is the Associated Press.
func isAP(agency string) bool {
	return agency == "AP" || strings.Contains(strings.ToLower(agency), "associated press")
}

// agencyOf names the sender: AP's "provider", the copyright holder, TT's
// "source"; an item in an AP Media API envelope is AP's.
func agencyOf(it *item, ap bool) string {
	for _, s := range []string{it.Provider, it.CopyrightHold, it.Source} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	if ap {
		return "AP"
	}
	return ""
}

// stamp fills transmitted, date and time from versioncreated (else
// firstcreated): when this version was made, the order of versions. The
// date and time are those of the timestamp as written, in its own zone.
func stamp(r *revision.Revision, it *item) {
	for _, s := range []string{it.VersionCreated, it.FirstCreated} {
		if s == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			addWarning(r, fmt.Sprintf("timestamp %q is not RFC 3339; ignored", s))
			continue
		}
		r.Transmitted = t.Format(time.RFC3339)
		r.Date = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		r.Time = t.Format("15:04")
		return
	}
}

// headlineOf is 1.x "headline", else 3.0's main headline (the first
// "headlines" entry with role "main", else the first).
func headlineOf(it *item) string {
	if h := collapse(it.Headline); h != "" {
		return h
	}
	for _, h := range it.Headlines {
		if strings.EqualFold(h.Role, "main") {
			return collapse(h.Value)
		}
	}
	if len(it.Headlines) > 0 {
		return collapse(it.Headlines[0].Value)
	}
	return ""
}

// lifecycle fills status, signals and refs. pubstatus canceled is a kill;
// a note that corrects ("CORRECTS", "Correction") is a correction; the
// items this one follows are refs: evolvedfrom, TT's replacing and
// revisions, AP's transref.
func lifecycle(r *revision.Revision, it *item) {
	switch st := strings.ToLower(strings.TrimSpace(it.PubStatus)); st {
	case "", "usable":
		r.Status = revision.StatusUsable
	case "withheld":
		r.Status = revision.StatusWithheld
	case "canceled", "cancelled":
		r.Status = revision.StatusCanceled
		r.Signals = append(r.Signals, revision.SignalKill)
	default:
		r.Status = revision.StatusUsable
		addWarning(r, fmt.Sprintf("pubstatus %q is not usable, withheld or canceled; read as usable", it.PubStatus))
	}
	r.Signals = append(r.Signals, editorialSignals(it.EditorialTypes)...)
	if r.Marker.Seq > 0 {
		r.Signals = append(r.Signals, revision.SignalUpdate)
	}
	for _, a := range r.Actions {
		switch a.Verb {
		case "CORRECTS", "CLARIFIES":
			r.Signals = append(r.Signals, revision.SignalCorrection)
		case "WITHDRAWS", "ELIMINATES", "KILLS":
			r.Signals = append(r.Signals, revision.SignalKill)
		}
	}
	r.Signals = uniq(r.Signals)
	refs := r.Refs
	refs = append(refs, it.EvolvedFrom...)
	refs = append(refs, it.Replacing...)
	for _, rv := range it.Revisions {
		refs = append(refs, rv.URI)
	}
	refs = append(refs, it.AltIDs.TransRef)
	r.Refs = slices.DeleteFunc(uniq(refs), func(s string) bool { return s == "" || s == it.URI })
}

// uniq drops repeated entries, keeping the first of each.
func uniq(l []string) []string {
	var out []string
	for _, s := range l {
		s = strings.TrimSpace(s)
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func addWarning(r *revision.Revision, w string) {
	if w != "" {
		r.Warnings = append(r.Warnings, w)
	}
}

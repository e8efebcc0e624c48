package jsonl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lede/revision"
	"lede/revision/apwire"
	"lede/revision/yonhap"
)

// parseLine reads one line into a revision.
func parseLine(source string, data []byte) (*revision.Revision, error) {
	l, err := decodeLine(data)
	if err != nil {
		return nil, err
	}
	if err := l.check(); err != nil {
		return nil, err
	}
	var r *revision.Revision
	if l.Text != nil {
		if r, err = l.page(source); err != nil {
			return nil, err
		}
	} else {
		r = l.story(source)
	}
	if err := l.common(r); err != nil {
		return nil, err
	}
	return r, nil
}

// check refuses lines that say too little or say it twice.
func (l *line) check() error {
	given := 0
	for _, set := range []bool{l.Paragraphs != nil, l.Body != nil, l.Text != nil} {
		if set {
			given++
		}
	}
	switch {
	case given > 1:
		return &revision.InputError{Reason: "give one of paragraphs, body and text, not several"}
	case strings.TrimSpace(l.Headline) == "" && (l.Text == nil || strings.TrimSpace(*l.Text) == ""):
		return &revision.InputError{Reason: "no headline and no text"}
	}
	return nil
}

// story reads a line that carries its story as fields.
func (l *line) story(source string) *revision.Revision {
	r := &revision.Revision{Source: source, Format: Format, Complete: true, Agency: strings.TrimSpace(l.Agency)}
	r.RawHeadline = strings.TrimSpace(l.Headline)
	r.Marker, r.Tags, r.Headline = yonhap.SplitHeadline(r.RawHeadline)
	r.Note = noteText(l.Note)
	switch {
	case r.Note == "":
	case strings.EqualFold(r.Agency, "Yonhap"):
		r.Actions = yonhap.ParseNote(r.Note)
	default: // AP's Eds: grammar, which reads the other agencies' notes too
		e := apwire.ParseNotes(r.Note)
		r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	}
	r.Byline = bylineText(l.Byline)
	r.Authors = authors(r.Byline)
	r.Dateline.Place = strings.TrimSpace(l.Dateline)
	switch {
	case l.Paragraphs != nil:
		for _, p := range *l.Paragraphs {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				r.Paragraphs = append(r.Paragraphs, p)
			}
		}
	case l.Body != nil:
		r.Paragraphs = revision.TextParagraphs(*l.Body)
	}
	r.ID, r.Key = strings.TrimSpace(l.ID), strings.TrimSpace(l.ID)
	if r.Key == "" {
		r.ID, r.Key = strings.TrimSpace(l.URL), strings.TrimSpace(l.URL)
	}
	return r
}

// common fills what every line gives the same way: slug, version,
// time, status, refs, and the Yonhap article id where url or id is one.
func (l *line) common(r *revision.Revision) error {
	if s := strings.TrimSpace(l.Slug); s != "" {
		r.Slug = s
	}
	if err := l.version(r); err != nil {
		return err
	}
	if err := l.stamp(r); err != nil {
		return err
	}
	if err := l.status(r); err != nil {
		return err
	}
	for _, ref := range l.Refs {
		if ref = strings.TrimSpace(ref); ref != "" {
			r.Refs = append(r.Refs, ref)
		}
	}
	for _, s := range []string{l.URL, l.ID} {
		if id, key, ok := yonhap.ArticleID(s); ok {
			r.ID, r.Key = id, key
			if v, ok := yonhap.ArticleVersion(id); ok && r.Version == 0 {
				r.Version = v
			}
			if r.Agency == "" {
				r.Agency = "Yonhap"
			}
			break
		}
	}
	return nil
}

// version reads "version": a whole number is the version; a string that
// is not one is a marker as written ("LEAD", "2nd LD", "3rd
// Ld-Writethru"), whose seq is then the version.
func (l *line) version(r *revision.Revision) error {
	v := bytes.TrimSpace(l.Version)
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	var s string
	if v[0] == '"' {
		if err := json.Unmarshal(v, &s); err != nil {
			return &revision.InputError{Reason: "field version: " + err.Error()}
		}
	} else {
		s = string(v)
	}
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return &revision.InputError{Reason: fmt.Sprintf("field version is %d, want 0 or more", n)}
		}
		r.Version = n
		return nil
	}
	if v[0] != '"' {
		return &revision.InputError{Reason: fmt.Sprintf("field version is %s, want a whole number or a marker", s)}
	}
	if r.Marker.Label == "" && s != "" {
		r.Marker = markerOf(s)
	}
	r.Version = r.Marker.Seq
	return nil
}

// markerOf reads a marker written without parentheses: Yonhap's
// ("LEAD", "2nd LD", "URGENT") by the Yonhap rules, else any label
// opening with an ordinal ("3rd Ld-Writethru", "2nd Lead") with that
// ordinal as its seq.
func markerOf(s string) revision.Marker {
	if m, tags, rest := yonhap.SplitHeadline("(" + s + ") x"); m.Label != "" && len(tags) == 0 && rest == "x" {
		return m
	}
	m := revision.Marker{Label: s}
	w, _, _ := strings.Cut(s, " ")
	w, _, _ = strings.Cut(w, "-")
	if len(w) > 2 {
		if n, err := strconv.Atoi(w[:len(w)-2]); err == nil && n > 0 {
			switch strings.ToLower(w[len(w)-2:]) {
			case "st", "nd", "rd", "th":
				m.Seq = n
			}
		}
	}
	return m
}

// stamp reads "time": RFC 3339 gives transmitted, date and time of day
// (in the zone written); a date alone gives the date. A Yonhap page's
// own date and time win over the line's: the time of day is then taken
// only where the page shows none and its date is the line's.
func (l *line) stamp(r *revision.Revision) error {
	s := strings.TrimSpace(l.Time)
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	dateOnly := false
	if err != nil {
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return &revision.InputError{Reason: fmt.Sprintf("field time %q is not RFC 3339 (2020-02-01T09:30:00+09:00) or a date (2020-02-01)", s)}
		}
		dateOnly = true
	}
	d := revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	if r.Date.IsZero() || !r.Date.YearKnown() && r.Date.Month == d.Month && r.Date.Day == d.Day {
		r.Date = d // a page's dateline gives no year; the line's time does
	}
	if dateOnly {
		return nil
	}
	r.Transmitted = t.Format(time.RFC3339)
	if r.Time == "" && r.Date == d {
		r.Time = t.Format("15:04")
	}
	return nil
}

// status reads "status".
func (l *line) status(r *revision.Revision) error {
	switch s := strings.ToLower(strings.TrimSpace(l.Status)); s {
	case "", "usable":
		r.Status = revision.StatusUsable
	case "withheld":
		r.Status = revision.StatusWithheld
	case "canceled", "cancelled", "killed":
		r.Status = revision.StatusCanceled
		r.Signals = append(r.Signals, revision.SignalKill)
	case "corrected":
		r.Status = revision.StatusUsable
		r.Signals = append(r.Signals, revision.SignalCorrection)
	default:
		return &revision.InputError{Reason: fmt.Sprintf("field status %q is not usable, withheld, canceled, killed or corrected", l.Status)}
	}
	if r.Marker.IsUpdate() {
		r.Signals = append(r.Signals, revision.SignalUpdate)
	}
	return nil
}

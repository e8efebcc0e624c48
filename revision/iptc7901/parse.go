// Package iptc7901 reads IPTC 7901 messages as dpa sends them: SOH and a
// header line (service, serial, priority, category, word count, source),
// the keyword line, STX and the header lines ending in "=" (version
// labels such as "1ST LEAD" and "REFILE", the headline, "By ..."), the
// text, dpa's notebook and what is not for publication, ETX and the time
// sent.
package iptc7901

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
	"lede/revision/apwire"
)

// Format is the name revisions of this format carry.
const Format = "iptc-7901"

// Parse reads one IPTC 7901 message, after a UTF-8 byte order mark if
// there is one (the registry detects past it). A message without the
// header line or keyword line, without STX or without story text is an
// error saying which; one cut off before ETX is read as far as it goes
// and marked incomplete.
func Parse(source string, data []byte) (*revision.Revision, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	text, warnings, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	if err := frameError(data); err != nil {
		return nil, err
	}
	first, rest, _ := strings.Cut(text[1:], "\n")
	h, _ := parseHeader(clean(first))
	pre, body, ok := strings.Cut(rest, string(stx))
	if !ok {
		return nil, bad("no STX: the message has no text")
	}
	body, trailer, complete := strings.Cut(body, string(etx))
	r := &revision.Revision{
		Source: source, Format: Format, Agency: h.source, ID: h.service + h.serial,
		Slug: keyword(pre), Status: revision.StatusUsable, Complete: complete, Warnings: warnings,
	}
	m := readMessage(cleanLines(body))
	fill(r, m)
	if len(r.Paragraphs) == 0 {
		return nil, bad("no story text after the headline")
	}
	readTrailer(r, trailer, complete)
	if !complete && !strings.HasSuffix(body, "\n") && len(m.private) == 0 && len(m.notebook) == 0 {
		r.Cut = revision.CutParagraph
	}
	return r, nil
}

// decodeText checks the bytes and returns them as text. 7901 is an 8-bit
// standard: a message that is not UTF-8 is read as ISO 8859-1, with a
// warning, rather than refused.
func decodeText(data []byte) (string, []string, error) {
	if len(strings.TrimSpace(string(data))) == 0 {
		return "", nil, bad("input is empty")
	}
	if i := strings.IndexByte(string(data), 0); i >= 0 {
		return "", nil, bad("input is binary: NUL byte at offset %d", i)
	}
	var warnings []string
	text := string(data)
	if !utf8.Valid(data) {
		runes := make([]rune, len(data))
		for i, b := range data {
			runes[i] = rune(b)
		}
		text = string(runes)
		warnings = append(warnings, "not UTF-8: read as ISO 8859-1")
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n"), warnings, nil
}

// keyword is the keyword line(s) before STX without the closing "/":
// "Germany-politics/" is the slug "Germany-politics". Other lines there
// are not the keyword.
func keyword(pre string) string {
	var parts []string
	for _, l := range strings.Split(pre, "\n") {
		if l = strings.TrimSpace(clean(l)); isKeywordLine(l) {
			parts = append(parts, strings.TrimSuffix(l, "/"))
		}
	}
	return strings.Join(parts, "/")
}

// clean drops control characters (the frame's SOH, STX, ETX, EOT, DEL
// and any stray C0 or C1 code) so none reaches a text field; a tab is a
// space.
func clean(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\t':
			return ' '
		case unicode.IsControl(c):
			return -1
		}
		return c
	}, s)
}

func cleanLines(body string) []string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(clean(l), " ")
	}
	return lines
}

// lead matches the dateline opening the first paragraph, "Berlin (dpa) - ".
var leadDateline = revision.LazyRegexp(`^([^\s()][^()]{0,40}?) \(([^()]{1,20})\) (?:-|–|—) `)

// fill copies the sorted message into the revision: headline and labels,
// byline, paragraphs and dateline, the note and its actions.
func fill(r *revision.Revision, m message) {
	r.RawHeadline = strings.Join(m.headline, " ")
	r.Headline = strings.Join(strings.Fields(r.RawHeadline), " ")
	r.Byline = m.byline
	if m.byline != "" {
		r.Authors = []string{m.byline}
	}
	r.Paragraphs, r.Signoff = m.paras, m.signoff
	if len(m.paras) > 0 {
		if d := leadDateline.FindStringSubmatch(m.paras[0]); d != nil {
			r.Dateline = revision.Dateline{Place: d[1], Agency: d[2], Text: d[0]}
		}
	}
	readLabels(r, m.labels)
	r.Furniture = append(r.Furniture, m.notebook...)
	if len(m.editorsNote) > 0 {
		r.Note = strings.Join(m.editorsNote, "\n")
		r.Furniture = append(r.Furniture, m.private...)
	} else {
		r.Note = strings.Join(m.private, "\n")
	}
	e := apwire.ParseNotes(r.Note)
	r.Actions, r.NoteClauses = e.Actions, e.Clauses
	for _, a := range r.Actions {
		if sig := apwire.ActionSignal(a); sig != "" {
			addSignal(r, sig)
		}
	}
}

// readLabels turns the header's labels into the marker: the lead label
// is the version ("1ST LEAD" is version 1), the others are flags;
// corrections and leads are signals.
func readLabels(r *revision.Revision, labels []string) {
	for _, l := range labels {
		if seq := leadSeq(l); seq > 0 && r.Marker.Label == "" {
			r.Marker.Label, r.Marker.Seq, r.Version = l, seq, seq
			addSignal(r, revision.SignalUpdate)
			continue
		}
		r.Marker.Flags = append(r.Marker.Flags, l)
		switch strings.ToUpper(l) {
		case "CORRECTION", "CORRECTED", "BERICHTIGUNG", "KORREKTUR":
			addSignal(r, revision.SignalCorrection)
		case "ADVISORY":
			addSignal(r, revision.SignalAdvisory)
		}
	}
}

func addSignal(r *revision.Revision, s string) {
	for _, x := range r.Signals {
		if x == s {
			return
		}
	}
	r.Signals = append(r.Signals, s)
}

// readTrailer takes the time sent from the line after ETX and makes the
// story key: the keyword of the day. dpa reuses a keyword for a topic
// ("Germany-politics") day after day, and a story's versions go out the
// same day, so keyword and day together name a story; the trailer has
// no year, so the key has none either, and without a day there is no key.
func readTrailer(r *revision.Revision, trailer string, complete bool) {
	if !complete {
		return
	}
	line, _, _ := strings.Cut(trailer, "\n")
	line = strings.TrimSpace(clean(line))
	d, hhmm, ok := parseTrailer(line)
	if !ok {
		if line != "" {
			r.Warnings = append(r.Warnings, fmt.Sprintf("trailer %q is not HHMMSS GMT Mon DD; time unknown", line))
		}
		return
	}
	r.Date, r.Time = d, hhmm
	if r.Slug != "" {
		r.Key = r.Agency + ":" + r.Slug + ":" + d.String()
	}
}

func bad(format string, args ...any) error {
	return &revision.InputError{Reason: "iptc7901: " + fmt.Sprintf(format, args...)}
}

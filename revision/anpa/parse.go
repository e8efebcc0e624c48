// Package anpa reads AP copy in ANPA-1312, the wire transmission format:
// a SYN SYN SOH header with the message number, a keyword line (priority,
// category, keyword cut to 24 characters, version, date, word count),
// STX, "^" head lines (the slug line, headline, photo numbers, the Eds:
// note, byline lines ending "="), tab-indented paragraphs, ETX and the
// transmission stamp ("AP-WF-02-20-16 0337GMT"). The AP parts TREC
// shares are read by revision/apwire, so both give a story one key.
package anpa

import (
	"fmt"
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// Format is the name of the format in Revision.Format.
const Format = "ap-anpa"

// A message opens with SYN SYN SOH, a signature of its own.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  split,
		Parse:  parseItem,
	})
}

// Detect reports whether head opens an AP ANPA-1312 message.
func Detect(head []byte) bool { return startRe.Match(head) }

// parseItem reads one message.
func parseItem(source string, data []byte) (*revision.Revision, error) {
	if n := len(messageStarts(data)); n > 1 {
		return nil, &revision.InputError{Reason: fmt.Sprintf("input holds %d messages, not one item", n)}
	}
	text, warns, err := apwire.Text(data, maxMessage, "message")
	if err != nil {
		return nil, err
	}
	f, err := cutFrame(text)
	if err != nil {
		return nil, err
	}
	r := &revision.Revision{Source: source, ID: f.Seq, Warnings: warns, Complete: true}
	lines := strings.Split(controlsToSpace(f.Text), "\n")
	h := header(f, lines)
	h.Apply(r)
	readText(r, lines)
	if len(r.Paragraphs) == 0 && r.Headline == "" {
		return nil, &revision.InputError{Reason: fmt.Sprintf("message %s holds no story text", f.Seq)}
	}
	return r, nil
}

// header reads the keyword line, the slug line (the first "^" line,
// which has the whole keyword the keyword line cuts to 24 characters)
// and the stamp after ETX.
func header(f frame, lines []string) apwire.Header {
	var h apwire.Header
	h.Key, h.HasKey = apwire.ParseKeyline(f.Keyline)
	if !h.HasKey {
		h.Warnings = append(h.Warnings, fmt.Sprintf("keyword line garbled: %q", f.Keyline))
	}
	for _, l := range lines {
		if hl, ok := headLine(l); ok {
			var odd []string
			h.Slug, odd, h.HasSlug = apwire.ParseSlugline(hl)
			if !h.HasSlug || len(odd) > 0 {
				h.Warnings = append(h.Warnings, fmt.Sprintf("slug line garbled: %q", hl))
			}
			break
		}
	}
	st, err := apwire.ParseStamp(controlsToSpace(f.Trailer))
	h.Stamp, h.HasStamp = st, err == nil
	if err != nil {
		h.Warnings = append(h.Warnings, "trailer: "+err.Error())
	}
	return h
}

// headLine returns a "^" line's text without its caret and its end
// code ("<" for a line end, "=" for a byline's), ok false for other
// lines.
func headLine(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if !strings.HasPrefix(t, "^") {
		return "", false
	}
	t = strings.TrimRight(strings.TrimSpace(t[1:]), "<= ")
	return strings.Join(strings.Fields(t), " "), true
}

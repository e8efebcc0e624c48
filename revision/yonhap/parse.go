// Package yonhap parses the text of Yonhap News Agency's English wire pages
// into revisions. It handles the shapes real pages come in: the stored
// " date YYYY-MM-DD" first line or web chrome instead, version markers and
// genre tags, the (ATTN: ...) editor's note, bylines, datelines, stray line
// breaks, photo captions, sign-offs, (END) and the page furniture after it,
// and pages cut off before the end.
package yonhap

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"lede/revision"
)

// Format is the format name of revisions this package produces.
const Format = "yonhap-text"

// Parse reads one cleaned page (see revision.Clean) into a revision. It
// never fails: a page that shows little yields a revision with few fields,
// and an empty body is for the caller to judge.
func Parse(source, text string) *revision.Revision {
	return ParseCut(source, text, false)
}

// ParseCut is Parse for a page that revision.CleanCut may have found cut
// inside its last character (cut true): such a page is incomplete even if
// its text ends in what reads as "(END)", and its last line is only the
// start of what it was.
func ParseCut(source, text string, cut bool) *revision.Revision {
	lines := strings.Split(text, "\n")
	h := parseHead(lines)
	b := parseBody(lines[h.bodyAt:], h.headline, cut)

	r := &revision.Revision{
		Source:      source,
		Format:      Format,
		Date:        h.date,
		Time:        h.time,
		RawHeadline: h.headline,
		Note:        h.note,
		Actions:     []revision.Action{},
		Tags:        []string{},
		Authors:     []string{},
		Paragraphs:  b.paras(),
		Captions:    nonNil(b.captions),
		Signoff:     b.signoff,
		Complete:    b.complete,
		Cut:         b.cut,
		Furniture:   nonNil(append(h.chrome, b.furniture...)),
	}
	r.Marker, r.Tags, r.Headline = SplitHeadline(h.headline)
	r.Tags = nonNil(r.Tags)
	r.Marker.Flags = nonNil(r.Marker.Flags)
	if h.hasNote {
		r.Actions = nonNilActions(ParseNote(h.note))
	}
	if h.byline != "" {
		r.Byline = h.byline
		r.Authors = splitAuthors(h.byline)
	}
	if len(r.Paragraphs) > 0 {
		if d, ok := parseDateline(r.Paragraphs[0]); ok {
			r.Dateline = d
		}
	}
	r.Warnings = append(r.Warnings, h.warnings...)
	realDateline(r)
	if r.Date.IsZero() && r.Dateline.Month != 0 {
		// No full date on the page: keep month and day, year unknown.
		r.Date = revision.Date{Month: r.Dateline.Month, Day: r.Dateline.Day}
	}
	return r
}

// realDateline drops the dateline's month and day when they make no real
// date in the page's year (Feb. 29 of 2023), or in any year when the page
// shows none (Feb. 30): the date is then unknown, never guessed.
func realDateline(r *revision.Revision) {
	d := r.Dateline
	if d.Month == 0 || (revision.Date{Year: r.Date.Year, Month: d.Month, Day: d.Day}).Valid() {
		return
	}
	in := ""
	if r.Date.Year != 0 {
		in = fmt.Sprintf(" in %d", r.Date.Year)
	}
	r.Warnings = append(r.Warnings, fmt.Sprintf("dateline date %q is not a real date%s; ignored", d.Date, in))
	r.Dateline.Date, r.Dateline.Month, r.Dateline.Day = "", 0, 0
}

var authorSep = lazyRE(`\s*,\s*(?:and\s+)?|\s+and\s+`)

func splitAuthors(byline string) []string {
	var out []string
	for _, a := range authorSep().Split(byline, -1) {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilActions(a []revision.Action) []revision.Action {
	if a == nil {
		return []revision.Action{}
	}
	return a
}

// lazyRE compiles a regular expression on first use, so that a process
// that parses nothing (lede --version, lede stories) does not pay for
// compiling them all at start, and one that parses pays only for the
// patterns its pages need.
func lazyRE(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

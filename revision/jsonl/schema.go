// Package jsonl reads lede's own JSON lines: one story version a line,
// in a small documented schema, the natural way for a scraper or another
// system to feed lede. A Yonhap page's text can ride in a line with its
// URL and is then read by the Yonhap parser.
//
// The schema, one JSON object a line (blank lines are skipped, a UTF-8
// byte order mark and CRLF line ends are allowed):
//
//	field       type                 maps to
//	id          string               Revision.ID and Key (the story's id across versions)
//	url         string               Key when there is no id; a Yonhap URL gives ID, Key, Version
//	agency      string               Agency ("Yonhap" when text is a Yonhap page and agency is absent)
//	slug        string               Slug
//	version     number or string     Version; a string that is not a number is a marker
//	                                 ("LEAD", "2nd LD", "3rd Ld-Writethru"): Marker, and Version its seq
//	time        string, RFC 3339     Transmitted, Date, Time ("2020-02-01" alone: Date only)
//	headline    string               Headline; a leading "(LEAD)" or "(News Focus)" is read as
//	                                 marker or tag, as on a Yonhap page
//	note        string               Note, the editor's note ("(ATTN: ...)" and "Eds:" removed)
//	byline      string               Byline ("By" removed) and Authors
//	dateline    string               Dateline.Place
//	paragraphs  list of strings      Paragraphs, one entry each (blank entries dropped)
//	body        string               Paragraphs: split at blank lines when it has any,
//	                                 else one paragraph a line (revision.TextParagraphs)
//	text        string               a Yonhap page's whole text, parsed as a page
//	status      string               usable (default), withheld, canceled (or killed: a kill),
//	                                 corrected (usable, with the correction signal)
//	refs        list of strings      Refs, the ids of items this one follows
//	extra       any                  ignored: room for the sender's own data
//
// A line needs a headline or a text; paragraphs, body and text exclude
// one another. Any other field, a value of the wrong type, or a line
// that is not one JSON object is an error for that line, reported as
// "SOURCE#N: line L: ..."; the other lines are still read. Field names
// match without regard to case, as encoding/json matches them.
package jsonl

import (
	"encoding/json"

	"lede/revision"
)

// Format is the format name of revisions this package produces.
const Format = "json-lines"

// line is one line of the schema. Pointers tell a field that is absent
// (or null) from one that is empty.
type line struct {
	ID         string          `json:"id"`
	URL        string          `json:"url"`
	Agency     string          `json:"agency"`
	Slug       string          `json:"slug"`
	Version    json.RawMessage `json:"version"`
	Time       string          `json:"time"`
	Headline   string          `json:"headline"`
	Note       string          `json:"note"`
	Byline     string          `json:"byline"`
	Dateline   string          `json:"dateline"`
	Paragraphs *[]string       `json:"paragraphs"`
	Body       *string         `json:"body"`
	Text       *string         `json:"text"`
	Status     string          `json:"status"`
	Refs       []string        `json:"refs"`
	Extra      json.RawMessage `json:"extra"`
}

// fields are the schema's field names, for the detector and for the
// error naming a field the schema does not have.
var fields = []string{"id", "url", "agency", "slug", "version", "time", "headline", "note",
	"byline", "dateline", "paragraphs", "body", "text", "status", "refs", "extra"}

// JSON lines has a signature of its own (a first line that is an object
// of the schema's fields), so it is asked before free text.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  Split,
		Parse:  Parse,
	})
}

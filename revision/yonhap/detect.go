package yonhap

import (
	"strings"

	"lede/revision"
)

// How far Detect reads. A page's head (chrome, date stamp, headline,
// note, byline) is a handful of short lines, so its lead opens within
// leadWithin lines; a page without a dateline shows its sign-off or
// (END) within endWithin lines of prose. Nothing past detectBytes is read,
// so a huge input costs no more than a page.
const (
	leadWithin  = 12
	endWithin   = 200
	detectBytes = 64 << 10
)

// Detect reports whether text is a Yonhap page, judged by its structure
// rather than by words that any file quoting a page also holds (a JSON
// dump of parses contains "(Yonhap) --" hundreds of times). A page is
//
//   - a stored page: its first line is " date YYYY-MM-DD ...", or
//   - a head of short lines (chrome, date stamp, headline, note, byline)
//     and then, within leadWithin lines of the top, a paragraph opening
//     with a dateline ("SEOUL, Dec. 30 (Yonhap) -- ..."), or
//   - lines of prose, one paragraph a line, closed within endWithin lines
//     by a Yonhap sign-off or (END).
//
// A line of code, markup, JSON or a log before that point is not part of
// any page, nor is a long paragraph before the dateline: either ends the
// search. Every page of the corpus passes, with or without its date line.
func Detect(text string) bool {
	if _, _, _, _, ok := matchDateLine(firstLine(text)); ok {
		return true
	}
	if len(text) > detectBytes {
		text = text[:detectBytes]
	}
	n, inHead := 0, true
	for raw := range strings.SplitSeq(text, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		if isChrome(line) {
			continue // web chrome, some of which ("* The search ...") reads like markup
		}
		if n++; n > endWithin || revision.NotProseLine(line) {
			return false
		}
		if inHead && n <= leadWithin && opensLead(line) {
			return true
		}
		if n > 1 && closesStory(line) {
			return true
		}
		if inHead && !headLike(line) {
			// From here on only a story's end can make it a page.
			inHead = false
		}
	}
	return false
}

// opensLead reports whether line is a lead paragraph: a dateline, then
// text. A dateline may be as bare as a digest's "SEOUL -- ".
func opensLead(line string) bool {
	m, ok := matchDateline(line)
	return ok && m.end < len(line)
}

// closesStory reports whether line ends a Yonhap story: the reporters'
// yna.co.kr sign-off or the (END) mark.
func closesStory(line string) bool {
	if line == "(END)" {
		return true
	}
	return strings.Contains(line, "@yna.co.kr") && isSignoff(line)
}

// headLike reports whether line may stand above a page's lead: a line
// the head parser knows (chrome, date stamp, note, byline, headline) or
// a short line of web chrome it does not ("select languages").
func headLike(line string) bool {
	if isChrome(line) || isStamp(line) || len(line) <= 120 {
		return true
	}
	if _, ok := noteText(line); ok {
		return true
	}
	if _, ok := matchByline(line); ok && len(line) < 160 {
		return true
	}
	return looksLikeHeadline(line)
}

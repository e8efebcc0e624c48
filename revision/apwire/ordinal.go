package apwire

import (
	"strconv"
	"strings"

	"lede/revision"
)

// Notes count paragraphs both ways: "3rd graf", "fifth graf", "10th",
// and "with three grafs", "with 13 grafs".
var (
	ordinalWords = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
		"fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"}
	countWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty"}
)

// ord and count are the regexp alternatives of an ordinal and of a
// count; graf is any word notes use for a paragraph.
var (
	ord   = `(\d+(?:st|nd|rd|th)|` + strings.Join(ordinalWords, "|") + `)`
	count = `(\d+|a|new|` + strings.Join(countWords, "|") + `)`
	graf  = `(?:grafs?|paras?|paragraphs?|pgh)`
)

var (
	// "grafs 8-9", "graf 7", "paras 14 to 17"
	grafsNumRe = revision.LazyRegexp(`(?i)\b` + graf + `\s+(\d+)(?:\s*(?:-|to|through|thru)\s*(\d+))?\b`)
	// "8-12th grafs", "8th-12th grafs", "3rd graf", "fifth graf", "2nd pvs"
	ordRangeRe = revision.LazyRegexp(`(?i)\b(\d+|` + ord[1:len(ord)-1] + `)\s*(?:-|to|through|thru)\s*` + ord + `\s+` + graf + `\b`)
	ordGrafRe  = revision.LazyRegexp(`(?i)\b` + ord + `\s+(?:` + graf + `|pvs|previous)\b`)
	bareOrdRe  = revision.LazyRegexp(`(?i)\b` + ord + `(?:\s|$|[,.:;(])`)
	afterRe    = revision.LazyRegexp(`(?i)\bafter\s+(?:the\s+)?` + ord + `\b`)
	fromRe     = revision.LazyRegexp(`(?i)\bfrom\s+(?:the\s+)?` + ord + `\s+` + graf + `?`)
	// "with 3 grafs" (LEADS, SUBS ... with), "2 grafs after", "one graf for"
	withCountRe = revision.LazyRegexp(`(?i)\b(?:with|qith|by)\s+` + count + `\s+(?:new\s+)?` + graf + `\b`)
	countGrafRe = revision.LazyRegexp(`(?i)\b` + count + `\s+(?:new\s+)?` + graf + `\s+(?:after|for|before)\b`)
	topNew      = revision.LazyRegexp(`(?i)^top\s+` + count + `\s+` + graf + `\s+(?:are\s+)?new\b`)
	inGrafRe    = revision.LazyRegexp(`(?i)^in\s+(?:the\s+)?` + ord + `\s+` + graf + `,?$`)
	toEndRe     = revision.LazyRegexp(`(?i)\bto\s+(?:the\s+)?end\b`)
)

// number reads an ordinal ("3rd", "fifth") or a count ("3", "three",
// "a", "new": one) as a number; 0 when it is neither.
func number(s string) int {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(strings.TrimRight(s, "stndrh")); err == nil {
		return n
	}
	for i, w := range ordinalWords {
		if s == w {
			return i + 1
		}
	}
	for i, w := range countWords {
		if s == w {
			return i + 1
		}
	}
	if s == "a" || s == "new" {
		return 1
	}
	return 0
}

// span lists the paragraph numbers from..to, at most maxSpan of them (a
// note is a line; "grafs 3-3000" is garbage, not a claim).
func span(from, to int) []int {
	if from < 1 || to < from || to-from >= maxSpan {
		if from >= 1 {
			return []int{from}
		}
		return nil
	}
	out := make([]int, 0, to-from+1)
	for p := from; p <= to; p++ {
		out = append(out, p)
	}
	return out
}

const maxSpan = 200

package yonhap

import (
	"strconv"
	"strings"
	"unicode"

	"lede/revision"
)

// stampLine is the web page's date line, optionally with a section and a
// time of day: "June 30, 2019", "10:02 February 19, 2020",
// "All News 06:12 December 28, 2021", "Diplomacy 17:28 December 15, 2019".
var stampLine = lazyRE(`^(?:[A-Z][A-Za-z&/-]*(?:\s[A-Za-z&/-]+){0,3}\s+)?(?:(\d{1,2}):(\d{2})\s+)?` +
	`(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})$`)

// chromeLines are exact lines of the web page around the article that
// carry no story text.
var chromeLines = map[string]bool{
	"Go to Contents Go to Navigation": true, "Go to Contents": true,
	"Go to Navigation": true, "SEARCH": true, "Range": true, "Order by": true,
	"Periods": true, "~": true, "All News": true, "Home": true,
	"* The search is limited to articles published after 2010.": true,
}

// mayBeStamp is a quick test that line could match stampLine: it ends in
// four digits and names a month. Pages with a " date" line have no stamp,
// and then the pattern is never compiled.
func mayBeStamp(line string) bool {
	n := len(line)
	if n < 4 || !isDigit(line[n-1]) || !isDigit(line[n-2]) || !isDigit(line[n-3]) || !isDigit(line[n-4]) {
		return false
	}
	for _, m := range [...]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"} {
		if strings.Contains(line, m) {
			return true
		}
	}
	return false
}

func isChrome(line string) bool {
	return chromeLines[line] || strings.HasPrefix(line, "Recommended #")
}

// head is what precedes the story text.
type head struct {
	date     revision.Date
	time     string
	headline string
	note     string
	hasNote  bool
	byline   string
	chrome   []string
	bodyAt   int // index of the first body line
}

// parseHead walks the lines before the story text: the " date" prefix,
// web chrome, the date stamp, the headline, the note and the byline. It
// stops at the dateline paragraph or at the first line that can only be
// story text. A line is taken as the headline only when nothing but chrome
// came before it and it looks like one: the dateline paragraph is never a
// headline.
func parseHead(lines []string) head {
	var h head
	if len(lines) > 0 {
		if ys, ms, ds, rest, ok := matchDateLine(lines[0]); ok {
			y, _ := strconv.Atoi(ys)
			mo, _ := strconv.Atoi(ms)
			d, _ := strconv.Atoi(ds)
			h.date = revision.Date{Year: y, Month: mo, Day: d}
			lines[0] = rest
		}
	}
	seenHeader := false // a note or byline has been seen
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
			continue
		case isChrome(line):
			h.chrome = append(h.chrome, line)
			continue
		case mayBeStamp(line) && stampLine().MatchString(line):
			h.readStamp(line)
			continue
		}
		if t, ok := noteText(line); ok && !h.hasNote {
			h.note, h.hasNote, seenHeader = t, true, true
			continue
		}
		if names, ok := matchByline(line); ok && h.byline == "" && len(line) < 160 {
			h.byline, seenHeader = names, true
			continue
		}
		if h.headline == "" && !seenHeader && looksLikeHeadline(line) {
			h.headline = line
			continue
		}
		h.bodyAt = i
		return h
	}
	h.bodyAt = len(lines)
	return h
}

// readStamp takes the time of day from a web date stamp, and the date when
// the page had no " date" line.
func (h *head) readStamp(line string) {
	m := stampLine().FindStringSubmatch(line)
	if m[1] != "" && h.time == "" {
		hh, _ := strconv.Atoi(m[1])
		if hh < 24 {
			h.time = strings.Repeat("0", 2-len(m[1])) + m[1] + ":" + m[2]
		}
	}
	if !h.date.YearKnown() {
		d, _ := strconv.Atoi(m[4])
		y, _ := strconv.Atoi(m[5])
		h.date = revision.Date{Year: y, Month: revision.MonthNumber(m[3]), Day: d}
	}
}

// abbrevEnd lists words ending in a period that can end a headline.
var abbrevEnd = map[string]bool{"Inc.": true, "Co.": true, "Corp.": true, "Ltd.": true, "Jr.": true, "Sr.": true, "St.": true, "Bros.": true}

// looksLikeHeadline tells a headline from a first paragraph: headlines are
// short, carry no dateline and do not end in a full stop (an abbreviation
// such as "U.S." aside).
func looksLikeHeadline(line string) bool {
	if len(line) > 300 || strings.Contains(line, "--") && isDateline(line) {
		return false
	}
	if strings.HasPrefix(line, "By ") || !startsCapitalOrMarker(line) {
		return false
	}
	if strings.HasSuffix(line, ".") {
		fields := strings.Fields(line)
		last := fields[len(fields)-1]
		return abbrevEnd[last] || strings.Count(last, ".") >= 2
	}
	return true
}

func startsCapitalOrMarker(line string) bool {
	for _, r := range line {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '(' || r == '\'' || r == '"' || r == '‘' || r == '“'
	}
	return false
}

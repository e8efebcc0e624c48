package yonhap

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"lede/revision"
)

// chromeLines are exact lines of the web page around the article that
// carry no story text.
var chromeLines = map[string]bool{
	"Go to Contents Go to Navigation": true, "Go to Contents": true,
	"Go to Navigation": true, "SEARCH": true, "Range": true, "Order by": true,
	"Periods": true, "~": true, "All News": true, "Home": true,
	"* The search is limited to articles published after 2010.": true,
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
	// warnings are dates read but not used, see revision.Revision.
	warnings []string
}

func (h *head) warn(format string, args ...any) {
	h.warnings = append(h.warnings, fmt.Sprintf(format, args...))
}

// parseHead walks the lines before the story text: the " date" prefix,
// web chrome, the date stamp, the headline, the note and the byline. It
// stops at the dateline paragraph or at the first line that can only be
// story text. A line is taken as the headline only when nothing but chrome
// came before it and it stands where a headline stands (headlineAhead:
// the note, byline or dateline follow it, after lines that read like
// navigation at most) or, failing that, looks like one: the dateline
// paragraph is never a headline.
func parseHead(lines []string) head {
	var h head
	if len(lines) > 0 {
		if ys, ms, ds, rest, ok := matchDateLine(lines[0]); ok {
			y, _ := strconv.Atoi(ys)
			mo, _ := strconv.Atoi(ms)
			d, _ := strconv.Atoi(ds)
			if date := (revision.Date{Year: y, Month: mo, Day: d}); date.Valid() && y != 0 {
				h.date = date
			} else {
				h.warn("date line %s-%s-%s is not a real date; ignored", ys, ms, ds)
			}
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
		case isStamp(line):
			h.readStamp(line)
			continue
		case letters(line) == 0 && nextIsHead(lines, i+1):
			// A date or time in a form matchStamp does not know.
			h.chrome = append(h.chrome, line)
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
		if h.headline == "" && !seenHeader {
			if at := headlineAhead(lines, i); at >= 0 {
				h.chrome = append(h.chrome, nonBlank(lines[i:at])...)
				h.headline, i = strings.TrimSpace(lines[at]), at
				continue
			}
			if looksLikeHeadline(line) {
				h.headline = line
				continue
			}
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
	hour, minute, month, day, year, _ := matchStamp(line)
	if hour != "" && h.time == "" {
		hh, _ := strconv.Atoi(hour)
		if hh < 24 {
			h.time = strings.Repeat("0", 2-len(hour)) + hour + ":" + minute
		}
	}
	if !h.date.YearKnown() {
		d, _ := strconv.Atoi(day)
		y, _ := strconv.Atoi(year)
		// Another stamp further down may still give the date.
		if date := (revision.Date{Year: y, Month: revision.MonthNumber(month), Day: d}); date.Valid() && y != 0 {
			h.date = date
		} else {
			h.warn("date stamp %q is not a real date; ignored", line)
		}
	}
}

// isStamp reports whether line is a web date stamp (matchStamp).
func isStamp(line string) bool {
	_, _, _, _, _, ok := matchStamp(line)
	return ok
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

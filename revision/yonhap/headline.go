package yonhap

import "strings"

// A headline is known by where it stands more surely than by how it
// reads: it is the line the head of the story follows, the note, the
// byline or the dateline paragraph (a web date stamp may come between).
// Reading it by its look alone fails two ways on real pages: a headline
// that ends with an abbreviation's period ("... of N. Korea: State
// Dept.") looks like a sentence, and the navigation of a site's older
// design ("select languages", "Home > NorthKorea") looks like text, or
// like a headline, before the real one.

// maxChromeLines bounds how many lines of page chrome may stand before
// the headline, so that looking ahead for it stays cheap.
const maxChromeLines = 12

// headlineAhead looks from line i, the first line of the head that is
// neither chrome nor a stamp, for the headline: the first line shaped
// like one that the head of the story follows, with only short lines
// that read like navigation, not like sentences, before it. It returns
// the headline's index, or -1 when the lines do not take that shape
// (the caller then reads them by their look).
func headlineAhead(lines []string, i int) int {
	first := -1 // the first line shaped like a headline
	for k, seen := i, 0; k < len(lines) && seen < maxChromeLines; k++ {
		line := strings.TrimSpace(lines[k])
		switch {
		case line == "" || isChrome(line) || isStamp(line):
			continue
		case isHeadStart(line):
			return -1
		}
		seen++
		if headlineShaped(line) {
			if first < 0 {
				first = k
			}
			if headFollows(lines, k+1) {
				if k != first && isImageAlt(line, strings.TrimSpace(lines[first])) {
					return first // the photo's alternative text, after its headline
				}
				return k
			}
		}
		if !navigationShaped(line) {
			return -1
		}
	}
	return -1
}

// headFollows reports whether the next line from k that is not blank, a
// stamp, chrome or without letters opens the head of the story.
func headFollows(lines []string, k int) bool {
	for ; k < len(lines); k++ {
		line := strings.TrimSpace(lines[k])
		if line == "" || isChrome(line) || isStamp(line) || letters(line) == 0 {
			continue // a date or time in a form matchStamp does not know
		}
		return isHeadStart(line)
	}
	return false
}

// nextIsHead reports whether the next line from k that is not blank opens
// the head of the story.
func nextIsHead(lines []string, k int) bool {
	for ; k < len(lines); k++ {
		if line := strings.TrimSpace(lines[k]); line != "" {
			return isHeadStart(line)
		}
	}
	return false
}

// isHeadStart reports whether line is an editor's note, a byline or the
// dateline paragraph: what follows a headline.
func isHeadStart(line string) bool {
	if _, ok := noteText(line); ok {
		return true
	}
	if _, ok := matchByline(line); ok && len(line) < 160 {
		return true
	}
	return isDateline(line)
}

// headlineShaped reports whether line could be a headline wherever it
// stands: not too long, no dateline or byline, starting with a capital,
// a figure, a marker or a quote. How it ends does not matter here.
func headlineShaped(line string) bool {
	return len(line) <= 300 && !strings.HasPrefix(line, "By ") && startsCapitalOrMarker(line) && letters(line) >= 3
}

// letters counts the ASCII letters of s, which a date or time has none of.
func letters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isUpperASCII(s[i]) || isLowerASCII(s[i]) {
			n++
		}
	}
	return n
}

// navigationShaped reports whether line reads like a site's navigation
// rather than story text: short, and not ending like a sentence.
func navigationShaped(line string) bool {
	return len(line) <= 100 && !endsSentence(line)
}

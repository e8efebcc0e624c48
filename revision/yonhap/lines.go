package yonhap

import "strings"

// isSignoff reports whether line is one or more e-mail addresses alone,
// the sign-off of a story: "hague@yna.co.kr", "a@yna.co.kr, b@yna.co.kr".
// It stands for
//
//	^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,/;&]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*$
//
// and runs that pattern's automaton, keeping the set of states it can be
// in after each byte: addresses may follow one another with nothing
// between them, so a domain character may also start the next address.
func isSignoff(line string) bool {
	const (
		start  = 1 << iota // before the first address
		local              // in the part before @
		at                 // just after @
		label1             // in the domain's first label
		dot                // just after a dot of the domain
		label              // in a later label: an address may end here
		space1             // in white space after an address
		space2             // after the separator between two addresses
	)
	set := start
	for i := 0; i < len(line) && set != 0; i++ {
		c := line[i]
		domain := isWordByte(c) || c == '-'                 // [\w-]
		name := domain || c == '.' || c == '+'              // [\w.+-]
		sep := c == ',' || c == '/' || c == ';' || c == '&' // [,/;&]
		next := 0
		if name && set&(start|local|label|space1|space2) != 0 {
			next |= local
		}
		if c == '@' && set&local != 0 {
			next |= at
		}
		if domain && set&(at|label1) != 0 {
			next |= label1
		}
		if c == '.' && set&(label1|label) != 0 {
			next |= dot
		}
		if domain && set&(dot|label) != 0 {
			next |= label
		}
		if isSpace(c) && set&(label|space1) != 0 {
			next |= space1
		}
		if (sep && set&(label|space1) != 0) || (isSpace(c) && set&space2 != 0) {
			next |= space2
		}
		set = next
	}
	return set&label != 0
}

// monthNames are the months as web date stamps spell them.
var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// matchStamp reads the web page's date line, optionally with a section
// and a time of day: "June 30, 2019", "10:02 February 19, 2020",
// "All News 06:12 December 28, 2021", "Diplomacy 17:28 December 15, 2019".
// It stands for
//
//	^(?:[A-Z][A-Za-z&/-]*(?:\s[A-Za-z&/-]+){0,3}\s+)?(?:(\d{1,2}):(\d{2})\s+)?(January|...|December)\s+(\d{1,2}),\s*(\d{4})$
//
// and returns the hour and minute ("" without a time), the month, the
// day and the year. The line is read from its end, where every part has
// one way to match: the year, the day, the month, then the time, then a
// section of one to four words.
func matchStamp(s string) (hh, mm, month, day, year string, ok bool) {
	n := len(s)
	if n < 4 || !allDigits(s[n-4:]) {
		return "", "", "", "", "", false
	}
	year = s[n-4:]
	i := n - 4
	for i > 0 && isSpace(s[i-1]) {
		i--
	}
	if i == 0 || s[i-1] != ',' {
		return "", "", "", "", "", false
	}
	i--
	d := i
	for d > 0 && isDigit(s[d-1]) {
		d--
	}
	if i-d < 1 || i-d > 2 {
		return "", "", "", "", "", false
	}
	day = s[d:i]
	m := d
	for m > 0 && isSpace(s[m-1]) {
		m--
	}
	if m == d {
		return "", "", "", "", "", false
	}
	for _, name := range monthNames {
		if strings.HasSuffix(s[:m], name) {
			month = name
			break
		}
	}
	if month == "" {
		return "", "", "", "", "", false
	}
	head := s[:m-len(month)]
	if head == "" {
		return "", "", month, day, year, true
	}
	// Both the time and the section end in white space.
	t := len(head)
	for t > 0 && isSpace(head[t-1]) {
		t--
	}
	if t == len(head) {
		return "", "", "", "", "", false
	}
	if t > 0 && isDigit(head[t-1]) {
		if t < 4 || head[t-3] != ':' || !isDigit(head[t-2]) {
			return "", "", "", "", "", false
		}
		h := t - 3
		for h > 0 && isDigit(head[h-1]) {
			h--
		}
		if n := t - 3 - h; n < 1 || n > 2 {
			return "", "", "", "", "", false
		}
		hh, mm, head = head[h:t-3], head[t-2:t], head[:h]
	}
	if head != "" && !isSection(head) {
		return "", "", "", "", "", false
	}
	return hh, mm, month, day, year, true
}

// isSection reports whether s is a stamp's section and the white space
// after it: [A-Z][A-Za-z&/-]*(?:\s[A-Za-z&/-]+){0,3}\s+, whole.
func isSection(s string) bool {
	if !isUpperASCII(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && isSectionByte(s[i]) {
		i++
	}
	for words := 1; words < 4 && i+1 < len(s) && isSpace(s[i]) && isSectionByte(s[i+1]); words++ {
		i++
		for i < len(s) && isSectionByte(s[i]) {
			i++
		}
	}
	j := i
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	return j > i && j == len(s)
}

// isSectionByte is [A-Za-z&/-].
func isSectionByte(c byte) bool {
	return isUpperASCII(c) || isLowerASCII(c) || c == '&' || c == '/' || c == '-'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// isCaptionEnd reports whether line ends with the photo credit that closes
// a caption: "(Yonhap)", "(EPA-Yonhap)", "(Yonhap photo)", "(PHOTO NOT FOR
// SALE)". It stands for
//
//	\((?:[A-Za-z][\w.' -]*-)?Yonhap(?: photo)?\)$|\(PHOTO NOT FOR SALE\)$
//
// An agency before "-Yonhap" runs back to the last "(", which cannot be
// part of it.
func isCaptionEnd(line string) bool {
	if strings.HasSuffix(line, "(PHOTO NOT FOR SALE)") {
		return true
	}
	t, ok := strings.CutSuffix(line, ")")
	if !ok {
		return false
	}
	if u, ok := strings.CutSuffix(t, "Yonhap photo"); ok {
		t = u
	} else if t, ok = strings.CutSuffix(t, "Yonhap"); !ok {
		return false
	}
	if strings.HasSuffix(t, "(") {
		return true
	}
	if !strings.HasSuffix(t, "-") {
		return false
	}
	p := strings.LastIndexByte(t, '(')
	if p < 0 || p+2 >= len(t) || !isUpperASCII(t[p+1]) && !isLowerASCII(t[p+1]) {
		return false
	}
	for i := p + 2; i < len(t)-1; i++ {
		if c := t[i]; !isWordByte(c) && c != '.' && c != '\'' && c != ' ' && c != '-' {
			return false
		}
	}
	return true
}

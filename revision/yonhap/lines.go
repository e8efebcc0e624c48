package yonhap

import "strings"

// isSignoff reports whether line is one or more e-mail addresses alone,
// the sign-off of a story: "hague@yna.co.kr", "a@yna.co.kr, b@yna.co.kr".
// It stands for
//
//	^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,/;&]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*$
//
// and runs that pattern's automaton (signoffStates).
func isSignoff(line string) bool { return signoffStates(line)&soLabel != 0 }

// isSignoffStart reports whether line is a sign-off cut off after the @
// of an address, "yonngong@" or "a@yna.co.kr, kim@yn": the start of a
// line isSignoff accepts, with at least one @ in it. Cut before its @, an
// address cannot be told from a word.
func isSignoffStart(line string) bool {
	return strings.IndexByte(line, '@') > 0 && signoffStates(line) != 0
}

// States of the sign-off automaton.
const (
	soStart  = 1 << iota // before the first address
	soLocal              // in the part before @
	soAt                 // just after @
	soLabel1             // in the domain's first label
	soDot                // just after a dot of the domain
	soLabel              // in a later label: an address may end here
	soSpace1             // in white space after an address
	soSpace2             // after the separator between two addresses
)

// signoffStates runs the sign-off pattern's automaton over line and
// returns the set of states it can be in at the end, 0 when line cannot
// start a sign-off. It keeps a set because addresses may follow one
// another with nothing between them, so a domain character may also
// start the next address.
func signoffStates(line string) int {
	set := soStart
	for i := 0; i < len(line) && set != 0; i++ {
		c := line[i]
		domain := isWordByte(c) || c == '-'                 // [\w-]
		name := domain || c == '.' || c == '+'              // [\w.+-]
		sep := c == ',' || c == '/' || c == ';' || c == '&' // [,/;&]
		next := 0
		if name && set&(soStart|soLocal|soLabel|soSpace1|soSpace2) != 0 {
			next |= soLocal
		}
		if c == '@' && set&soLocal != 0 {
			next |= soAt
		}
		if domain && set&(soAt|soLabel1) != 0 {
			next |= soLabel1
		}
		if c == '.' && set&(soLabel1|soLabel) != 0 {
			next |= soDot
		}
		if domain && set&(soDot|soLabel) != 0 {
			next |= soLabel
		}
		if isSpace(c) && set&(soLabel|soSpace1) != 0 {
			next |= soSpace1
		}
		if (sep && set&(soLabel|soSpace1) != 0) || (isSpace(c) && set&soSpace2 != 0) {
			next |= soSpace2
		}
		set = next
	}
	return set
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

package iptc7901

import (
	"strconv"
	"strings"

	"lede/revision"
)

// Control characters of IPTC 7901's message frame.
const (
	soh = '\x01' // start of heading: the header line follows
	stx = '\x02' // start of text: headline, then the text
	etx = '\x03' // end of text: the trailer with the time follows
	eot = '\x04' // end of transmission
)

// header is the message header line after SOH, as dpa sends it:
// "eca062 4 i 211 ccccb   dpa 061" is service "eca", serial 062,
// priority 4, category "i", 211 words, then selector codes, the source
// and its own sequence number.
type header struct {
	service  string
	serial   string
	priority int
	category string
	words    int
	source   string // "dpa", "" when the header does not say
}

var headerLine = revision.LazyRegexp(`^([A-Za-z]{1,8})([0-9]{1,6}) ([0-9]) ([A-Za-z]) ([0-9]{1,6})(?:[ \t]+(.*))?$`)

// parseHeader reads the header line (without SOH); ok is false when the
// line is not in 7901's shape.
func parseHeader(line string) (h header, ok bool) {
	m := headerLine.FindStringSubmatch(strings.TrimRight(line, " \t\r"))
	if m == nil {
		return header{}, false
	}
	h.service, h.serial, h.category = m[1], m[2], m[4]
	h.priority, _ = strconv.Atoi(m[3])
	h.words, _ = strconv.Atoi(m[5])
	// The source is the name before the header's closing number
	// ("... dpa 061"); selector codes ("ccccb") come before it.
	if f := strings.Fields(m[6]); len(f) >= 2 && isDigits(f[len(f)-1]) && isLetters(f[len(f)-2]) {
		h.source = f[len(f)-2]
	}
	return h, true
}

// isKeywordLine reports 7901's keyword line, which dpa ends with "/"
// ("Germany-politics/", "Switzerland/migration/UN/").
func isKeywordLine(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) > 1 && strings.HasSuffix(line, "/") && !strings.ContainsAny(line, "\x01\x02\x03")
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isLetters(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return s != ""
}

package apwire

import (
	"strings"

	"lede/revision"
)

// HeadKind says what a head line above an AP story is. Only one head is
// the headline; the others are instructions and packaging the desk reads.
type HeadKind int

// Kinds of head lines.
const (
	// HeadHeadline is a candidate headline.
	HeadHeadline HeadKind = iota
	// HeadNote is an editor's note ("Eds: ...").
	HeadNote
	// HeadFlag is an urgency word ("URGENT", "BULLETIN"): a marker flag.
	HeadFlag
	// HeadTag is a genre tag ("An AP Extra").
	HeadTag
	// HeadOther is packaging: photo numbers, "With AM-Slug", "$adv05",
	// "For release ...", "Precede WASHINGTON".
	HeadOther
)

var (
	otherHeadRe = revision.LazyRegexp(`(?i)^(with\b|precede\b|(ap\s+)?laser\s*(photo|graphic|color)s?\b|ap\s+(photos?|graphics?)\b|(photos?|graphics?)\s+[A-Z]{1,6}\d|\$adv\d*|for (release|use)\b|advance for\b|embargoed\b|release at\b|(takes|take|adds?) \d|eds? only\b)`)
	flagHeadRe  = revision.LazyRegexp(`^(URGENT|BULLETIN|FLASH|ALERT|APNewsAlert)$`)
	tagHeadRe   = revision.LazyRegexp(`(?i)^(an )?AP (extra|exclusive|analysis|news analysis|special report)$`)
	pickupRe    = revision.LazyRegexp(`^[A-Z][A-Z .,'&-]+: `)
)

// ClassifyHead says what a head line is. An item that continues another
// (an add, a later take) opens with the previous part's last words after
// its dateline city ("WASHINGTON: the outside."): with cont set such a
// line is packaging, not a headline.
func ClassifyHead(h string, cont bool) HeadKind {
	h = strings.TrimSpace(h)
	switch {
	case IsEds(h):
		return HeadNote
	case flagHeadRe.MatchString(h):
		return HeadFlag
	case tagHeadRe.MatchString(h):
		return HeadTag
	case otherHeadRe.MatchString(h):
		return HeadOther
	case cont && pickupRe.MatchString(h):
		return HeadOther
	}
	return HeadHeadline
}

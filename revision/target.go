package revision

import (
	"regexp"
	"strings"
)

var leadWord = regexp.MustCompile(`(?i)^(?:the\s+)?(?:lead|lede|top)\b`)

// TargetOf says which part of a story the object of a note's claim names
// when it gives no paragraph numbers: "details throughout", "short
// headline", "byline", "LaserPhoto numbers", "keyword", "lead", and
// TargetBody for any other ("full-year results"). Every agency's note
// reader uses it, so the same words name the same part whoever sent them.
func TargetOf(object string) Target {
	o := strings.ToLower(object)
	switch {
	case strings.Contains(o, "throughout") || strings.Contains(o, "thruout"):
		return TargetThroughout
	case strings.Contains(o, "headline"):
		return TargetHeadline
	case strings.Contains(o, "byline"):
		return TargetByline
	case strings.Contains(o, "dateline"):
		return TargetDateline
	case strings.Contains(o, "photo") || strings.Contains(o, "pix"):
		return TargetPhoto
	case strings.Contains(o, "keyword") || strings.Contains(o, "slug") || strings.Contains(o, "designator") || strings.Contains(o, "writethru status"):
		return TargetSlug
	case leadWord.MatchString(o):
		return TargetLead
	}
	return TargetBody
}

// NamesLead reports whether an object opens by naming the lead ("lead",
// "the lede", "top").
func NamesLead(object string) bool { return leadWord.MatchString(object) }

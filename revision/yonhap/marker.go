package yonhap

import (
	"slices"
	"strconv"
	"strings"

	"lede/revision"
)

// knownFlags are qualifiers that may stand with or without a version.
var knownFlags = map[string]bool{
	"CORRECTED": true, "REPEATED": true, "REFILED": true, "RECAST": true,
	"UPDATED": true, "CLARIFIED": true, "FIXED": true, "EMBARGOED": true,
	"CORRECTION": true, "REPEAT": true, "ADVISORY": true, "URGENT": true,
}

// SplitHeadline separates the leading markers and tags of a headline from
// its text: "(2nd LD, CORRECTED) (News Focus) Foo" gives the marker
// {2nd LD, 2, [CORRECTED]}, the tags [News Focus] and "Foo". Groups that
// are neither versions nor flags are genre tags. The returned headline is
// always a substring of raw.
func SplitHeadline(raw string) (revision.Marker, []string, string) {
	var m revision.Marker
	var tags []string
	rest := raw
	for {
		innerEnd, end, ok := matchLeadingGroup(rest)
		if !ok {
			break
		}
		inner := strings.TrimSpace(rest[1:innerEnd])
		if !applyMarkerGroup(&m, inner) {
			tags = append(tags, inner)
		}
		rest = rest[end:]
	}
	if m.Label == "" && slices.Contains(m.Flags, "URGENT") {
		m.Label = "URGENT"
		m.Flags = slices.DeleteFunc(m.Flags, func(f string) bool { return f == "URGENT" })
	}
	return m, tags, strings.TrimSpace(rest)
}

// applyMarkerGroup reads one group such as "2nd LD, CORRECTED" into m.
// It reports false, leaving m alone, when the group is not made only of
// versions and flags.
func applyMarkerGroup(m *revision.Marker, inner string) bool {
	parts := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == '/' })
	if len(parts) == 0 {
		return false
	}
	next := *m
	next.Flags = append([]string(nil), m.Flags...)
	for _, p := range parts {
		p = strings.TrimSpace(p)
		up := strings.ToUpper(p)
		switch {
		case up == "LEAD":
			if next.Seq > 1 {
				continue // "(2nd LD) (LEAD)" keeps the higher version
			}
			next.Label, next.Seq = p, 1
		case isNthLD(p):
			num, _ := matchNthLD(p)
			n, _ := strconv.Atoi(num)
			if n >= next.Seq {
				next.Label, next.Seq = p, n
			}
		case knownFlags[up]:
			if !slices.Contains(next.Flags, up) {
				next.Flags = append(next.Flags, up)
			}
		default:
			return false
		}
	}
	*m = next
	return true
}

// isNthLD reports whether a marker part is a numbered version.
func isNthLD(p string) bool {
	_, ok := matchNthLD(p)
	return ok
}

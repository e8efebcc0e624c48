package ninjs

import (
	"strconv"
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// slugline is what an AP slugline says, read by revision/apwire as the
// TREC and ANPA-1312 readers read it, so that one story gives the same
// cycle, slug and version in every AP format: "BC-US--America
// Protests-Buffalo Police, 8th Ld-Writethru" is the cycle BC, the slug
// "US--America Protests-Buffalo Police" and the version as sent.
type slugline struct {
	cycle, slug string
	marker      revision.Marker
	partial     bool // a plain "Nth Ld", a Sub: a new top, not a whole story
	part        *revision.ItemPart
	refs        []string
	signals     []string
}

// isAPSlugline reports whether s opens with an AP news cycle and the
// keyword's dash ("BC-", "AM-"...), as AP sluglines do: an item that
// names no agency is read as AP's by its slugline.
func isAPSlugline(s string) bool {
	for _, c := range []string{"AM-", "PM-", "BC-", "AP-"} {
		if len(s) > len(c) && strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

// parseAPSlugline reads an AP slugline. keyword, when the item gives it
// (AP's altids.referenceid, the slug without cycle and version), wins
// over the slugline's, since it needs no reading.
func parseAPSlugline(s, keyword string) slugline {
	var out slugline
	sl, _, ok := apwire.ParseSlugline(s)
	if !ok {
		out.slug = strings.TrimSpace(s)
	} else {
		v := sl.Version
		out.cycle, out.slug, out.refs = sl.Cycle, sl.Slug, sl.Refs
		out.marker = revision.Marker{Label: v.Label, Seq: v.Ld, Flags: v.Flags}
		out.partial, out.part = v.Partial, v.Part
		if v.Corrective {
			out.signals = append(out.signals, revision.SignalCorrection)
		}
		if v.Kill {
			out.signals = append(out.signals, revision.SignalKill)
		}
		if v.Advisory {
			out.signals = append(out.signals, revision.SignalAdvisory)
		}
	}
	if keyword != "" {
		out.slug = keyword
	}
	return out
}

// ttSlug reads a TT slug, whose suffix "UV" (utvidgad, expanded) or
// "UV2", "UV3"... marks an expanded version of the story: the slug
// without it and the marker it makes ("UV", seq 1; "UV4", seq 4).
func ttSlug(s string) (string, revision.Marker) {
	i := strings.LastIndex(s, "UV")
	if i <= 0 {
		return s, revision.Marker{}
	}
	digits := s[i+2:]
	seq := 1
	if digits != "" {
		n, err := strconv.Atoi(digits)
		if err != nil || n <= 0 {
			return s, revision.Marker{}
		}
		seq = n
	}
	return s[:i], revision.Marker{Label: s[i:], Seq: seq}
}

package ninjs

import (
	"strconv"
	"strings"

	"lede/revision"
)

// slugline is what an agency's slugline says: AP writes
// "BC-US--America Protests-Buffalo Police, 8th Ld-Writethru", the news
// cycle, the keyword and, after the comma, the version as sent.
type slugline struct {
	cycle, slug string
	marker      revision.Marker
	partial     bool // a plain "Nth Ld": a new top, not a whole story
	correction  bool // the version says it corrects ("Correction", "Corrective")
}

// apCycles are the news cycles an AP slugline opens with. Today's AP also
// writes "AP-", which names no cycle: it is dropped as a prefix and the
// cycle left empty.
var apCycles = []string{"AM", "PM", "BC", "AP"}

// isAPSlugline reports whether s opens with an AP news cycle and the
// keyword's dash ("BC-", "AM-"...), as AP sluglines do: an item that
// names no agency is read as AP's by its slugline.
func isAPSlugline(s string) bool {
	for _, c := range apCycles {
		if len(s) > len(c)+1 && strings.HasPrefix(s, c+"-") {
			return true
		}
	}
	return false
}

// parseAPSlugline reads an AP slugline. keyword, when the item gives it
// (AP's altids.referenceid, the slug without cycle and version), wins
// over what the slugline's prefix leaves, since it needs no guessing.
func parseAPSlugline(s, keyword string) slugline {
	var out slugline
	head, label, _ := strings.Cut(s, ",")
	head, label = strings.TrimSpace(head), strings.TrimSpace(label)
	for _, c := range apCycles {
		if rest, ok := strings.CutPrefix(head, c+"-"); ok {
			head = rest
			if c != "AP" {
				out.cycle = c
			}
			break
		}
	}
	out.slug = head
	if keyword != "" {
		out.slug = keyword
	}
	if label != "" {
		out.marker.Label = label
		out.marker.Seq, out.partial = ldNumber(label)
		low := strings.ToLower(label)
		out.correction = strings.Contains(low, "correct")
	}
	return out
}

// ldNumber reads the Ld number of an AP version label ("8th Ld-Writethru"
// is 8, "1st Ld" is 1) and whether it is a plain Ld, a new top that picks
// up the previous version rather than a whole text. A label without an
// ordinal Ld ("Writethru", "Sub") gives 0.
func ldNumber(label string) (int, bool) {
	f := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == ' ' })
	for i, w := range f {
		if !strings.EqualFold(w, "Ld") || i == 0 {
			continue
		}
		n := ordinal(f[i-1])
		if n == 0 {
			return 0, false
		}
		writethru := i+1 < len(f) && strings.EqualFold(f[i+1], "Writethru")
		return n, !writethru
	}
	return 0, false
}

// ordinal reads "1st", "2nd", "3rd", "8th" as a number, 0 otherwise.
func ordinal(w string) int {
	if len(w) < 3 {
		return 0
	}
	n, err := strconv.Atoi(w[:len(w)-2])
	if err != nil || n <= 0 || n > 999 {
		return 0
	}
	switch strings.ToLower(w[len(w)-2:]) {
	case "st", "nd", "rd", "th":
		return n
	}
	return 0
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

// Package apwire reads what every AP wire format shares, whatever carries
// it: the slug line ("AM-Guatemala-Shipwreck, 2nd Ld-Writethru, a0595,0346"),
// the keyword line of the transmission header, the version words (Ld,
// Writethru, Sub, takes and adds, Adv, CORRECTIVE, kills and advisories),
// the Eds: note, the other heads and the time stamps. revision/aptrec (TREC
// SGML) and revision/anpa (ANPA-1312) both read AP copy through it, so the
// two formats give one story the same slug, key and version.
package apwire

import (
	"strconv"
	"strings"

	"lede/revision"
)

// Version is what an item's version words say about it.
type Version struct {
	// Label is the main version in AP's usual spelling ("2nd
	// Ld-Writethru", "1st Ld", "Sub", "Bjt", "Adv05", "2 Takes", "1st
	// Add", "Advisory", "Kill"), "" for a first version.
	Label string
	// Ld is the lead number (2 for "2nd Ld-Writethru"), 0 for none.
	Ld int
	// Writethru is true when the item is a whole new text.
	Writethru bool
	// Partial is true for a new top with a pick-up: a plain "Nth Ld", a
	// "Sub" or an "Insert".
	Partial bool
	// Part places a take or an add among the parts of one version.
	Part *revision.ItemPart
	// Adv is the day of release of an advance ("05" for Adv05), "".
	Adv string
	// Flags are the other words: "CORRECTIVE", "URGENT", "ABRIDGED".
	Flags []string
	// Corrective, Advisory and Kill say what the item does.
	Corrective, Advisory, Kill bool
}

// Version words, matched case-insensitively and with the spacing AP's
// operators used ("2nd Ld - Writethru", "2ndLd-Writethru", "2nd-ld
// writethru", "1stld-writethru").
var (
	ldRe    = revision.LazyRegexp(`(?i)^(\d{1,2})\s*(?:st|nd|rd|th)\s*-?\s*ld\b\s*(?:-?\s*(write\s*-?\s*thru))?`)
	addRe   = revision.LazyRegexp(`(?i)^(\d{1,2})\s*(?:st|nd|rd|th)\s*-?\s*(add|take|insert)\b`)
	takesRe = revision.LazyRegexp(`(?i)^(\d{1,2})\s*-?\s*takes\b`)
	advRe   = revision.LazyRegexp(`(?i)^adv\s*-?\s*(\d{1,2})\b`)
	wordRe  = revision.LazyRegexp(`(?i)^(writethru|sub|bjt|advisory|corrective|correction|kill(?:\s+advisory)?|withdrawal|withhold|elimination|urgent|bulletin|abridged|insert|add)\b`)
)

// ParseVersion reads version words such as "2nd Ld-Writethru", "CORRECTIVE
// 1st Ld-Writethru" or "Adv 05". ok is false when text holds words that
// are not version words; what it read up to them is still returned.
func ParseVersion(text string) (v Version, ok bool) {
	s := strings.Trim(text, " ,-_")
	for s != "" {
		n := v.word(s)
		if n == 0 {
			return v, false
		}
		s = strings.TrimLeft(s[n:], " ,-_;")
	}
	return v, true
}

// IsVersion reports whether text consists of version words only.
func IsVersion(text string) bool {
	_, ok := ParseVersion(text)
	return ok && strings.Trim(text, " ,-_") != ""
}

// word reads one version word at the start of s into v and returns its
// length, 0 when s does not start with one.
func (v *Version) word(s string) int {
	if m := ldRe.FindStringSubmatch(s); m != nil {
		v.Ld, _ = strconv.Atoi(m[1])
		v.Writethru = v.Writethru || m[2] != ""
		v.setLabel(ordinal(v.Ld) + " Ld")
		if v.Writethru {
			v.Label = ordinal(v.Ld) + " Ld-Writethru"
		}
		v.Partial = !v.Writethru
		return len(m[0])
	}
	if m := addRe.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		kind := strings.ToLower(m[2])
		if kind == "insert" {
			v.setLabel(ordinal(n) + " Insert")
			v.Partial = true
			return len(m[0])
		}
		v.Part = &revision.ItemPart{Kind: kind, N: n}
		v.setLabel(ordinal(n) + " " + strings.ToUpper(kind[:1]) + kind[1:])
		return len(m[0])
	}
	if m := takesRe.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		v.Part = &revision.ItemPart{Kind: "take", N: 1, Of: n}
		v.setLabel(m[1] + " Takes")
		return len(m[0])
	}
	if m := advRe.FindStringSubmatch(s); m != nil {
		v.Adv = m[1]
		if len(v.Adv) == 1 {
			v.Adv = "0" + v.Adv
		}
		v.setLabel("Adv" + v.Adv)
		return len(m[0])
	}
	if m := wordRe.FindString(s); m != "" {
		v.named(strings.ToLower(strings.Join(strings.Fields(m), " ")), m)
		return len(m)
	}
	return 0
}

// named records a version word that is not numbered.
func (v *Version) named(w, asSent string) {
	switch w {
	case "writethru":
		v.Writethru, v.Partial = true, false
		if v.Ld > 0 {
			v.Label = ordinal(v.Ld) + " Ld-Writethru"
		} else {
			v.setLabel("Writethru")
		}
	case "sub", "insert":
		v.setLabel(strings.ToUpper(w[:1]) + w[1:])
		v.Partial = true
	case "bjt":
		v.setLabel("Bjt")
	case "add":
		v.setLabel("Add")
		v.Part = &revision.ItemPart{Kind: "add"}
	case "advisory":
		v.setLabel("Advisory")
		v.Advisory = true
	case "corrective", "correction":
		v.Corrective = true
		v.Flags = append(v.Flags, strings.ToUpper(asSent))
	case "kill", "kill advisory", "withdrawal", "withhold", "elimination":
		v.setLabel(strings.ToUpper(w[:1]) + w[1:])
		v.Kill, v.Advisory = true, true
	default: // urgent, bulletin, abridged
		v.Flags = append(v.Flags, strings.ToUpper(w))
	}
}

// setLabel keeps the first main version word as the label: in
// "1st Ld-Writethru, Sub" the lead is the version, the rest says how.
func (v *Version) setLabel(l string) {
	if v.Label == "" {
		v.Label = l
	}
}

// ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th".
func ordinal(n int) string { return revision.Ordinal(n) }

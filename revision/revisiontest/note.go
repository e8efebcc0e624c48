package revisiontest

import (
	"strconv"
	"strings"
)

// note writes the (ATTN: ...) text announcing o in Yonhap's grammar,
// "VERB object[, object...][; VERB ...]": headline and lead first, then
// updated and added paragraphs, trims, moves and photos, as real notes
// order them ("CHANGES headline, lead; UPDATES figures in paras 2, 5;
// ADDS more info in last 3 paras, photo").
func (s *story) note(o *outcome) string {
	r := s.r
	var parts, adds []string
	oneOf := func(options ...string) string { return options[r.IntN(len(options))] }
	headLast := o.head && !o.lead && r.IntN(2) == 0
	switch {
	case o.head && o.lead:
		parts = append(parts, oneOf("CHANGES headline, lead", "RECASTS headline, lead", "CHANGES headline and lead"))
	case o.lead:
		parts = append(parts, oneOf("RECASTS lead", "CHANGES lead", "REWRITES lead"))
	case o.head && !headLast:
		parts = append(parts, oneOf("CHANGES headline", "REWRITES headline"))
	}
	touched := len(o.changed) + len(o.added)
	switch {
	case touched > 0 && (o.through || touched*5 >= o.paras*3):
		if len(o.changed) == 0 {
			parts = append(parts, "ADDS more info throughout")
		} else {
			parts = append(parts, oneOf("UPDATES throughout", "UPDATES with latest info throughout", "UPDATES with more details throughout"))
		}
	default:
		if len(o.changed) > 0 {
			parts = append(parts, "UPDATES "+s.changePhrase(o.changed))
		}
		if len(o.added) > 0 {
			adds = append(adds, s.addPhrase(o.added, o.paras))
		}
	}
	if o.byline {
		adds = append(adds, "byline")
	}
	if o.photo == 1 {
		adds = append(adds, oneOf("photo", "photo", "top photo"))
	}
	if len(adds) > 0 {
		parts = append(parts, "ADDS "+strings.Join(adds, ", "))
	}
	if len(o.deleted) > 0 {
		parts = append(parts, oneOf("TRIMS", "DELETES "+s.paraList(o.deleted), "REMOVES "+s.paraList(o.deleted)))
	}
	if o.move[0] != 0 {
		parts = append(parts, oneOf("RESTRUCTURES", "MOVES para "+strconv.Itoa(o.move[0])+" up"))
	}
	if o.photo == 2 {
		parts = append(parts, oneOf("CHANGES photo", "CHANGES image"))
	}
	if headLast {
		parts = append(parts, "CHANGES headline")
	}
	return strings.Join(parts, "; ")
}

// changePhrase is the object of UPDATES for changed paragraphs.
func (s *story) changePhrase(ps []int) string {
	if ps[0] == 1 {
		if len(ps) == 1 {
			return "lead"
		}
		// "lead, 5th para" would read as one object: keep "para 5".
		return "lead, " + paraNumbers(ps[1:])
	}
	heads := [...]string{"with details in ", "figures in ", "with fresh data in ", "with more details in "}
	return heads[s.r.IntN(len(heads))] + s.paraList(ps)
}

// addPhrase is the object of ADDS for added paragraphs of a version of n
// paragraphs: "more info in paras 5-7", "details in last 3 paras", "new
// info from para 12".
func (s *story) addPhrase(ps []int, n int) string {
	nouns := [...]string{"more info", "more details", "details", "new info", "background"}
	noun := nouns[s.r.IntN(len(nouns))]
	tail := ps[len(ps)-1] == n && ps[len(ps)-1]-ps[0] == len(ps)-1
	switch k := s.r.IntN(100); {
	case tail && k < 35 && len(ps) == 1:
		return noun + " in last para"
	case tail && k < 35:
		return noun + " in last " + strconv.Itoa(len(ps)) + " paras"
	case tail && k < 60:
		return noun + " from para " + strconv.Itoa(ps[0])
	}
	return noun + " in " + s.paraList(ps)
}

// paraList writes paragraph numbers the way notes do: "para 5", "5th
// para", "paras 5-7", "paras 2, 7, 9-11".
func (s *story) paraList(ps []int) string {
	if len(ps) == 1 && s.r.IntN(100) < 40 {
		return ordinal(ps[0]) + " para"
	}
	return paraNumbers(ps)
}

// paraNumbers writes "para 5" or "paras 2, 7, 9-11".
func paraNumbers(ps []int) string {
	if len(ps) == 1 {
		return "para " + strconv.Itoa(ps[0])
	}
	var b strings.Builder
	b.WriteString("paras ")
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(ps[i]))
		if j > i {
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(ps[j]))
		}
		i = j + 1
	}
	return b.String()
}

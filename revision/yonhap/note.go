package yonhap

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
)

// noteText returns the inner text of a note line and whether line is one.
func noteText(line string) (string, bool) {
	// strings.HasPrefix(strings.ToUpper(line), "(ATT") without the copy
	// of every line: no character but a and t upper-cases to A or T.
	if len(line) < 4 || line[0] != '(' || line[1]|0x20 != 'a' || line[2]|0x20 != 't' || line[3]|0x20 != 't' {
		return "", false
	}
	return matchNoteLine(line)
}

// lowerVerbs are verbs that notes also write in lower case inside a list,
// as in "RECASTS headline, dateline, updates in para 1, 4".
var lowerVerbs = map[string]bool{
	"adds": true, "updates": true, "recasts": true, "changes": true,
	"corrects": true, "replaces": true, "removes": true, "trims": true,
	"rewrites": true, "deletes": true, "clarifies": true, "restructures": true,
	"expands": true, "fixes": true, "inserts": true, "moves": true,
}

// ParseNote reads the inner text of an editor's note,
// "VERB object[, object...][; VERB ...]", into actions, one per object.
// A clause without its own verb continues the previous verb ("UPDATES with
// arrival; latest developments"). Paragraph lists such as "paras 2, 5,
// 13-16" stay one object even though they contain commas.
//
// Real notes are a line long; a "note" over maxNote bytes is read only up
// to its last clause within that size, so junk input costs little.
func ParseNote(note string) []revision.Action {
	if len(note) > maxNote {
		note = note[:maxNote]
		if i := strings.LastIndexByte(note, ';'); i > 0 {
			note = note[:i]
		}
	}
	var out []revision.Action
	verb := ""
	for _, clause := range strings.Split(note, ";") {
		clause = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(clause), "."))
		if clause == "" {
			continue
		}
		if v, rest, ok := leadingVerb(clause); ok {
			verb, clause = v, rest
		}
		items := splitObjects(clause)
		if len(items) == 0 {
			out = append(out, newAction(verb, ""))
			continue
		}
		for _, it := range items {
			if v, rest, ok := leadingLowerVerb(it); ok {
				verb, it = v, rest
			}
			out = append(out, newAction(verb, it))
		}
	}
	return out
}

// leadingVerb splits an upper-case verb ("ADDS", "UPDATES") off a clause.
func leadingVerb(clause string) (verb, rest string, ok bool) {
	word, rest := firstWord(clause)
	if len(word) < 3 {
		return "", clause, false
	}
	for _, r := range word {
		if !unicode.IsUpper(r) {
			return "", clause, false
		}
	}
	return word, rest, true
}

func leadingLowerVerb(item string) (verb, rest string, ok bool) {
	word, rest := firstWord(item)
	if !lowerVerbs[word] {
		return "", item, false
	}
	return strings.ToUpper(word), rest, true
}

func firstWord(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// splitObjects splits a clause's objects on commas, keeping a paragraph
// list together: an item that starts with a digit continues the previous
// one. "headline and lead" splits in two when both halves name a part of
// the story.
func splitObjects(clause string) []string {
	var groups [][]string
	for _, raw := range strings.Split(clause, ",") {
		it := strings.TrimSpace(raw)
		if it == "" {
			continue
		}
		if n := len(groups); n > 0 && it[0] >= '0' && it[0] <= '9' {
			groups[n-1] = append(groups[n-1], it)
			continue
		}
		groups = append(groups, []string{it})
	}
	var out []string
	for _, g := range groups {
		it := strings.Join(g, ", ")
		if l, r, ok := strings.Cut(it, " and "); ok && isPartName(l) && isPartName(r) {
			out = append(out, strings.TrimSpace(l), strings.TrimSpace(r))
			continue
		}
		out = append(out, it)
	}
	return out
}

func isPartName(s string) bool {
	t, _ := classify(strings.TrimSpace(s))
	return t != revision.TargetBody && t != revision.TargetParas
}

func newAction(verb, object string) revision.Action {
	a := revision.Action{Verb: verb, Object: object, Paras: []int{}}
	a.Target, a.Paras = classify(object)
	a.From, a.Last = fromPara(object), lastParas(object)
	if a.Target == revision.TargetBody && (a.From > 0 || a.Last > 0) {
		a.Target = revision.TargetParas
	}
	return a
}

// notePattern is a (?i) pattern of note objects, compiled on first use
// and tried only on text that holds, for each list in needs, one of its
// literals (under the same case folding): every match of the pattern
// does, and most objects of most notes do not.
type notePattern struct {
	re    func() *regexp.Regexp
	needs [][]string
}

func newNotePattern(pattern string, needs ...[]string) notePattern {
	return notePattern{re: lazyRE(pattern), needs: needs}
}

// may reports whether s passes the quick test.
func (p notePattern) may(s string) bool {
	for _, alts := range p.needs {
		if !slices.ContainsFunc(alts, func(lit string) bool { return containsFold(s, lit) }) {
			return false
		}
	}
	return true
}

func (p notePattern) MatchString(s string) bool {
	return p.may(s) && p.re().MatchString(s)
}

func (p notePattern) FindStringSubmatch(s string) []string {
	if !p.may(s) {
		return nil
	}
	return p.re().FindStringSubmatch(s)
}

func (p notePattern) FindAllStringSubmatch(s string, n int) [][]string {
	if !p.may(s) {
		return nil
	}
	return p.re().FindAllStringSubmatch(s, n)
}

func (p notePattern) ReplaceAllString(s, repl string) string {
	if !p.may(s) {
		return s
	}
	return p.re().ReplaceAllString(s, repl)
}

// words are the words or phrases that name one part of a story in a note
// object, such as "photo" or "photos".
type words []string

// in reports whether s names one of the words, as (?i)\b(?:w1|w2|...)\b
// would match it: whole words, in any case.
func (ws words) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if !wordBoundary(s, i) {
			continue
		}
		for _, w := range ws {
			if c := rune(s[i]); c < utf8.RuneSelf && w[0] < utf8.RuneSelf && !foldEq(c, rune(w[0])) {
				continue // an ASCII byte that cannot start w
			}
			if n, ok := foldPrefix(s[i:], w); ok && wordBoundary(s, i+n) {
				return true
			}
		}
	}
	return false
}

// wordBoundary is \b at byte i of s: a word character on one side only.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}

var (
	headlineWords   = words{"headline", "headlines"}
	bylineWords     = words{"byline", "bylines"}
	datelineWords   = words{"dateline", "datelines"}
	slugWords       = words{"slug"}
	photoWords      = words{"photo", "photos", "image", "images", "picture", "pictures", "graphic", "graphics", "video", "videos", "photograph", "photographs"}
	throughoutWords = words{"throughout"}
	leadWords       = words{"lead", "intro", "top para", "top paragraph"}
)

// classify names the part of the story an object refers to and any
// explicit paragraph numbers in it. Objects naming nothing specific
// ("more info", "latest developments") are TargetBody.
func classify(obj string) (revision.Target, []int) {
	paras := explicitParas(obj)
	switch {
	case headlineWords.in(obj):
		return revision.TargetHeadline, paras
	case bylineWords.in(obj):
		return revision.TargetByline, paras
	case datelineWords.in(obj):
		return revision.TargetDateline, paras
	case slugWords.in(obj):
		return revision.TargetSlug, paras
	case photoWords.in(obj):
		return revision.TargetPhoto, paras
	case len(paras) > 0:
		return revision.TargetParas, paras
	case throughoutWords.in(obj):
		return revision.TargetThroughout, paras
	case leadWords.in(obj):
		return revision.TargetLead, []int{1}
	}
	return revision.TargetBody, paras
}

const numWord = `\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`
const ordWord = `\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth`

// paraWord is in every paragraph reference; every ordinal ends in one of
// ordinalEnds.
var paraWord, ordinalEnds = []string{"para"}, []string{"st", "nd", "rd", "th"}

var (
	// "paras 2, 5, 10, 13-16", "para 1, 4", "paras 7 and 8"
	reParaList = newNotePattern(`(?i)\bpara(?:graph)?s?\s+(\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*(?:,|and|&)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*)`, paraWord)
	// "5th para", "10th and 11th paras", "second para"
	reOrdinalPara = newNotePattern(`(?i)\b((?:`+ordWord+`)(?:\s*(?:,|and|&)\s*(?:`+ordWord+`))*)\s+para(?:graph)?s?\b`, paraWord, ordinalEnds)
	// "first 3 paras", "top two paras"
	reFirstN = newNotePattern(`(?i)\b(?:first|top)\s+(`+numWord+`)\s+para(?:graph)?s\b`, paraWord, []string{"first", "top"})
	// "from para 3", "from 5th para", "from the third paragraph"
	reFrom = newNotePattern(`(?i)\bfrom\s+(?:the\s+)?(?:para(?:graph)?\s+(\d{1,3})|(`+ordWord+`)\s+para(?:graph)?)\b`, paraWord, []string{"from"})
	// "last 3 paras", "last para"
	reLast = newNotePattern(`(?i)\blast\s+(?:(`+numWord+`)\s+)?para(?:graph)?s?\b`, paraWord, []string{"last"})
	reNum  = lazyRE(`\d{1,3}(?:\s*[-–]\s*\d{1,3})?`)
	reOrd  = lazyRE(`(?i)` + ordWord)
)

// maxNote bounds the part of a note that is parsed into actions.
const maxNote = 4096

// maxPara is the highest paragraph number a note can name; wire stories
// are far shorter, and larger numbers are typos or junk.
const maxPara = 999

// explicitParas returns the paragraph numbers an object names outright,
// ascending and without duplicates.
func explicitParas(obj string) []int {
	var out []int
	if reFrom.MatchString(obj) || reLast.MatchString(obj) {
		obj = reFrom.ReplaceAllString(obj, "")
		obj = reLast.ReplaceAllString(obj, "")
	}
	for _, m := range reParaList.FindAllStringSubmatch(obj, -1) {
		for _, n := range reNum().FindAllString(m[1], -1) {
			out = appendRange(out, n)
		}
	}
	for _, m := range reOrdinalPara.FindAllStringSubmatch(obj, -1) {
		for _, w := range reOrd().FindAllString(m[1], -1) {
			if n := number(w); n > 0 {
				out = append(out, n)
			}
		}
	}
	if m := reFirstN.FindStringSubmatch(obj); m != nil {
		for p := 1; p <= number(m[1]); p++ {
			out = append(out, p)
		}
	}
	return sortedUnique(out)
}

// sortedUnique orders paragraph numbers, drops duplicates and numbers
// outside 1..maxPara; it never returns nil. Most objects name no
// paragraph, and the few that do name a handful: sorting them beats
// walking a table of every number (7% of parsing a page).
func sortedUnique(ps []int) []int {
	out := make([]int, 0, len(ps))
	for _, p := range ps {
		if p >= 1 && p <= maxPara {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func fromPara(obj string) int {
	m := reFrom.FindStringSubmatch(obj)
	if m == nil {
		return 0
	}
	if m[1] != "" {
		return number(m[1])
	}
	return number(m[2])
}

func lastParas(obj string) int {
	m := reLast.FindStringSubmatch(obj)
	if m == nil {
		return 0
	}
	if m[1] == "" {
		return 1
	}
	return number(m[1])
}

// appendRange appends "7" or "9-11" expanded; ranges longer than 200 or
// reaching past maxPara are treated as typos and kept as their ends only.
func appendRange(out []int, s string) []int {
	lo, hi, ok := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	a := number(strings.TrimSpace(lo))
	if !ok {
		return append(out, a)
	}
	b := number(strings.TrimSpace(hi))
	if b < a || b-a > 200 || b > maxPara {
		return append(out, a, b)
	}
	for p := a; p <= b; p++ {
		out = append(out, p)
	}
	return out
}

var wordNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}

// number reads "3", "3rd" or "third".
func number(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, ok := wordNumbers[s]; ok {
		return n
	}
	s = strings.TrimRight(s, "stndrh")
	n, _ := strconv.Atoi(s)
	return n
}

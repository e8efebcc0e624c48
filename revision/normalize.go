package revision

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// headlineVariants rewrite the many spellings of the same actor to one
// token before words are split: "N. Korea", "N.K.", "North Korean",
// "Pyongyang" all become "nkorea"; "S. Korea", "South Korean", "Seoul"
// become "skorea"; "U.S." and "United States" become "us". The order
// matters: longer forms first. Each pattern names a literal its matches
// must contain, so that most headlines skip most patterns; the patterns
// are compiled on first use, not when a program that never groups starts.
var headlineVariants = sync.OnceValue(func() []variant {
	vs := []struct{ re, need, with string }{
		{`\bn\.\s?k\.(?:'s)?`, "k.", " nkorea "},
		{`\b(?:n\.\s?|north\s+)korea(?:n|ns|'s)?\b`, "korea", " nkorea "},
		{`\bpyongyang(?:'s)?\b`, "pyongyang", " nkorea "},
		{`\bs\.\s?k\.(?:'s)?`, "k.", " skorea "},
		{`\b(?:s\.\s?|south\s+)korea(?:n|ns|'s)?\b`, "korea", " skorea "},
		{`\bseoul(?:'s)?\b`, "seoul", " skorea "},
		{`\bu\.\s?s\.(?:'s)?`, "s.", " us "},
		{`\bunited\s+states(?:'s)?\b`, "states", " us "},
		{`\bgov't\b`, "gov't", " government "},
		{`\bint'l\b`, "int'l", " international "},
		{`\bpct\b`, "pct", " percent "},
		{`\bmln\b`, "mln", " million "},
		{`\bbln\b`, "bln", " billion "},
		{`\bfm\b`, "fm", " foreign minister "},
		{`\bkorean\b`, "korean", " korea "},
	}
	out := make([]variant, len(vs))
	for i, v := range vs {
		out[i] = variant{regexp.MustCompile(v.re), v.need, v.with}
	}
	return out
})

// variant is one rewrite of headlineVariants.
type variant struct {
	re   *regexp.Regexp
	need string // a literal every match contains
	with string
}

// stopWords carry no topic: articles, prepositions, reporting verbs and
// the words every update headline shares ("more", "new").
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "and": true, "or": true, "by": true, "from": true,
	"as": true, "amid": true, "over": true, "after": true, "before": true, "about": true,
	"into": true, "its": true, "it": true, "is": true, "are": true, "be": true, "was": true,
	"were": true, "will": true, "would": true, "says": true, "say": true, "said": true,
	"than": true, "this": true, "that": true, "his": true, "her": true, "their": true,
	"new": true, "more": true, "s": true, "via": true, "not": true, "no": true, "up": true,
	"out": true, "off": true, "but": true, "all": true, "report": true, "reports": true,
	"official": true, "officials": true, "source": true, "sources": true,
}

// headlineQuotes reads curly quotes as HeadlineWords compares them. Made
// once: a replacer built for every headline was a fifth of the time
// HeadlineWords took.
var headlineQuotes = strings.NewReplacer("’", "'", "‘", "'", "“", " ", "”", " ")

// HeadlineWords normalises a headline (markers already removed) for
// comparison: case folded, actor variants unified, quotes, punctuation and
// stop words dropped, plurals reduced. The result is sorted and unique.
func HeadlineWords(h string) []string {
	s := strings.ToLower(h)
	s = headlineQuotes.Replace(s)
	for _, v := range headlineVariants() {
		if strings.Contains(s, v.need) {
			s = v.re.ReplaceAllString(s, v.with)
		}
	}
	s = strings.ReplaceAll(s, "'s ", " ")
	seen := make(map[string]bool)
	var out []string
	for _, w := range asciiWords(s) {
		if stopWords[w] {
			continue
		}
		w = stem(w)
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// asciiWords splits s into its runs of ASCII lower-case letters and
// digits; everything else separates words.
func asciiWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

// stem reduces the inflections headlines vary most, plurals and the
// "-ed"/"-ing" of the same verb, to one form: "fires", "fired", "firing"
// and "fire" all become "fir". The stems are for comparing, not reading.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// Dice is the Dice coefficient of two sorted word sets: 2|A∩B|/(|A|+|B|).
func Dice(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	i, j, common := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// HeadlineDice is Dice for headline words, where figures change from one
// version to the next ("death toll now at 18", then "at 21"): a number
// counts only when both headlines have it, so a shared figure is
// evidence and a changed one is neither for nor against.
func HeadlineDice(a, b []string) float64 {
	i, j, common, n := 0, 0, 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			if !isNumber(a[i]) {
				n++
			}
			i++
		case i == len(a) || b[j] < a[i]:
			if !isNumber(b[j]) {
				n++
			}
			j++
		default:
			common++
			n += 2
			i++
			j++
		}
	}
	if n == 0 {
		return 0
	}
	return 2 * float64(common) / float64(n)
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// commonNames are capitalised words too frequent on the wire to tell
// stories apart: the two Koreas and their capitals, weekdays, months,
// titles and the agency itself.
var commonNames = map[string]bool{
	"korea": true, "korean": true, "koreans": true, "south": true, "north": true, "seoul": true,
	"pyongyang": true, "yonhap": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "president": true,
	"minister": true, "ministry": true, "government": true, "gov't": true, "the": true,
	"a": true, "an": true, "in": true, "on": true, "at": true, "of": true, "and": true,
	"u.s": true, "us": true, "s": true, "n": true, "k": true, "by": true, "as": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "but": true,
}

// Names lists the distinctive capitalised words of a text, lower-cased,
// sorted and unique: words that start with a capital letter and do not
// open a sentence, without the names every story shares.
func Names(text string) []string {
	seen := map[string]bool{}
	var out []string
	opener := true
	for _, w := range strings.Fields(text) {
		core := strings.Trim(w, `"'“”‘’(),:;.!?`)
		isName := core != "" && core[0] >= 'A' && core[0] <= 'Z'
		key := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(core, "'s"), "’s"))
		if isName && !opener && !commonNames[key] && !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
		opener = strings.HasSuffix(w, ".") && !strings.Contains(core, ".") || strings.HasSuffix(w, "--")
	}
	sort.Strings(out)
	return out
}

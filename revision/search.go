package revision

import (
	"slices"
	"strings"
	"unicode"
)

// Search matches stories the way they are written: the spellings of one
// actor that grouping unifies ("N. Korea", "N.K.", "North Korea",
// "Pyongyang"; "S. Korea", "Seoul"; "U.S.", "United States") are one
// search word, so a search for any of them finds them all. A text's
// search words are its runs of letters and digits, lower-cased, after
// those spellings are rewritten (headlineVariants), plus the words as
// written ("s", "korea" of "S. Korea"); "nkorea" and "skorea" also give
// "korea", so that a search for korea finds both Koreas.

// SearchQuery is what a search for q looks for: its words with the
// spellings unified, stop words left out, each to begin a search word of
// the text ("korea" finds "Koreas", "missile" finds "missiles"). A query
// of stop words alone keeps them. Nil for a query without letters or
// digits.
func SearchQuery(q string) []string {
	words := letterRuns(unifyVariants(strings.ToLower(q)))
	var out []string
	for _, w := range words {
		if !stopWords[w] && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return slices.Compact(words)
	}
	return out
}

// MatchesQuery reports whether every word of query (SearchQuery) begins
// one of words (SearchWords of a text).
func MatchesQuery(query, words []string) bool {
	for _, q := range query {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) }) {
			return false
		}
	}
	return len(query) > 0
}

// unifyVariants rewrites the actors' spellings of a lower-cased text to
// one word each, as HeadlineWords does before it splits.
func unifyVariants(s string) string {
	s = quoteFold.Replace(s)
	for _, v := range headlineVariants() {
		if strings.Contains(s, v.need) {
			s = v.re.ReplaceAllString(s, v.with)
		}
	}
	return s
}

// quoteFold reads typographic apostrophes as the typewriter's.
var quoteFold = strings.NewReplacer("’", "'", "‘", "'")

// letterRuns splits s into its runs of letters and digits.
func letterRuns(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

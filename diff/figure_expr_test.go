package diff

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// The figure expression, the specification matchFigure reads by hand.
var (
	// figurePattern is the expression, unanchored.
	figurePattern = `(?i)(?:` + numberFigure + `|` + wordFigure + `)`
	// numberFigure is a figure in digits, wordFigure one in words.
	numberFigure = `(?:US\$|[$€£¥₩])?\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?(?:-\d+(?:[.,]\d+)*)?(?:\s?%|\s` + units + `)?`
	wordFigure   = `\b(?:` + strings.Join(numberWordList, "|") + `)\s` + units
	// figureAt is the expression anchored, in its two alternatives tried
	// in order, which finds what the whole finds: nothing follows the
	// alternation, so its first alternative that matches gives the match.
	figureAt = [2]*regexp.Regexp{
		regexp.MustCompile(`^(?i:` + numberFigure + `)`),
		regexp.MustCompile(`^(?i:` + wordFigure + `)`),
	}
)

// units are the words a figure takes with it, up to two ("billion won").
const units = `(?:a\.m\.|p\.m\.|(?:percentage points?|percent|per cent|billion|million|trillion|thousand|hundred|won|dollars?|yen|yuan|euros?|km|kilometers?|miles?|meters?|kg|tons?|degrees?|years?|months?|weeks?|days?|hours?|minutes?|people|persons|dead|deaths?|killed|injured|wounded|missing|cases?|votes?|seats?|points?|times|hectopascals|kph|mph)\b)(?:\s(?:won|dollars|yen|yuan|euros|people|dead|deaths|cases)\b|\sper\s(?:hour|second|minute|day)\b)?`

// expressionAt is the figure the anchored expression finds at the start
// of s: its end, -1 for none.
func expressionAt(s string) int {
	for _, re := range figureAt {
		if m := re.FindStringIndex(s); m != nil {
			return m[1]
		}
	}
	return -1
}

// TestMatchFigureAsExpression: matchFigure finds what the expression
// finds at every place of the bundled paragraphs, windowed as
// figureSpans gives them and whole, at every place of hand-made texts
// that try each rule's edges, and on random strings of the characters
// the expression reads.
func TestMatchFigureAsExpression(t *testing.T) {
	texts := []string{
		"US$1.2 billion, us$5, Uſ$3, $ 5, €3, £4.50, ¥100 yen, ₩500 billion won",
		"1st, 2ND, 3rd place, 4Th, 5ſt, 10-12, 13-10 to 13-6, 1,234.5-6,7 cases, 12:30 p.m., 3 A.M.",
		"45%, 45 %, 45  %, 45\t%, 45\v%, 7 percentage points, 7 percentage point, 7 percentage pointsx",
		"5 percent, 5 per cent, 5 percentx, 5 per centime, 20 kilometers per hour, 20 km per second",
		"3 \u212am, 3 \u212ag, 3 ton\u017f dead, 3 Tons Dead, 3 days\u017f, 3 dayſ later, 4 cases, 4 casesx",
		"three dead, Three injured, one of the, dozens killed, dozen people, dozens, thousands missing",
		"hundreds of people, twelve votes, Eleven seats, ſix dead, six  dead, six\tdead, six\ndead",
		"2 won, 2 dollars won, 2 years people, 2 people per day, 2 people per  day, 2 times per hourx",
		"9 hectopascals, 80 kph, 50 mph, 3 a.m, 4 p.m.x, 5 a.m. won, 8 deaths cases, 8 death toll",
		"1.2.3, 1..2, 1,,2, 1-, 1-2-3, 1-2.5,6 %, 007, 0, 9_, 9th_, 12th century, 2020s, 1990s",
	}
	for _, a := range articles(t) {
		texts = append(texts, a...)
	}
	rng := rand.New(rand.NewSource(5))
	alphabet := []string{"0", "1", "9", ".", ",", ":", "-", "%", " ", "\t", "\v", "$", "€", "US", "u", "s",
		"\u017f", "\u212a", "k", "m", "a.m.", "p.m.", "st", "nd", "th", "per", "cent", "percent", "age",
		" point", "s", "dead", "death", "won", "dollar", "people", "day", "hour", "three", "dozen", "x", "_", "é"}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(12) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	places := 0
	for _, text := range texts {
		for p := range len(text) {
			for _, s := range []string{text[p:figureWindow(text, p)], text[p:]} {
				if got, want := matchFigure(s), expressionAt(s); got != want {
					t.Fatalf("matchFigure(%q) = %d, the expression finds %d", s, got, want)
				}
			}
			places++
		}
	}
	t.Logf("%d places of %d texts agree", places, len(texts))
}

// FuzzMatchFigureAsExpression: on any text, matchFigure finds what the
// anchored expression finds.
//
//	go test ./diff -run '^$' -fuzz FuzzMatchFigureAsExpression -fuzztime 60s
func FuzzMatchFigureAsExpression(f *testing.F) {
	for _, s := range []string{"US$1.2 billion won", "3 a.m.", "13-10 per hour", "thouſands dead",
		"5 \u212am", "45 %", "1st place", "dozens killed", "7 percentage points", "2,300.5-6 cases"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := matchFigure(s), expressionAt(s); got != want {
			t.Fatalf("matchFigure(%q) = %d, the expression finds %d", s, got, want)
		}
	})
}

package diff

import (
	"math/rand"
	"reflect"
	"regexp"
	"testing"
	"unicode/utf8"
)

// figureRE is figurePattern unanchored, searched across a whole text.
var figureRE = regexp.MustCompile(figurePattern)

// searchSpans is figureSpans as it was written first: the unanchored
// expression searched across the whole text. figureSpans must find
// exactly what it finds.
func searchSpans(text string) []span {
	var out []span
	for _, m := range figureRE.FindAllStringIndex(text, -1) {
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); m[0] > 0 && (isWordRune(r) || r == '-') {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[m[1]:]); m[1] < len(text) && isWordRune(r) {
			continue
		}
		out = append(out, span{m[0], m[1]})
	}
	return out
}

// TestFigureSpansAgreeWithSearch runs both on every paragraph of the
// bundled pages, hand-made edge cases and mutations of them.
func TestFigureSpansAgreeWithSearch(t *testing.T) {
	texts := []string{
		"The death toll rose to 21 dead, up from 18 dead at 3 a.m.",
		"G20 leaders met; COVID-19 cases rose 45% to 1,234 cases.",
		"BUS$5 and US$1.2 billion and €3 and ₩500 billion won",
		"three dead, Three injured, one of the, éone dead, _two dead",
		"13-10 to 13-6 in the 2nd half, 20 kilometers per hour",
		"", "5", "$", "US$", "one", "one dead",
		"THOUSANDS dead, Dozens injured, hundreds killed, oNe dead, us$5, Us$ 5",
		"twelvefold cases, thousandsx dead, ten-thousand cases, Nine years, ELEVEN votes",
		// Go's case folding: s is also the long s, k the Kelvin sign
		"Uſ$3 and uſ$ 4, thouſands dead, ſix dead, Six Killed, 5 Km, dozenſ killed, ſeven dead",
	}
	for _, a := range articles(t) {
		texts = append(texts, a...)
	}
	rng := rand.New(rand.NewSource(3))
	chars := []byte("0123456789$ .,:-%aUSonetdhO")
	for _, s := range texts[:len(texts):len(texts)] {
		for range 20 {
			b := []byte(s)
			for range 1 + rng.Intn(3) {
				if len(b) > 0 {
					b[rng.Intn(len(b))] = chars[rng.Intn(len(chars))]
				}
			}
			texts = append(texts, string(b))
		}
	}
	for _, s := range texts {
		if got, want := figureSpans(s), searchSpans(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("figureSpans(%q) = %v, the search finds %v", s, got, want)
		}
	}
	t.Logf("%d texts agree", len(texts))
}

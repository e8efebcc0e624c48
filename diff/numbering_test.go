package diff

import (
	"reflect"
	"strings"
	"testing"

	"lede/diff/difftest"
	"lede/revision"
)

// TestNumberSidesAsInTurn compares long texts with the sides' words
// numbered at once and in turn: the ids differ, the comparison must not.
// The texts are the 1 MB pair, the 1 MB text against an unrelated one,
// and a text against a half of it shuffled with unrelated paragraphs.
func TestNumberSidesAsInTurn(t *testing.T) {
	old, edited := bigPair(t)
	unrelated := difftest.Unrelated(old)
	var mixed []string
	for i, p := range old {
		if i%2 == 0 {
			mixed = append(mixed, p)
		} else {
			mixed = append(mixed, unrelated[i])
		}
	}
	size := len(strings.Join(old, "\n"))
	if size < parallelNumbering {
		t.Fatalf("the 1 MB text has %d bytes, below the %d numbered at once", size, parallelNumbering)
	}
	for _, c := range []struct {
		name     string
		old, new []string
	}{{"edited", old, edited}, {"unrelated", old, unrelated}, {"mixed", old, mixed}} {
		ro, rn := rev("h", "", c.old...), rev("h", "", c.new...)
		atOnce := Compare(ro, rn, Options{})
		inTurn := compareWithout(&parallelNumbering, ro, rn)
		if !sameResult(atOnce, inTurn) {
			t.Errorf("%s: the comparison differs with the sides numbered at once (summary %+v) and in turn (%+v)",
				c.name, atOnce.Summary, inTurn.Summary)
		}
	}
}

// compareWithout compares ro with rn with the size from which work is
// shared between cores (*from) set past any text, as on one core.
func compareWithout(from *int, ro, rn *revision.Revision) *Result {
	keep := *from
	*from = 1 << 62
	defer func() { *from = keep }()
	return Compare(ro, rn, Options{})
}

// sameResult reports whether two comparisons have the same entries and
// summary.
func sameResult(a, b *Result) bool {
	return reflect.DeepEqual(a.Paragraphs, b.Paragraphs) && reflect.DeepEqual(a.Summary, b.Summary)
}

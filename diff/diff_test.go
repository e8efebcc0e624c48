package diff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"lede/diff/difftest"
	"lede/revision"
)

// rebuild reconstructs both paragraph lists from a result's entries.
func rebuild(t testing.TB, ps []Para) (old, new []string) {
	t.Helper()
	oldParts, newParts := map[int]string{}, map[int]string{}
	maxOld, maxNew := 0, 0
	for _, p := range ps {
		if p.Old != nil {
			oldParts[*p.Old] += p.OldSide()
			maxOld = max(maxOld, *p.Old)
		}
		if p.New != nil {
			newParts[*p.New] += p.NewSide()
			maxNew = max(maxNew, *p.New)
		}
	}
	for i := 1; i <= maxOld; i++ {
		s, ok := oldParts[i]
		if !ok {
			t.Fatalf("old paragraph %d missing from the diff", i)
		}
		old = append(old, s)
	}
	for i := 1; i <= maxNew; i++ {
		s, ok := newParts[i]
		if !ok {
			t.Fatalf("new paragraph %d missing from the diff", i)
		}
		new = append(new, s)
	}
	return old, new
}

// assertLossless checks that the diff rebuilds both sides exactly and
// that every entry is consistent with its op.
func assertLossless(t testing.TB, a, b []string, ps []Para) {
	t.Helper()
	old, new := rebuild(t, ps)
	if !reflect.DeepEqual(old, nonEmpty(a)) {
		t.Fatalf("old side does not rebuild:\n got %q\nwant %q", old, a)
	}
	if !reflect.DeepEqual(new, nonEmpty(b)) {
		t.Fatalf("new side does not rebuild:\n got %q\nwant %q", new, b)
	}
	for _, p := range ps {
		switch p.Op {
		case OpInsert:
			if p.Old != nil || p.New == nil {
				t.Fatalf("insert with old %v new %v", p.Old, p.New)
			}
		case OpDelete:
			if p.New != nil || p.Old == nil {
				t.Fatalf("delete with old %v new %v", p.Old, p.New)
			}
		case OpEqual:
			// Only the partial paragraph of a cut-off page, equal as far
			// as it goes, needs words to rebuild both sides.
			if p.Words != nil && !p.Cut {
				t.Fatalf("equal paragraph with words")
			}
		}
		for _, w := range p.Words {
			if w.Op != OpEqual && w.Op != OpInsert && w.Op != OpDelete {
				t.Fatalf("word op %q", w.Op)
			}
		}
	}
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func rev(headline, byline string, paras ...string) *revision.Revision {
	return &revision.Revision{Headline: headline, Byline: byline, Paragraphs: paras, Complete: true}
}

// opsOf lists entry ops with their numbers, "change 2>2".
func opsOf(ps []Para) []string {
	var out []string
	for _, p := range ps {
		n := func(x *int) string {
			if x == nil {
				return "-"
			}
			return string(rune('0' + *x))
		}
		s := string(p.Op) + " " + n(p.Old) + ">" + n(p.New)
		if p.Split {
			s += " split"
		}
		if p.Merge {
			s += " merge"
		}
		out = append(out, s)
	}
	return out
}

var story = []string{
	"SEOUL, Feb. 2 (Yonhap) -- South Korea on Sunday reported three more cases of the novel coronavirus, bringing the total here to 15.",
	"The Korea Centers for Disease Control and Prevention said the 13th case involved a 28-year-old man who was brought back from Wuhan.",
	"The country's 14th case is a 40-year-old Chinese woman who is a family member of a Chinese tour guide diagnosed here Saturday.",
	"The 15th case is a 43-year-old South Korean man who was in Wuhan, the epicenter of the outbreak, and returned Jan. 20.",
	"The KCDC said it is tracking the movements of all new patients to determine where they were and whom they met.",
}

func with(base []string, edit func([]string) []string) []string {
	return edit(append([]string(nil), base...))
}

func TestHandMadeEdits(t *testing.T) {
	tests := []struct {
		name  string
		new   []string
		ops   []string
		words map[int]string // new para -> rendered words of that entry
	}{
		{"paragraphs added at the end", with(story, func(s []string) []string {
			return append(s, "Seoul said the virus has been reported in 26 countries.", "The death toll stands at 304.")
		}), []string{"equal 1>1", "equal 2>2", "equal 3>3", "equal 4>4", "equal 5>5", "insert ->6", "insert ->7"}, nil},
		{"paragraph added after the lead", with(story, func(s []string) []string {
			return append(s[:1], append([]string{"Health authorities raised the alert level to orange."}, s[1:]...)...)
		}), []string{"equal 1>1", "insert ->2", "equal 2>3", "equal 3>4", "equal 4>5", "equal 5>6"}, nil},
		{"number updated inside a sentence", with(story, func(s []string) []string {
			s[0] = strings.Replace(s[0], "to 15.", "to 16.", 1)
			return s
		}), []string{"change 1>1", "equal 2>2", "equal 3>3", "equal 4>4", "equal 5>5"},
			map[int]string{1: "...total here to [-15-]{+16+}."}},
		{"rewritten lead", with(story, func(s []string) []string {
			s[0] = "SEOUL, Feb. 2 (Yonhap) -- South Korea confirmed three more novel coronavirus infections on Sunday, raising its total to 15 amid fears of local transmission."
			return s
		}), []string{"change 1>1", "equal 2>2", "equal 3>3", "equal 4>4", "equal 5>5"}, nil},
		{"paragraph moved", with(story, func(s []string) []string {
			return []string{s[0], s[4], s[1], s[2], s[3]}
		}), []string{"equal 1>1", "move 5>2", "equal 2>3", "equal 3>4", "equal 4>5"}, nil},
		{"paragraph deleted", with(story, func(s []string) []string {
			return append(s[:2], s[3:]...)
		}), []string{"equal 1>1", "equal 2>2", "delete 3>-", "equal 4>3", "equal 5>4"}, nil},
		{"paragraph split in two", with(story, func(s []string) []string {
			return []string{s[0], "The Korea Centers for Disease Control and Prevention said the 13th case involved a 28-year-old man.", "He was brought back from Wuhan.", s[2], s[3], s[4]}
		}), []string{"equal 1>1", "change 2>2 split", "change 2>3 split", "equal 3>4", "equal 4>5", "equal 5>6"}, nil},
		{"paragraphs merged", with(story, func(s []string) []string {
			return []string{s[0], s[1], s[2] + " " + s[3], s[4]}
		}), []string{"equal 1>1", "equal 2>2", "change 3>3 merge", "change 4>3 merge", "equal 5>4"}, nil},
		{"unrelated paragraphs never paired", with(story, func(s []string) []string {
			s[3] = "Typhoon Bavi is expected to make landfall on Jeju Island next week with strong winds."
			return s
		}), []string{"equal 1>1", "equal 2>2", "equal 3>3", "delete 4>-", "insert ->4", "equal 5>5"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(rev("h", "", story...), rev("h", "", tc.new...), Options{})
			assertLossless(t, story, tc.new, r.Paragraphs)
			if got := opsOf(r.Paragraphs); !reflect.DeepEqual(got, tc.ops) {
				t.Errorf("ops = %v\nwant %v", got, tc.ops)
			}
			for n, want := range tc.words {
				for _, p := range r.Paragraphs {
					if p.New != nil && *p.New == n {
						if got := plainWords(p.Words); !strings.HasSuffix(got, strings.TrimPrefix(want, "...")) {
							t.Errorf("para %d words = %q, want ...%q", n, got, want)
						}
					}
				}
			}
		})
	}
}

// plainWords renders words with git's word-diff markers.
func plainWords(ws []Word) string {
	var b strings.Builder
	for _, w := range ws {
		switch w.Op {
		case OpInsert:
			b.WriteString("{+" + w.Text + "+}")
		case OpDelete:
			b.WriteString("[-" + w.Text + "-]")
		default:
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

func TestFieldsAndSummary(t *testing.T) {
	old := rev("S. Korea reports 3 more cases", "", story...)
	new := rev("S. Korea reports 4 more cases", "Kim Soo-yeon", with(story, func(s []string) []string {
		return append(s[1:], "Added at the end.")
	})...)
	r := Compare(old, new, Options{})
	if r.Headline.Op != OpChange || plainWords(r.Headline.Words) != "S. Korea reports [-3-]{+4+} more cases" {
		t.Errorf("headline: %+v %q", r.Headline, plainWords(r.Headline.Words))
	}
	if r.Byline.Op != OpInsert || r.Byline.New != "Kim Soo-yeon" {
		t.Errorf("byline: %+v", r.Byline)
	}
	want := Summary{Added: 1, Removed: 1, Headline: true, Byline: true}
	if !reflect.DeepEqual(r.Summary, want) {
		t.Errorf("summary %+v, want %+v", r.Summary, want)
	}
}

func TestWordsNoCharacterNoise(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"the toll rose to 12 on Sunday", "the toll rose to 14 on Sunday", "the toll rose to [-12-]{+14+} on Sunday"},
		{"surrendered 123.30 points, or 6.69 percent", "surrendered 133.56 points, or 7.25 percent", "surrendered [-123.30-]{+133.56+} points, or [-6.69-]{+7.25+} percent"},
		{"Kim Jong-un met Trump", "Kim Jong-un met Moon", "Kim Jong-un met [-Trump-]{+Moon+}"},
	}
	for _, tc := range tests {
		if got := plainWords(Words(tc.old, tc.new)); got != tc.want {
			t.Errorf("Words(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

func TestBoundedOnHugeUnrelatedInput(t *testing.T) {
	var a, b []string
	for i := 0; i < 5000; i++ {
		a = append(a, strings.Repeat("alpha beta gamma ", 12)+string(rune('a'+i%26))+" old "+strings.Repeat("x", i%7))
		b = append(b, strings.Repeat("delta epsilon zeta ", 12)+string(rune('a'+i%26))+" new "+strings.Repeat("y", i%5))
	}
	start := time.Now()
	r := Compare(rev("", "", a...), rev("", "", b...), Options{Budget: 2 * time.Second})
	assertLossless(t, a, b, r.Paragraphs)
	if r.Summary.Added != 5000 || r.Summary.Removed != 5000 {
		t.Errorf("summary %+v, want 5000 added and removed", r.Summary)
	}
	t.Logf("two unrelated %d KB texts compared in %s", len(strings.Join(a, ""))/1024, time.Since(start))
}

// BenchmarkCompareTypical diffs the real consecutive versions of the
// corpus, typical updates of 5-25 paragraphs.
func BenchmarkCompareTypical(b *testing.B) {
	pairs := corpusPairs(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		Compare(p[0], p[1], Options{})
	}
}

// bigPair is the 1 MB pair of difftest.BigPair, from the corpus's
// paragraphs.
func bigPair(b testing.TB) (old, new []string) {
	var pool []string
	for _, a := range articles(b) {
		pool = append(pool, a...)
	}
	return difftest.BigPair(pool, 1<<20)
}

// TestEdited1MBPair: a text of about 5,400 paragraphs is paired like a
// short one. Every edited paragraph is a change (not a deletion and an
// insertion), every removed one a deletion, every added one an insertion.
func TestEdited1MBPair(t *testing.T) {
	old, new := bigPair(t)
	r := Compare(rev("h", "", old...), rev("h", "", new...), Options{Budget: time.Minute})
	assertLossless(t, old, new, r.Paragraphs)
	if got, want := counted(r.Summary), bigPairSummary(old); got != want {
		t.Errorf("summary %+v, want %+v", got, want)
	}
}

// bigPairSummary is what bigPair did to old.
func bigPairSummary(old []string) [4]int {
	added, removed, changed := difftest.Counts(len(old))
	return [4]int{added, removed, changed, 0}
}

// counted is a summary's paragraph counts alone.
func counted(s Summary) [4]int { return [4]int{s.Added, s.Removed, s.Changed, s.Moved} }

// BenchmarkCompare1MB diffs the 1 MB pair through the whole pairing
// path, and fails unless it finds every edit bigPair made.
func BenchmarkCompare1MB(b *testing.B) {
	old, new := bigPair(b)
	ro, rn := rev("h", "", old...), rev("h", "", new...)
	want := bigPairSummary(old)
	b.SetBytes(int64(len(strings.Join(old, "\n"))))
	b.ResetTimer()
	for b.Loop() {
		if got := counted(Compare(ro, rn, Options{}).Summary); got != want {
			b.Fatalf("summary %+v, want %+v", got, want)
		}
	}
}

// BenchmarkCompareUnrelated1MB diffs two unrelated texts of about 1 MB:
// nothing pairs, and the time must stay bounded.
func BenchmarkCompareUnrelated1MB(b *testing.B) {
	old, _ := bigPair(b)
	ro, rn := rev("h", "", old...), rev("k", "", difftest.Unrelated(old)...)
	b.SetBytes(int64(len(strings.Join(old, "\n"))))
	b.ResetTimer()
	for b.Loop() {
		Compare(ro, rn, Options{})
	}
}

// TestCutOffPages: what lies beyond the end of a cut-off page is neither
// deleted nor added, and the note is not blamed for it.
func TestCutOffPages(t *testing.T) {
	full := rev("h", "", story...)
	cut := rev("h", "", story[:3]...)
	cut.Complete = false
	r := Compare(full, cut, Options{})
	assertLossless(t, story, story[:3], r.Paragraphs)
	if r.Summary.Removed != 0 || len(r.Unannounced) != 0 {
		t.Errorf("newer page cut off: summary %+v, unannounced %v", r.Summary, r.Unannounced)
	}
	var cuts int
	for _, p := range r.Paragraphs {
		if p.Cut {
			cuts++
			if p.Op != OpDelete {
				t.Errorf("cut entry %+v, want a delete", p)
			}
		}
	}
	if cuts != 2 {
		t.Errorf("%d cut entries, want 2", cuts)
	}
	// A complete newer page that really drops paragraphs still says so.
	if r := Compare(full, rev("h", "", story[:3]...), Options{}); r.Summary.Removed != 2 {
		t.Errorf("complete page: summary %+v, want 2 removed", r.Summary)
	}
	// New paragraphs high up push old ones past the cut: those after the
	// last old paragraph the cut page shows are not deleted; one missing
	// before a paragraph it shows is.
	pushed := rev("h", "", story[0], "A new second paragraph on the rescue.", "A new third one.", story[1])
	pushed.Complete = false
	r = Compare(full, pushed, Options{})
	var gone, past []int
	for _, p := range r.Paragraphs {
		switch {
		case p.Cut:
			past = append(past, *p.Old)
		case p.Op == OpDelete:
			gone = append(gone, *p.Old)
		}
	}
	if len(gone) != 0 || fmt.Sprint(past) != fmt.Sprint(seq(3, len(story))) || r.Summary.Removed != 0 {
		t.Errorf("pushed past the cut: deleted %v, past the cut %v, summary %+v", gone, past, r.Summary)
	}
	dropped := rev("h", "", story[0], story[2])
	dropped.Complete = false
	r = Compare(full, dropped, Options{})
	if r.Summary.Removed != 1 || r.Paragraphs[1].Op != OpDelete || r.Paragraphs[1].Cut || *r.Paragraphs[1].Old != 2 {
		t.Errorf("deleted before a shown paragraph: summary %+v, entries %v", r.Summary, opsOf(r.Paragraphs))
	}
	// An older page cut off: the newer page's extra paragraphs still
	// count as added, since updates mostly add at the end.
	r = Compare(cut, full, Options{})
	if r.Summary.Added != 2 {
		t.Errorf("older page cut off: summary %+v, want 2 added", r.Summary)
	}
}

// seq lists from..to.
func seq(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

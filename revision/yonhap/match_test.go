package yonhap

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regular expressions the matchers of match.go, dateline.go and
// lines.go stand for, as the parser used them before they were written out.
var (
	oracleDateLine     = regexp.MustCompile(`^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+(.*))?$`)
	oracleLeadingGroup = regexp.MustCompile(`^\(([^()]{1,80})\)\s*`)
	oracleNthLD        = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)\s*(?:LD|D|LEAD)$`)
	oracleByline       = regexp.MustCompile(`^By\s+([A-Z][\p{L}.'-]*(?:[\s,]+(?:and\s+)?[\p{L}.'-]+){0,12})$`)
	oracleDateline     = regexp.MustCompile(`^([A-Z][A-Z.'&-]*(?:[ /][A-Z][A-Z.'&-]*)*)` +
		`(?:,\s*([A-Z][a-z]{2,8}\.?)\s+(\d{1,2}))?` +
		`(?:\s*\(([^()]{2,40})\))?\s*(?:--|—|–)\s*`)
	oracleNoteLine = regexp.MustCompile(`(?i)^\(\s*ATTN?\b\s*[:;.]?\s*(.*?)\s*\)?\s*$`)
	oracleEndMark  = regexp.MustCompile(`(?:^|\s)\(END\)$`)
	oracleWords    = []struct {
		re    *regexp.Regexp
		words words
	}{
		{regexp.MustCompile(`(?i)\b(?:headlines?)\b`), headlineWords},
		{regexp.MustCompile(`(?i)\b(?:bylines?)\b`), bylineWords},
		{regexp.MustCompile(`(?i)\b(?:datelines?)\b`), datelineWords},
		{regexp.MustCompile(`(?i)\b(?:slug)\b`), slugWords},
		{regexp.MustCompile(`(?i)\b(?:photos?|images?|pictures?|graphics?|videos?|photographs?)\b`), photoWords},
		{regexp.MustCompile(`(?i)\b(?:throughout)\b`), throughoutWords},
		{regexp.MustCompile(`(?i)\b(?:lead|intro|top para(?:graph)?)\b`), leadWords},
	}
	oracleCaption = regexp.MustCompile(`\((?:[A-Za-z][\w.' -]*-)?Yonhap(?: photo)?\)$|\(PHOTO NOT FOR SALE\)$`)
	oracleSignoff = regexp.MustCompile(`^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*[,/;&]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*$`)
	oracleStamp   = regexp.MustCompile(`^(?:[A-Z][A-Za-z&/-]*(?:\s[A-Za-z&/-]+){0,3}\s+)?(?:(\d{1,2}):(\d{2})\s+)?` +
		`(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})$`)
)

// checkMatchers compares every matcher with its pattern on s, and checks
// that the quick tests in front of lazily compiled patterns never refuse
// a line the pattern matches.
func checkMatchers(t *testing.T, s string) {
	t.Helper()
	if m := oracleDateLine.FindStringSubmatch(s); true {
		y, mo, d, rest, ok := matchDateLine(s)
		if ok != (m != nil) || ok && !slices.Equal(m[1:], []string{y, mo, d, rest}) {
			t.Errorf("date line %q: got %v %q, want %q", s, ok, []string{y, mo, d, rest}, m)
		}
	}
	if loc := oracleLeadingGroup.FindStringSubmatchIndex(s); true {
		innerEnd, end, ok := matchLeadingGroup(s)
		if ok != (loc != nil) || ok && !slices.Equal(loc, []int{0, end, 1, innerEnd}) {
			t.Errorf("leading group %q: got %v %d %d, want %v", s, ok, innerEnd, end, loc)
		}
	}
	if m := oracleNthLD.FindStringSubmatch(s); true {
		num, ok := matchNthLD(s)
		if ok != (m != nil) || ok && num != m[1] {
			t.Errorf("nth LD %q: got %v %q, want %q", s, ok, num, m)
		}
	}
	if m := oracleByline.FindStringSubmatch(s); true {
		names, ok := matchByline(s)
		if ok != (m != nil) || ok && names != m[1] {
			t.Errorf("byline %q: got %v %q, want %q", s, ok, names, m)
		}
	}
	if loc := oracleDateline.FindStringSubmatchIndex(s); true {
		m, ok := matchDateline(s)
		if ok != (loc != nil) {
			t.Errorf("dateline %q: got %v, want %v", s, ok, loc)
		} else if ok {
			got := []int{0, m.end, 0, m.place, -1, -1, -1, -1, -1, -1}
			if m.month >= 0 {
				copy(got[4:8], []int{m.monthAt, m.month, m.dayAt, m.day})
			}
			if m.agency >= 0 {
				copy(got[8:], []int{m.agencyAt, m.agency})
			}
			if !slices.Equal(got, loc) {
				t.Errorf("dateline %q: got %v, want %v", s, got, loc)
			}
		}
	}
	if m := oracleNoteLine.FindStringSubmatch(s); true {
		text, ok := matchNoteLine(s)
		if ok != (m != nil) || ok && text != m[1] {
			t.Errorf("note line %q: got %v %q, want %q", s, ok, text, m)
		}
	}
	if want := oracleEndMark.MatchString(s); isEndMark(s) != want {
		t.Errorf("end mark %q: got %v, want %v", s, !want, want)
	}
	if want := oracleCaption.MatchString(s); isCaptionEnd(s) != want {
		t.Errorf("caption end %q: got %v, want %v", s, !want, want)
	}
	if want := oracleSignoff.MatchString(s); isSignoff(s) != want {
		t.Errorf("sign-off %q: got %v, want %v", s, !want, want)
	}
	if m := oracleStamp.FindStringSubmatch(s); true {
		hh, mm, month, day, year, ok := matchStamp(s)
		if ok != (m != nil) || ok && !slices.Equal(m[1:], []string{hh, mm, month, day, year}) {
			t.Errorf("stamp %q: got %v %q, want %q", s, ok, []string{hh, mm, month, day, year}, m)
		}
	}
	for _, w := range oracleWords {
		if want := w.re.MatchString(s); w.words.in(s) != want {
			t.Errorf("%s on %q: got %v, want %v", w.re, s, !want, want)
		}
	}
	for _, p := range []notePattern{reParaList, reOrdinalPara, reFirstN, reFrom, reLast} {
		if p.re().MatchString(s) && !p.may(s) {
			t.Errorf("%s on %q: the quick test refuses a match", p.re(), s)
		}
	}
}

// matcherCases are the corpus lines, each also trimmed and cut after its
// first 80 bytes (a dateline and what precedes the dash), and hand-made
// edge cases.
func matcherCases(tb testing.TB) []string {
	tb.Helper()
	pages, _ := filepath.Glob(filepath.Join(corpusDir, "pages", "*.txt"))
	pages = append(pages, "../../testdata/seed-AEN20191230000451325.txt")
	cases := []string{
		"", " date 2019-12-30 ", "date 2019-12-30", " date 2019-12-30\n", "date 2019-12-30 x\ny", "date  2019-12-30\t(LEAD) x",
		"date 2019-12-3", "date 2019-12-301", "date2019-12-30", "(LEAD)", "(LEAD) (News Focus) x", "()", "(a)(b)",
		"(" + strings.Repeat("é", 80) + ")", "(" + strings.Repeat("é", 81) + ")", "(x\n)\t\n y", "(\xff)",
		"2nd LD", "2ND ld", "11th LD", "2nd D", "3rd  LEAD", "123rd LD", "1ſt LD", "2nd LDX", "2nd", "st LD",
		"By Koh Byung-joon", "By Song Sang-ho and Kim Seung-yeon", "By A and, B", "By A and and B", "By A,", "By  Élodie",
		"By A b c d e f g h i j k l m", "By A b c d e f g h i j k l m n", "By A and b and c and d and e and f and g and h and i and j and k and l and m and n",
		"By a", "By A\xff", "ByA", "By Ab, Cd, and Ef", "By A  and  B",
		"SEOUL, Dec. 30 (Yonhap) -- x", "BEIJING/SEOUL, Dec. 19 (Yonhap) -- ", "SEOUL -- ", "SEOUL--x", "SEOUL-- x",
		"SEOUL, Dec 123 -- x", "SEOUL, December 1 -- x", "SEOUL, Decemberrr 1 -- x", "SEOUL, Dec.x 1 -- x",
		"SEOUL (Yonhap) — x", "SEOUL (Y) – x", "SEOUL (" + strings.Repeat("x", 41) + ") -- x", "A-B-C--", "A A A A--",
		"SEOUL, Dec. 30 (Yonhap)", "SEOUL, Dec. 30 -- (Yonhap) --", "U.S. & N.K. -- x", "SEOUL,Dec.\n3\n--",
		"(ATTN: ADDS paras 4-5)", "(ATT: x)", "(ATTN x", "(attn; x ) ) ", "(ATTNX: x)", "(ATTENTION x)", "( ATTN : )",
		"(ATTN: x\ny)", "(ATTN:\nx)", "(ATTN: x)\n", "(ATT)", "(ATTN", "(ATTN: ))", "(ATTN: x ) )",
		"(END)", "x (END)", "x(END)", "x\t(END)", "(END) ",
		"June 30, 2019", "All News 06:12 December 28, 2021", "10:02 February 19, 2020", "Diplomacy 17:28 December 15, 2019",
		"A b c d 1:02 May 1,2020", "A b c d e May 1, 2020", "A  b May 1, 2020", " May 1, 2020", "X123:45 May 1, 2020",
		"123:45 May 1, 2020", "May 123, 2020", "May 1, 12020", "XMay 1, 2020", "A\nb\tMay\n1,\n2020", "May1, 2020", "N/A&x-y 9:05 June 3 , 2021",
		"hague@yna.co.kr", "a@yna.co.kr, b@yna.co.kr", "a@b.cd@e.f", "a@b.c.d;&e@f.g", "a@b", "a@b.", "a@b.c ", "a@b.c,",
		"a.b+c-d@e-f.g_h", "@b.c", "a@@b.c", "a@b.c / d@e.f", "a@b.c\n\nd@e.f", "a@b..c", "a@b.c.",
		"ADDS headline, byline", "ſlug", "top para", "from the third paragraph", "last 3 paras", "10th and 11th paras",
		"photoſ", "photos", "PHOTOGRAPHS", "photo_x", "xphoto", "top  para", "TOP PARAGRAPH", "top paragraphs", "leads", "lead-in",
		"x (Yonhap)", "(EPA-Yonhap)", "(Yonhap photo)", "x (PHOTO NOT FOR SALE)", "(A-Yonhap)", "(-Yonhap)", "(1-Yonhap)",
		"(AB (C-Yonhap)", "(A(B-Yonhap)", "(Ab.c' d-e-Yonhap photo)", "(A!-Yonhap)", "Yonhap)", "(Yonhap photo )", "(A\xff-Yonhap)",
		"headline's", "images!", "photo\xff", "\xffphoto", "SLUG", "ſlug x", "a slug", "Intro", "throughout.",
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			cases = append(cases, line, strings.TrimSpace(line))
			if len(line) > 80 {
				cases = append(cases, line[:80])
			}
		}
	}
	return cases
}

func TestMatchersAgreeWithPatterns(t *testing.T) {
	for _, s := range matcherCases(t) {
		checkMatchers(t, s)
	}
	for _, note := range []string{"ADDS more info in paras 4-5, 7-11, photos", "UPDATES from 3rd para; ADDS last two paras",
		"RECASTS headline, lead; TOPS with first three paragraphs"} {
		for _, obj := range strings.Split(note, ",") {
			checkMatchers(t, strings.TrimSpace(obj))
		}
	}
}

// FuzzMatchers compares the written-out matchers with their patterns on
// mutated corpus lines.
func FuzzMatchers(f *testing.F) {
	for _, s := range matcherCases(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMatchers(t, s)
	})
}

// TestContainsFoldAsExpression: containsFold finds a literal where (?i)
// and the literal, as a regular expression, would, on random strings of
// ASCII letters in both cases, the characters Go folds to ASCII ones (ſ,
// the Kelvin sign), other letters and broken bytes.
func TestContainsFoldAsExpression(t *testing.T) {
	lits := []string{"para", "first", "top", "from", "last", "st", "k", "(att", "kst"}
	pieces := []string{"p", "P", "a", "A", "r", "R", "s", "S", "ſ", "k", "K", "\u212a", "t", "T", "f", "F", "i", "İ",
		"ı", "o", "m", "l", "(", "\x08", " ", "é", "\xff", "\xc5", "\xe2\x84"}
	rng := rand.New(rand.NewSource(11))
	for _, lit := range lits {
		re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(lit))
		for range 3000 {
			var b strings.Builder
			for range rng.Intn(12) {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			s := b.String()
			if got, want := containsFold(s, lit), re.MatchString(s); got != want {
				t.Fatalf("containsFold(%q, %q) = %v, the expression says %v", s, lit, got, want)
			}
		}
	}
}

// TestMayBeVideoBeforeExpression checks that mayBeVideo lets through
// every line videoRE matches, on lines pieced together at random from
// the parts of video links and of text around them.
func TestMayBeVideoBeforeExpression(t *testing.T) {
	opens := []string{"Youtube", "YouTube", "youtube", "", "Watch ", " ", "Y", "h"}
	pieces := []string{"Youtube", "YouTube", "http", "https", "://", "s", "youtu.be/x", " ", "h", "ttp", "\t", "é"}
	rng := rand.New(rand.NewSource(12))
	matched := 0
	for range 50000 {
		var b strings.Builder
		b.WriteString(opens[rng.Intn(len(opens))])
		for range 1 + rng.Intn(4) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		line := b.String()
		if videoRE().MatchString(line) {
			matched++
			if !mayBeVideo(line) {
				t.Fatalf("mayBeVideo(%q) is false, but videoRE matches it", line)
			}
		}
	}
	if matched < 50 {
		t.Fatalf("only %d of the lines were video links: the test shows little", matched)
	}
}

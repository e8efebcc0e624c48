package yonhap

import (
	"reflect"
	"strings"
	"testing"

	"lede/revision"
)

// parseText cleans and parses a hand-made page.
func parseText(t *testing.T, s string) *revision.Revision {
	t.Helper()
	text, err := revision.Clean([]byte(s), 0)
	if err != nil {
		t.Fatal(err)
	}
	return Parse("test", text)
}

// TestShapes covers the page shapes of the corpus one at a time, each in
// a small hand-made page, so a regression names the shape it broke.
func TestShapes(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		check func(t *testing.T, r *revision.Revision)
	}{
		{"web chrome with section and time",
			"Go to Contents Go to Navigation\n\n(3rd LD) Biegun arrives in Seoul\n\nDiplomacy 17:28 December 15, 2019\n\n(ATTN: CHANGES photo)\nBy Song Sang-ho\n\nSEOUL, Dec. 15 (Yonhap) -- Biegun arrived.\n\nHe met Lee.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "Biegun arrives in Seoul")
				eq(t, "seq", r.Marker.Seq, 3)
				eq(t, "date", r.Date.String(), "2019-12-15")
				eq(t, "time", r.Time, "17:28")
				eq(t, "byline", r.Byline, "Song Sang-ho")
				eq(t, "paras", r.Paragraphs, []string{"SEOUL, Dec. 15 (Yonhap) -- Biegun arrived.", "He met Lee."})
				eq(t, "furniture", r.Furniture, []string{"Go to Contents Go to Navigation"})
			}},
		{"all news stamp",
			"Go to Contents\nN. Korea fires missile\n\nAll News 06:12 December 28, 2021\n\nSEOUL, Dec. 28 (Yonhap) -- North Korea fired.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "N. Korea fires missile")
				eq(t, "date", r.Date.String(), "2021-12-28")
				eq(t, "time", r.Time, "06:12")
			}},
		{"no date line: year unknown",
			"Moon meets U.S. envoy\nSEOUL, Dec. 16 (Yonhap) -- Moon met Biegun.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "date", r.Date.String(), "--12-16")
				eq(t, "year known", r.Date.YearKnown(), false)
			}},
		{"no headline: dateline paragraph first",
			" date 2023-03-14 SEOUL, March 14 (Yonhap) -- Yoon will visit Tokyo.\n\nThe summit follows.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "")
				eq(t, "raw headline", r.RawHeadline, "")
				eq(t, "para 1", r.Paragraphs[0], "SEOUL, March 14 (Yonhap) -- Yoon will visit Tokyo.")
				eq(t, "dateline", r.Dateline.Place, "SEOUL")
			}},
		{"no headline: note first",
			" date 2023-03-16 (ATTN: UPDATES with Yoon's remarks; RESTRUCTURES)\n\nBy Lee Haye-ah\n\nTOKYO, March 16 (Yonhap) -- Yoon said.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "")
				eq(t, "note", r.Note, "UPDATES with Yoon's remarks; RESTRUCTURES")
				eq(t, "byline", r.Byline, "Lee Haye-ah")
				eq(t, "place", r.Dateline.Place, "TOKYO")
			}},
		{"two authors",
			"(LEAD) Talks held\nBy Song Sang-ho and Kim Seung-yeon\nSEOUL, Aug. 23 (Yonhap) -- Talks.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "authors", r.Authors, []string{"Song Sang-ho", "Kim Seung-yeon"})
			}},
		{"stray line break mended",
			"Envoy visits\nSEOUL, Dec. 16 (Yonhap) -- He spoke.\n\"It is time. We\nare here,\" he said.\nNext para.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "paras", r.Paragraphs, []string{"SEOUL, Dec. 16 (Yonhap) -- He spoke.", "\"It is time. We are here,\" he said.", "Next para."})
			}},
		{"lower-case name starts a paragraph",
			"Apple news\nSEOUL, Dec. 16 (Yonhap) -- Sales rose\niPhone sales rose too.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "paras", len(r.Paragraphs), 2)
			}},
		{"caption, sign-off, end and furniture",
			"Typhoon nears\nSEOUL, Sept. 4 (Yonhap) -- A typhoon nears.\nThis image shows the typhoon. (Yonhap)\nIt will land Monday.\nview larger image Rain falls. (EPA-Yonhap)\nfoo@yna.co.kr\n(END)\n-\n1\nOther story\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "paras", r.Paragraphs, []string{"SEOUL, Sept. 4 (Yonhap) -- A typhoon nears.", "It will land Monday."})
				eq(t, "captions", r.Captions, []string{"This image shows the typhoon. (Yonhap)", "Rain falls. (EPA-Yonhap)"})
				eq(t, "signoff", r.Signoff, "foo@yna.co.kr")
				eq(t, "complete", r.Complete, true)
				eq(t, "furniture", r.Furniture, []string{"-", "1", "Other story"})
			}},
		{"cut off before end",
			"Typhoon nears\nSEOUL, Sept. 4 (Yonhap) -- A typhoon nears.\nIt will la",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "complete", r.Complete, false)
				eq(t, "last para", r.Paragraphs[1], "It will la")
			}},
		{"cut off inside the end mark",
			"Typhoon nears\nSEOUL, Sept. 4 (Yonhap) -- A typhoon nears.\nfoo@yna.co.kr\n(EN",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "complete", r.Complete, false)
				eq(t, "paras", len(r.Paragraphs), 1)
			}},
		{"embedded video kept out",
			"Typhoon nears\nSEOUL, Sept. 4 (Yonhap) -- A typhoon nears.\n“Don’t come here”… bridge collapse\nYoutubehttps://youtu.be/x\nMore text.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "paras", r.Paragraphs, []string{"SEOUL, Sept. 4 (Yonhap) -- A typhoon nears.", "More text."})
				eq(t, "furniture", r.Furniture, []string{"“Don’t come here”… bridge collapse", "Youtubehttps://youtu.be/x"})
			}},
		{"digest is not a headline",
			" date 2023-05-31 The following is the first summary of major stories.\n\n-----\n\n(7th LD) Rocket falls\n\nSEOUL -- A rocket fell.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "")
				eq(t, "seq", r.Marker.Seq, 0)
				eq(t, "para 1", r.Paragraphs[0], "The following is the first summary of major stories.")
			}},
		{"headline ending in an abbreviation",
			"N. Korea slams U.S.\nSEOUL, Dec. 16 (Yonhap) -- Text.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "N. Korea slams U.S.")
			}},
		{"CRLF, BOM and trailing spaces",
			"\ufeff date 2019-12-30 (LEAD) Foo  \r\n(ATTN: ADDS photo) \r\nSEOUL, Dec. 30 (Yonhap) -- Bar. \r\n(END)\r\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "headline", r.Headline, "Foo")
				eq(t, "note", r.Note, "ADDS photo")
				eq(t, "paras", r.Paragraphs, []string{"SEOUL, Dec. 30 (Yonhap) -- Bar."})
				eq(t, "complete", r.Complete, true)
			}},
		{"multi-place dateline",
			"Envoy arrives\nBEIJING/SEOUL, Dec. 19 (Yonhap) -- He arrived.\n",
			func(t *testing.T, r *revision.Revision) {
				eq(t, "dateline", r.Dateline, revision.Dateline{Place: "BEIJING/SEOUL", Date: "Dec. 19", Month: 12, Day: 19, Agency: "Yonhap", Text: "BEIJING/SEOUL, Dec. 19 (Yonhap) -- "})
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, parseText(t, tc.page)) })
	}
}

func eq(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

// TestHeadlineIsNeverTheDateline guards the rule the issue states: a
// dateline paragraph is never a headline, whatever comes before it.
func TestHeadlineIsNeverTheDateline(t *testing.T) {
	for _, l := range loadLabels(t) {
		r := parsePage(t, corpusDir+"/pages/"+l.ID+".txt")
		if strings.Contains(r.RawHeadline, "(Yonhap) --") {
			t.Errorf("%s: headline is a dateline paragraph: %.60q", l.ID, r.RawHeadline)
		}
	}
}

package yonhap

import (
	"os"
	"path/filepath"
	"testing"

	"lede/revision"
)

// oldSiteChrome is the navigation of the older English site as its pages
// are stored, before the headline.
var oldSiteChrome = []string{"select languages", "NorthKorea_titleN.K. NewsletterVantagePointlmenu_bottom",
	"latestnewslatestnews RSS", "Home > NorthKorea"}

// TestHeadlineShapes reads the page shapes of issue 11 (defect 11), each a
// corpus page whose head was edited into the shape: a headline ending
// with an abbreviation's period, and the older site's navigation before
// the headline. Every field is checked, and the body must parse exactly
// as the corpus page it came from.
func TestHeadlineShapes(t *testing.T) {
	tests := []struct {
		file, from string // fixture in testdata/shapes, corpus page it came from
		raw        string // the headline line as written
		headline   string
		marker     revision.Marker
		note       string
		actions    int
		byline     string
		authors    []string
		place      string
		date, time string
		chrome     []string // furniture before the headline
	}{
		{"abbrev-byline.txt", "AEN20210212001400325",
			"Blinken, Chung agree to work for complete denuclearization of N. Korea: State Dept.",
			"Blinken, Chung agree to work for complete denuclearization of N. Korea: State Dept.",
			revision.Marker{Flags: []string{}}, "", 0, "Song Sang-ho", []string{"Song Sang-ho"},
			"SEOUL", "2021-02-12", "", nil},
		{"abbrev-note.txt", "AEN20191219001651325",
			"(LEAD) Biegun arrives in Beijing amid stalled nuke talks with N. Korea: State Dept.",
			"Biegun arrives in Beijing amid stalled nuke talks with N. Korea: State Dept.",
			revision.Marker{Label: "LEAD", Seq: 1, Flags: []string{}},
			"RECASTS headline, dateline, updates in para 1, 4 with Biegun's arrival to Beijing; CHANGES photo", 4,
			"Kim Seung-yeon", []string{"Kim Seung-yeon"}, "BEIJING/SEOUL", "--12-19", "", nil},
		{"abbrev-stamp.txt", "AEN20221028005651325",
			"N. Korea fires unspecified ballistic missile toward East Sea: S. Korean military, U.S. Defense Dept.",
			"N. Korea fires unspecified ballistic missile toward East Sea: S. Korean military, U.S. Defense Dept.",
			revision.Marker{Flags: []string{}}, "", 0, "", []string{}, "SEOUL", "2022-10-28", "12:15", nil},
		{"oldsite-lead.txt", "AEN20200613003352320",
			"(LEAD) Sister of N. Korean leader says Pyongyang will take 'next step' against S. Korea",
			"Sister of N. Korean leader says Pyongyang will take 'next step' against S. Korea",
			revision.Marker{Label: "LEAD", Seq: 1, Flags: []string{}},
			"CHANGES slug; UPDATES with more details, additional information from 5th para", 3,
			"", []string{}, "SEOUL", "2020-06-13", "", oldSiteChrome},
		{"oldsite-first.txt", "AEN20210212001400325",
			"FM Chung, Blinken stress close cooperation for complete denuclearization of Korean Peninsula",
			"FM Chung, Blinken stress close cooperation for complete denuclearization of Korean Peninsula",
			revision.Marker{Flags: []string{}}, "", 0, "Song Sang-ho", []string{"Song Sang-ho"},
			"SEOUL", "2021-02-12", "", oldSiteChrome},
		{"oldsite-abbrev.txt", "AEN20191219001651325",
			"(2nd LD) Biegun arrives in Beijing amid stalled nuke talks with N. Korea: State Dept.",
			"Biegun arrives in Beijing amid stalled nuke talks with N. Korea: State Dept.",
			revision.Marker{Label: "2nd LD", Seq: 2, Flags: []string{}},
			"RECASTS headline, dateline, updates in para 1, 4 with Biegun's arrival to Beijing; CHANGES photo", 4,
			"Kim Seung-yeon", []string{"Kim Seung-yeon"}, "BEIJING/SEOUL", "2019-12-19", "", oldSiteChrome},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "shapes", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			r := parseText(t, string(data))
			src := parsePage(t, filepath.Join(corpusDir, "pages", tc.from+".txt"))
			eq(t, "raw headline", r.RawHeadline, tc.raw)
			eq(t, "headline", r.Headline, tc.headline)
			eq(t, "marker", r.Marker, tc.marker)
			eq(t, "tags", r.Tags, []string{})
			eq(t, "note", r.Note, tc.note)
			eq(t, "actions", len(r.Actions), tc.actions)
			eq(t, "byline", r.Byline, tc.byline)
			eq(t, "authors", r.Authors, tc.authors)
			eq(t, "dateline place", r.Dateline.Place, tc.place)
			eq(t, "dateline agency", r.Dateline.Agency, "Yonhap")
			eq(t, "dateline", r.Dateline, src.Dateline)
			eq(t, "date", r.Date.String(), tc.date)
			eq(t, "time", r.Time, tc.time)
			eq(t, "paragraphs", r.Paragraphs, src.Paragraphs)
			eq(t, "captions", r.Captions, src.Captions)
			eq(t, "signoff", r.Signoff, src.Signoff)
			eq(t, "complete", r.Complete, src.Complete)
			eq(t, "cut", r.Cut, src.Cut)
			eq(t, "furniture", r.Furniture, append(append([]string{}, tc.chrome...), src.Furniture...))
			if tc.note != "" {
				eq(t, "actions", r.Actions, src.Actions)
			}
		})
	}
}

// TestHeadlineByPlace: what makes a line the headline is the head of the
// story after it, not its last character, and navigation is only skipped
// on the way to such a headline.
func TestHeadlineByPlace(t *testing.T) {
	tests := []struct {
		name, page, headline, para1 string
		furniture                   []string
	}{
		{"abbreviation, dateline next", "Talks to resume soon: Defense Dept.\nWASHINGTON, March 2 (Yonhap) -- Talks resume.\n",
			"Talks to resume soon: Defense Dept.", "WASHINGTON, March 2 (Yonhap) -- Talks resume.", []string{}},
		{"sentence with no head after it is text", "The following is a statement by the State Dept.\nIt said talks would go on.\n",
			"", "The following is a statement by the State Dept.", []string{}},
		{"navigation with no head after it is text", "select languages\nHome > NorthKorea\nThe talks went on.\n",
			"", "select languages", []string{}},
		{"photo text after the headline", "Biegun arrives in Seoul\nBiegun arrives in Seoul - 1\nSEOUL, Dec. 15 (Yonhap) -- He arrived.\n",
			"Biegun arrives in Seoul", "SEOUL, Dec. 15 (Yonhap) -- He arrived.", []string{"Biegun arrives in Seoul - 1"}},
		{"navigation, blank lines, stamp", "select languages\n\nHome > NorthKorea\n\n(3rd LD) Envoy in Seoul\n\nDiplomacy 17:28 December 15, 2019\n\nSEOUL, Dec. 15 (Yonhap) -- He arrived.\n",
			"Envoy in Seoul", "SEOUL, Dec. 15 (Yonhap) -- He arrived.", []string{"select languages", "Home > NorthKorea"}},
		{"a stamp in a form lede does not know", "select languages\nHome > NorthKorea\n(LEAD) Envoy in Seoul\n2020/06/13 14:05\n(ATTN: ADDS details)\nSEOUL, June 13 (Yonhap) -- He arrived.\n",
			"Envoy in Seoul", "SEOUL, June 13 (Yonhap) -- He arrived.", []string{"select languages", "Home > NorthKorea", "2020/06/13 14:05"}},
		{"sentence before the headline is not navigation", "Kim met Moon on Monday.\nTalks held\nSEOUL, Dec. 15 (Yonhap) -- Talks.\n",
			"", "Kim met Moon on Monday.", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, tc.page)
			eq(t, "headline", r.Headline, tc.headline)
			eq(t, "para 1", r.Paragraphs[0], tc.para1)
			eq(t, "furniture", r.Furniture, tc.furniture)
		})
	}
}

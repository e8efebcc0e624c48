package newsml

import (
	"slices"
	"strings"
	"testing"

	"lede/revision"
)

// parseMeta reads an item made of itemMeta and contentMeta children.
func parseMeta(t *testing.T, meta, content string) *revision.Revision {
	t.Helper()
	doc := `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:tt.se:20240305:TT:100002:0">` +
		`<itemMeta><itemClass qcode="ninat:text"/>` + meta + `</itemMeta>` +
		`<contentMeta><headline>H</headline>` + content + `</contentMeta></newsItem>`
	r, err := Parse("t", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestStatusAndSignals(t *testing.T) {
	cases := []struct {
		meta    string
		status  revision.Status
		signals string
	}{
		{``, "usable", ""},
		{`<pubStatus qcode="stat:usable"/><signal qcode="sig:update"/>`, "usable", "update"},
		{`<pubStatus qcode="stat:withheld"/>`, "withheld", ""},
		{`<pubStatus qcode="stat:usable"/><embargoed>2024-03-06T07:00:00Z</embargoed>`, "withheld", ""},
		{`<pubStatus qcode="stat:canceled"/><signal qcode="sig:correction"/>`, "canceled", "correction,kill"},
		{`<signal qcode="edStat:U"/>`, "usable", "update"},
		{`<signal qcode="edStat:C"/>`, "usable", "correction"},
		{`<signal qcode="edStat:D"/>`, "canceled", "kill"},
		{`<signal qcode="tt_sig:replace"/>`, "usable", "update"},
		{`<signal qcode="update:append-major-content"/>`, "usable", "update"},
		{`<signal qcode="apsig:consumerready"/><signal qcode="prodId:TXT"/>`, "usable", ""},
		{`<edNote role="sttnote:public">Korjattu aiempaa uutista: nimi.</edNote>`, "usable", "correction"},
		{`<edNote role="dpaednoterole:correction">Bildhinweis ergänzt</edNote>`, "usable", ""},
		{`<edNote>Eds: CORRECTS spelling of name.</edNote>`, "usable", "correction"},
	}
	for _, c := range cases {
		r := parseMeta(t, c.meta, "")
		if r.Status != c.status || strings.Join(r.Signals, ",") != c.signals {
			t.Errorf("%s: status %s signals %v, want %s %s", c.meta, r.Status, r.Signals, c.status, c.signals)
		}
	}
	// AP's notes are read as AP's other formats read them.
	ap := `<provider literal="AP"/><edNote>Eds: SUBS to CORRECT spelling of name.</edNote>`
	if r := parseMeta(t, ap, ""); r.Status != "usable" || strings.Join(r.Signals, ",") != "correction" {
		t.Errorf("AP correction: %s %v", r.Status, r.Signals)
	}
	ap = `<provider literal="AP"/><edNote>Eds: The story is WITHDRAWN.</edNote>`
	if r := parseMeta(t, ap, ""); r.Status != "canceled" || strings.Join(r.Signals, ",") != "kill,advisory" {
		t.Errorf("AP withdrawal: %s %v", r.Status, r.Signals)
	}
	if r := parseMeta(t, `<pubStatus qcode="stat:odd"/>`, ""); r.Status != "usable" || len(r.Warnings) != 1 {
		t.Errorf("unknown pubStatus: %s %v", r.Status, r.Warnings)
	}
}

func TestNotes(t *testing.T) {
	cases := []struct{ meta, note, actions string }{
		{`<edNote>Eds: Adds full-year results.</edNote>`, "Adds full-year results.", "ADDS full-year results (body)"},
		{`<edNote>Eds: UPDATES: With comment from defense lawyer.; With AP Photos.</edNote>`,
			"UPDATES: With comment from defense lawyer.; With AP Photos.", "UPDATES With comment from defense lawyer (body)"},
		{`<edNote>Changes headline. Adds byline.</edNote>`, "Changes headline. Adds byline.", "CHANGES headline (headline)|ADDS byline (byline)"},
		{`<edNote role="sttnote:private">täydennetty</edNote><edNote role="sttnote:public">Julkinen</edNote>`, "täydennetty\nJulkinen", "ADDS täydennetty (body)"},
		{`<edNote role="dpaednoterole:notepad"><section><h4>x</h4></section></edNote>
		  <edNote role="dpaednoterole:closingline">dpa wd</edNote>
		  <edNote role="dpaednoterole:dpacontacts">Autor: A</edNote>
		  <edNote role="dpaednoterole:picture">Foto - Archiv</edNote>
		  <edNote role="dpaednoterole:correction">Hotels berichtigt</edNote>
		  <edNote role="dpaednoterole:correctionshort">zu Hotels</edNote>`, "Hotels berichtigt", "CORRECTS Hotels berichtigt (body)"},
		{`<edNote role="dpaednoterole:correctionshort">zu Hotels</edNote>`, "zu Hotels", ""},
		{`<edNote>  Same
		  note </edNote><edNote>Same note</edNote>`, "Same note", ""},
	}
	for _, c := range cases {
		r := parseMeta(t, c.meta, "")
		var acts []string
		for _, a := range r.Actions {
			acts = append(acts, a.Verb+" "+a.Object+" ("+string(a.Target)+")")
		}
		if r.Note != c.note || strings.Join(acts, "|") != c.actions {
			t.Errorf("%s:\nnote %q actions %q\nwant %q %q", c.meta, r.Note, acts, c.note, c.actions)
		}
	}
}

func TestRefs(t *testing.T) {
	r := parseMeta(t, `<link rel="irel:previousVersion" residref="urn:prev" version="1"/>
		<link rel="irel:seeAlso" href="http://example.com/"/>
		<link rel="irel:derivedFrom" residref="urn:alert"/>
		<link guidref="urn:newsml:tt.se:20240305:TT:100002:0" version="3"/>
		<link rel="irel:previousVersion" residref="urn:prev"/>`,
		`<altId type="tt:uno">20240305:TT:100002:0</altId><altId type="tt:refuno">20240305:TT:100001:0</altId>
		 <altId type="ap:friendlyKey">123</altId>`)
	want := []string{"urn:prev", "urn:alert", "urn:newsml:tt.se:20240305:TT:100002:0", "urn:newsml:tt.se:20240305:TT:100001:0"}
	if !slices.Equal(r.Refs, want) {
		t.Errorf("refs %q, want %q", r.Refs, want)
	}
}

func TestTimes(t *testing.T) {
	cases := []struct{ stamp, transmitted, date, time, warning string }{
		{"2014-07-16T15:53:10.000Z", "2014-07-16T15:53:10Z", "2014-07-16", "15:53", ""},
		{"2017-12-20T14:46:21+01:00", "2017-12-20T14:46:21+01:00", "2017-12-20", "14:46", ""},
		{"2017-12-20T23:46:21-05:00", "2017-12-20T23:46:21-05:00", "2017-12-20", "23:46", ""},
		{"2017-12-20T14:46:21+0100", "2017-12-20T14:46:21+01:00", "2017-12-20", "14:46", ""},
		{"2017-01-31T21:52:11", "", "2017-01-31", "21:52", "has no time zone"},
		{"2017-01-31", "", "2017-01-31", "", ""},
		{"yesterday", "", "", "", "is not a date and time"},
	}
	for _, c := range cases {
		r := parseMeta(t, "<versionCreated>"+c.stamp+"</versionCreated>", "")
		w := strings.Join(r.Warnings, ";")
		if r.Transmitted != c.transmitted || r.Date.String() != c.date || r.Time != c.time ||
			(c.warning == "") != (w == "") || !strings.Contains(w, c.warning) {
			t.Errorf("%s: %q %q %q %q", c.stamp, r.Transmitted, r.Date, r.Time, w)
		}
	}
	if r := parseMeta(t, "<firstCreated>2017-01-31T08:00:00Z</firstCreated>", ""); r.Transmitted != "2017-01-31T08:00:00Z" {
		t.Errorf("firstCreated alone: %q", r.Transmitted)
	}
}

func TestAgency(t *testing.T) {
	cases := []struct{ guid, meta, rights, want string }{
		{"tag:ap.org,2011:x", `<provider qcode="approviderid:z01122"><name>Automated Insights</name></provider>`, `<copyrightHolder literal="Automated Insights"/>`, "AP"},
		{"tag_reuters.com_2014_newsml_X", `<provider literal="reuters.com"/>`, "", "Reuters"},
		{"urn:newsml:dpa.com:20090101:x", `<provider qcode="nprov:dpa"/>`, "", "dpa"},
		{"urn:newsml:stt.fi:1", `<provider literal="STT"/>`, "", "STT"},
		{"urn:x", `<provider qcode="nprov:AFP"/>`, "", "AFP"},
		{"urn:x", ``, `<copyrightHolder><name>Thomson Reuters</name></copyrightHolder>`, "Reuters"},
		{"urn:x", `<provider literal="Example Enews"/>`, "", "Example Enews"},
		{"urn:x", ``, ``, ""},
	}
	for _, c := range cases {
		doc := `<newsItem guid="` + c.guid + `"><rightsInfo>` + c.rights + `</rightsInfo><itemMeta>` + c.meta +
			`</itemMeta><contentMeta><headline>H</headline></contentMeta></newsItem>`
		r, err := Parse("t", []byte(doc))
		if err != nil || r.Agency != c.want {
			t.Errorf("%s %s: agency %q (%v), want %q", c.guid, c.meta, r.Agency, err, c.want)
		}
	}
}

func TestKeys(t *testing.T) {
	// TT's versions have new guids; its slug without UV joins them within a day.
	r := parseMeta(t, `<provider literal="TT"/>`, `<slugline>eu-polenUV2</slugline>`)
	if r.Key != "tt.se:20240305:eu-polen" || r.Version != 2 || r.Slug != "eu-polen" {
		t.Errorf("TT: key %q version %d slug %q", r.Key, r.Version, r.Slug)
	}
	r = parseMeta(t, `<provider literal="TT"/>`, ``)
	if r.Key != r.ID {
		t.Errorf("TT without slugline: key %q, want the guid", r.Key)
	}
	r = parseMeta(t, `<provider qcode="nprov:dpa"/>`, `<slugline>Wahlen/Bayern</slugline>`)
	if r.Key != r.ID {
		t.Errorf("dpa: key %q, want the guid", r.Key)
	}
}

func TestBylineAndDateline(t *testing.T) {
	cases := []struct{ content, body, byline, authors, dateline string }{
		{`<by>By Marwan Makdisi</by>`, `<p>By Marwan Makdisi</p><p>DAMASCUS (Reuters) - Text.</p>`, "Marwan Makdisi", "Marwan Makdisi", "DAMASCUS||Reuters"},
		{`<by>Von Almut Kipp, dpa</by><dateline>Hamburg (dpa) - </dateline>`, `<p>Kein Dateline hier.</p>`, "Almut Kipp, dpa", "Almut Kipp", "Hamburg||dpa"},
		{`<dateline>2014-07-16 15:53:10 GMT+00:00</dateline><located><name>Bangalore</name></located>`, `<p>Text.</p>`, "", "", "Bangalore||"},
		{`<dateline>FORT WASHINGTON, Pa.</dateline>`, `<p>Text.</p>`, "", "", "FORT WASHINGTON, Pa.||"},
		{``, `<p>By Jane Doe</p><p>SEOUL, Dec. 30 (AP) _ Text.</p>`, "Jane Doe", "Jane Doe", "SEOUL|Dec. 30|AP"},
		{`<by>By JANE DOE and JOHN ROE, AP Business Writers</by>`, `<p>NEW YORK (AP) — Text.</p>`, "JANE DOE and JOHN ROE, AP Business Writers", "JANE DOE|JOHN ROE", "NEW YORK||AP"},
		{`<by>ANTTI AUTIO, HETA HASSINEN </by>`, `<p>Puolustusministeri Jussi Niinistö (ps.) kertoo STT:lle.</p>`, "ANTTI AUTIO, HETA HASSINEN", "ANTTI AUTIO|HETA HASSINEN", "||"},
	}
	for _, c := range cases {
		doc := `<newsItem guid="g"><itemMeta/><contentMeta><headline>H</headline>` + c.content +
			`</contentMeta><contentSet><inlineXML><html><body>` + c.body + `</body></html></inlineXML></contentSet></newsItem>`
		r, err := Parse("t", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		d := r.Dateline.Place + "|" + r.Dateline.Date + "|" + r.Dateline.Agency
		if r.Byline != c.byline || strings.Join(r.Authors, "|") != c.authors || d != c.dateline {
			t.Errorf("%s: byline %q authors %q dateline %q", c.content, r.Byline, r.Authors, d)
		}
		if strings.HasPrefix(r.Paragraphs[0], "By ") {
			t.Errorf("%s: the byline is paragraph 1", c.content)
		}
	}
}

func TestMainHeadline(t *testing.T) {
	r := parseMeta(t, "", `<headline role="hlrole:short">Short</headline><headline role="hlrole:main">Main headline</headline>`)
	// parseMeta puts a plain <headline>H</headline> first: it has no role, so it wins.
	if r.Headline != "H" {
		t.Errorf("headline %q, want the first without a secondary role", r.Headline)
	}
	doc := `<newsItem guid="g"><contentMeta><headline role="hlrole:short">Short</headline><headline role="hlrole:main">Main headline</headline></contentMeta></newsItem>`
	if r, err := Parse("t", []byte(doc)); err != nil || r.Headline != "Main headline" {
		t.Errorf("headline %q (%v), want the main one", r.Headline, err)
	}
}

// TestSignalActions: a signal that says what a note's verb says gives
// that action, once, when the notes do not already.
func TestSignalActions(t *testing.T) {
	cases := []struct{ meta, actions string }{
		{`<signal qcode="update:append-major-content"/>`, "ADDS body update:append-major-content"},
		{`<signal qcode="sig:correction"/><edNote>Adds byline.</edNote>`, "ADDS byline Adds byline|CORRECTS body sig:correction"},
		{`<signal qcode="edStat:C"/><edNote>CORRECTS spelling of name</edNote>`, "CORRECTS body CORRECTS spelling of name"},
		{`<signal qcode="sig:update"/>`, ""},
	}
	for _, c := range cases {
		r := parseMeta(t, c.meta, "")
		var acts []string
		for _, a := range r.Actions {
			acts = append(acts, a.Verb+" "+string(a.Target)+" "+a.Text)
		}
		if strings.Join(acts, "|") != c.actions {
			t.Errorf("%s: actions %q, want %q", c.meta, acts, c.actions)
		}
	}
}

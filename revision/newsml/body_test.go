package newsml

import (
	"strings"
	"testing"
)

// TestBodyShapes reads the shapes a story's text takes in the wild, one
// rule each: what becomes paragraphs, and what goes elsewhere.
func TestBodyShapes(t *testing.T) {
	for _, c := range bodyCases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("t", bodyDoc(c.content))
			if err != nil {
				t.Fatal(err)
			}
			got := []string{strings.Join(r.Paragraphs, "|"), strings.Join(r.Furniture, "|"), strings.Join(r.Captions, "|"), r.Signoff}
			want := []string{c.paras, c.furniture, c.captions, c.signoff}
			for i, what := range []string{"paragraphs", "furniture", "captions", "signoff"} {
				if got[i] != want[i] {
					t.Errorf("%s %q, want %q", what, got[i], want[i])
				}
			}
		})
	}
}

// bodyDoc wraps a contentSet's content in an item.
func bodyDoc(content string) []byte {
	return []byte(`<newsItem guid="g"><contentMeta><headline>H</headline></contentMeta><contentSet>` + content + `</contentSet></newsItem>`)
}

// bodyCases are the shapes of text TestBodyShapes reads; they seed the
// fuzz targets too, as small inputs of every shape.
var bodyCases = []struct {
	name, content              string
	paras, furniture, captions string
	signoff                    string
}{
	{"xhtml paragraphs", `<inlineXML><html><body><p>One.</p><p> Two,
			wrapped. </p><p/></body></html></inlineXML>`, "One.|Two, wrapped.", "", "", ""},
	{"two line breaks end a paragraph", `<inlineXML><html><body><p>One.<br/><br/>Two.<br/>Still two.<br/> <br/>Three.</p></body></html></inlineXML>`,
		"One.|Two. Still two.|Three.", "", "", ""},
	{"one block, blank lines", "<inlineXML><html><body><p>One,\nwrapped.\n\n  Two.\n \nThree.</p></body></html></inlineXML>", "One, wrapped.|Two.|Three.", "", "", ""},
	{"subtitle before the text", `<inlineXML><html><body><h2>Subtitle</h2><p>One.</p><h3>Crosshead</h3><p>Two.</p></body></html></inlineXML>`,
		"One.|Crosshead|Two.", "Subtitle", "", ""},
	{"heading inside a paragraph", `<inlineXML><html><body><p>One.</p><p><h3>Crosshead</h3></p><p>Two.</p></body></html></inlineXML>`,
		"One.|Crosshead|Two.", "", "", ""},
	{"dpa header and teaser", `<inlineXML><html><body><header><h1>Headline</h1><p class="byline">Von A</p></header>
			<section class="main"><p class="teaser">Teaser.</p><p>One.</p></section></body></html></inlineXML>`, "One.", "Teaser.", "", ""},
	{"nitf", `<inlineXML><nitf><body><body.head><hedline><hl1>H</hl1></hedline><byline>By A</byline></body.head>
			<body.content><block><p>One.</p><hl2>Crosshead</hl2><p>Two.</p>
			<media media-type="image"><media-reference source="x.jpg"/><media-caption>A caption.</media-caption></media>
			<table><tr><th>Team</th><th>Pts</th></tr><tr><td>A</td><td>3</td></tr></table></block></body.content>
			<body.end><tagline>jd/ab</tagline></body.end></body></nitf></inlineXML>`,
		"One.|Crosshead|Two.", "Team | Pts|A | 3", "A caption.", "jd/ab"},
	{"tt", `<inlineXML><BODY><TEXT><RUBRIK>H</RUBRIK><DAT><ORT>EU</ORT></DAT><INGRESS><P>Lead.</P></INGRESS>
			<BRODTEXT><CITAT>Quote.</CITAT><MELLIS>Crosshead</MELLIS><P>Two.</P></BRODTEXT><BYLINE EPOST="a@tt.se">A/TT</BYLINE>
			<BILD><BILDTEXT><P>Caption.</P></BILDTEXT></BILD></TEXT><TEXT><RUBRIK>Fakta: X</RUBRIK><BRODTEXT><P>Fact.</P>
			<UL><LI>Item.</LI></UL></BRODTEXT></TEXT></BODY></inlineXML>`,
		"Lead.|Quote.|Crosshead|Two.", "Fakta: X|Fact.|Item.", "Caption.", "a@tt.se"},
	{"plain text", "<inlineData contenttype=\"text/plain\">Hamm (dpa) - One,\nwrapped.\n\nTwo.</inlineData>", "Hamm (dpa) - One, wrapped.|Two.", "", "", ""},
	{"xml before plain", `<inlineData contenttype="text/plain">Plain.</inlineData><inlineXML><html><body><p>Rich.</p></body></html></inlineXML>`,
		"Rich.", "", "", ""},
	{"html data is not plain text", `<inlineData contenttype="text/html">&lt;p&gt;x&lt;/p&gt;</inlineData>`, "", "", "", ""},
}

package newsml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"lede/revision"
)

// item builds a minimal text item around a body of XHTML paragraphs, with
// an optional document type declaration before it.
func item(doctype, paras string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + doctype + `
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="1">
<itemMeta><itemClass qcode="ninat:text"/><versionCreated>2024-03-05T10:00:00Z</versionCreated></itemMeta>
<contentMeta><headline>Test headline</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>` + paras + `</body></html></inlineXML></contentSet>
</newsItem>`)
}

// wantError parses data and checks the error is an input error that says
// what it should.
func wantError(t *testing.T, data []byte, says string) {
	t.Helper()
	r, err := Parse("t", data)
	if err == nil {
		t.Fatalf("parsed %+v, want an error saying %q", r, says)
	}
	if !errors.Is(err, revision.ErrBadInput) || !strings.Contains(err.Error(), says) {
		t.Fatalf("error %q, want an input error saying %q", err, says)
	}
}

// The "billion laughs": entities defined in the document type declaration
// that expand to each other. lede refuses the document before expanding
// anything.
func TestEntityBombRefused(t *testing.T) {
	bomb := `<!DOCTYPE newsItem [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>`
	wantError(t, item(bomb, "<p>&lol9;</p>"), "defines entities")
}

// External entities are never fetched: not by lede, which refuses their
// definition, and not by Go's decoder itself, which neither reads an
// external DTD nor expands an external entity (it fails on the
// reference). A local server counts requests; a local file holds a secret.
func TestExternalEntitiesNeverFetched(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`<!ENTITY remote "FETCHED">`))
	}))
	defer srv.Close()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET"), 0o600); err != nil {
		t.Fatal(err)
	}
	withEntities := `<!DOCTYPE newsItem SYSTEM "` + srv.URL + `/x.dtd" [
 <!ENTITY xxe SYSTEM "file://` + secret + `">
 <!ENTITY web SYSTEM "` + srv.URL + `/e">
]>`
	doc := item(withEntities, "<p>&xxe; &web; &remote;</p>")
	wantError(t, doc, "defines entities")

	// Go's decoder on its own, past lede's refusal: it stops at the
	// first reference it cannot expand, and fetches nothing.
	d := xml.NewDecoder(bytes.NewReader(doc))
	var text strings.Builder
	var err error
	for {
		var tok xml.Token
		if tok, err = d.Token(); err != nil {
			break
		}
		if c, ok := tok.(xml.CharData); ok {
			text.Write(c)
		}
	}
	if err == nil || !strings.Contains(err.Error(), "invalid character entity &xxe;") {
		t.Errorf("decoder: %v, want it to fail on &xxe;", err)
	}
	if strings.Contains(text.String(), "SECRET") || strings.Contains(text.String(), "FETCHED") {
		t.Errorf("decoder expanded an external entity: %q", text.String())
	}

	// A declaration that only names an external DTD is harmless: the
	// item parses and the DTD is not read.
	r, err := Parse("t", item(`<!DOCTYPE newsItem SYSTEM "`+srv.URL+`/x.dtd">`, "<p>Text.</p>"))
	if err != nil || r.Headline != "Test headline" || len(r.Paragraphs) != 1 {
		t.Errorf("item with an external DTD: %+v, %v", r, err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests to the DTD server, want none", n)
	}
}

func TestMalformedAndHostileInput(t *testing.T) {
	good := item("", "<p>Ein Absatz.</p>")
	cases := []struct {
		name string
		data []byte
		says string
	}{
		{"empty", nil, "input is empty"},
		{"white space", []byte("  \n"), "only white space"},
		{"cut off", good[:len(good)-40], "XML ends early on line"},
		{"wrong end tag", bytes.Replace(good, []byte("</headline>"), []byte("</head>"), 1), "malformed XML on line 5: element <headline> closed by </head>"},
		{"undefined entity", item("", "<p>&bogus;</p>"), "invalid character entity &bogus;"},
		{"not UTF-8", item("", "<p>Gr\xfc\xdfe</p>"), "not valid UTF-8"},
		{"NUL byte", item("", "<p>a\x00b</p>"), "binary: NUL byte"},
		{"unknown encoding", bytes.Replace(good, []byte(`encoding="UTF-8"`), []byte(`encoding="Shift_JIS"`), 1), `encoding "Shift_JIS" is not one lede reads`},
		{"too deep", item("", strings.Repeat("<div>", 500)+"x"+strings.Repeat("</div>", 500)), "nest deeper than 100 levels"},
		{"picture", bytes.Replace(good, []byte("ninat:text"), []byte("ninat:picture"), 1), "newsItem urn:test:1 is a picture item (ninat:picture), not a text story"},
		{"nothing in it", []byte(`<newsItem guid="g"><itemMeta/></newsItem>`), "newsItem g has no headline and no text"},
		{"other root", []byte(`<nitf><body/></nitf>`), "root element <nitf> is not a NewsML-G2"},
		{"empty message", []byte(`<newsMessage><header/><itemSet/></newsMessage>`), "newsMessage holds no newsItem"},
		{"package only", []byte(`<newsMessage><itemSet><packageItem guid="p"/></itemSet></newsMessage>`), "no newsItem, only packageItem"},
		{"two items", []byte(`<newsMessage><itemSet><newsItem guid="a"/><newsItem guid="b"/></itemSet></newsMessage>`), "holds 2 newsItems, not one"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantError(t, c.data, c.says) })
	}
}

func TestItemSizeBounded(t *testing.T) {
	huge := make([]byte, MaxItemSize+1) // the size is refused before any byte is read
	copy(huge, item("", "<p>x</p>"))
	wantError(t, huge, "over the 64 MiB a NewsML-G2 item may be")
}

// Memory stays proportional to the input: a message of many items, each
// with many paragraphs dense with markup, is cut and parsed within a
// fixed multiple of its size (about 30 today: the tree, the decoder's
// tokens and the text; 64 leaves room for other Go versions).
func TestMemoryBoundedByInput(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>`)
	para := "<p>" + strings.Repeat("Word and &amp; <b>bold</b> ", 20) + "</p>\n"
	for i := range 200 {
		b.Write(bytes.TrimPrefix(item("", strings.Repeat(para, 40)), []byte(`<?xml version="1.0" encoding="UTF-8"?>`)))
		_ = i
	}
	b.WriteString(`</itemSet></newsMessage>`)
	data := b.Bytes()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	chunks := Split(data)
	for _, c := range chunks {
		if _, err := Parse("t", c.Data); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if len(chunks) != 200 {
		t.Fatalf("%d chunks, want 200", len(chunks))
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1fx the input (%d bytes)", float64(alloc)/float64(len(data)), len(data))
	if alloc > 64*uint64(len(data)) {
		t.Errorf("allocated %d bytes for %d of input: %.0fx", alloc, len(data), float64(alloc)/float64(len(data)))
	}
}

// Older feeds declare ISO-8859-1 or Windows-1252; the text comes out as
// the characters they meant. HTML's named characters are read too (a
// no-break space is white space like any other).
func TestDeclaredEncodingsAndNamedCharacters(t *testing.T) {
	latin := bytes.Replace(item("", "<p>Gr\xfc\xdfe aus K\xf6ln \x96 heute</p>"), []byte(`encoding="UTF-8"`), []byte(`encoding="ISO-8859-1"`), 1)
	r, err := Parse("t", latin)
	if err != nil || r.Paragraphs[0] != "Grüße aus Köln \u0096 heute" {
		t.Fatalf("ISO-8859-1: %q, %v", r.Paragraphs, err)
	}
	win := bytes.Replace(latin, []byte(`ISO-8859-1`), []byte(`windows-1252`), 1)
	if r, err = Parse("t", win); err != nil || r.Paragraphs[0] != "Grüße aus Köln – heute" {
		t.Fatalf("Windows-1252: %q, %v", r.Paragraphs, err)
	}
	if r, err = Parse("t", item("", "<p>caf&eacute;&nbsp;noir</p>")); err != nil || r.Paragraphs[0] != "café noir" {
		t.Fatalf("named characters: %q, %v", r.Paragraphs, err)
	}
}

package nitf

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"lede/revision/revisiontest"
)

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE nitf [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<nitf><body><body.content><p>&lol9;</p></body.content></body></nitf>`

// An entity bomb is refused at its DOCTYPE, before any entity is used.
func TestBillionLaughsRefused(t *testing.T) {
	if !Detect([]byte(billionLaughs)) {
		t.Fatal("the bomb's prolog should still be recognised as NITF, so that it is refused here with a reason")
	}
	_, err := Parse("bomb.xml", []byte(billionLaughs))
	if err == nil || !strings.Contains(err.Error(), "DOCTYPE declares entities") {
		t.Fatalf("err %v, want the DOCTYPE refused", err)
	}
}

// Go's decoder itself never expands a DTD's entities: the reference is
// an error, not "lol" a billion times. This is what makes the refusal
// above a matter of a clear message rather than of safety.
func TestDecoderDoesNotExpandDTDEntities(t *testing.T) {
	d := xml.NewDecoder(strings.NewReader(billionLaughs))
	d.Strict = true
	var err error
	for err == nil {
		var tok xml.Token
		tok, err = d.Token()
		if cd, ok := tok.(xml.CharData); ok && bytes.Contains(cd, []byte("lol")) {
			t.Fatalf("entity expanded: %q", cd)
		}
	}
	if err == io.EOF || !strings.Contains(err.Error(), "invalid character entity &lol9;") {
		t.Fatalf("err %v, want the undeclared entity refused", err)
	}
}

// External entities and external DTDs are never fetched: a document
// naming both on a server sends it no request, and a DTD naming a local
// file is never read into the text.
func TestExternalEntitiesNeverFetched(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, `<!ENTITY secret "fetched">`)
	}))
	defer srv.Close()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP SECRET"), 0o600); err != nil {
		t.Fatal(err)
	}
	withEntity := `<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file://` + secret + `"><!ENTITY web SYSTEM "` + srv.URL + `/e">]>` +
		`<nitf><body><body.content><p>&xxe;&web;</p></body.content></body></nitf>`
	if _, err := Parse("xxe.xml", []byte(withEntity)); err == nil || !strings.Contains(err.Error(), "DOCTYPE declares entities") {
		t.Errorf("external entity: err %v, want refused", err)
	}
	// An external DTD alone (as the IPTC sample names one) is harmless:
	// it is not fetched, and an entity only it would declare is unknown.
	withDTD := `<!DOCTYPE nitf SYSTEM "` + srv.URL + `/nitf.dtd">` +
		`<nitf><body><body.content><p>Text &secret;</p></body.content></body></nitf>`
	_, err := Parse("dtd.xml", []byte(withDTD))
	if err == nil || !strings.Contains(err.Error(), "invalid character entity &secret;") {
		t.Errorf("external DTD entity: err %v, want it unknown", err)
	}
	ok := `<!DOCTYPE nitf SYSTEM "` + srv.URL + `/nitf.dtd"><nitf><body><body.content><p>Text.</p></body.content></body></nitf>`
	if r, err := Parse("ok.xml", []byte(ok)); err != nil || r.Paragraphs[0] != "Text." {
		t.Errorf("document with an external DTD: %v", err)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server was asked %d times; nothing may be fetched", n)
	}
}

// Nesting and size are bounded, so a hostile document costs no more
// than its bytes.
func TestLimits(t *testing.T) {
	deep := "<nitf><body><body.content>" + strings.Repeat("<block>", MaxDepth) + "<p>x</p>" +
		strings.Repeat("</block>", MaxDepth) + "</body.content></body></nitf>"
	if _, err := Parse("deep.xml", []byte(deep)); err == nil || !strings.Contains(err.Error(), "nested over 64 deep") {
		t.Errorf("deep: err %v", err)
	}
	huge := make([]byte, MaxInput+1)
	copy(huge, "<nitf>")
	if _, err := Parse("huge.xml", huge); err == nil || !strings.Contains(err.Error(), "over the 64 MiB a NITF item may be") {
		t.Errorf("huge: err %v", err)
	}
}

// Damaged documents are errors that say what is wrong and where.
func TestBadDocuments(t *testing.T) {
	revisiontest.NeedShared(t)
	ap, err := os.ReadFile(filepath.Join(corpus, "ap_nitf.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, doc, want string }{
		{"truncated", string(ap[:len(ap)/2]), "nitf: document cut off at line"},
		{"mismatched", "<nitf><body><body.content><p>x</block></body.content></body></nitf>", "nitf: malformed XML at line 1: element <p> closed by </block>"},
		{"not nitf", "<newsItem><p>x</p></newsItem>", "nitf: root element is <newsItem>, not <nitf>"},
		{"second root", "<nitf><body><body.content><p>x</p></body.content></body></nitf><nitf/>", "nitf: element <nitf> after the end of </nitf>"},
		{"empty", "  \n", "nitf: input is empty"},
		{"binary", "<nitf>\x00</nitf>", "nitf: input is binary: NUL byte at offset 6"},
		{"bad utf-8", "<nitf><body><body.content><p>\xff\xfe</p></body.content></body></nitf>", "nitf: malformed XML at line 1: invalid UTF-8"},
		{"unknown charset", `<?xml version="1.0" encoding="EBCDIC-US"?><nitf/>`, `encoding "EBCDIC-US" is not one lede reads`},
		{"undeclared entity", "<nitf><body><body.content><p>&bogus;</p></body.content></body></nitf>", "invalid character entity &bogus;"},
	} {
		_, err := Parse(c.name, []byte(c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
}

package newsml

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
)

// Each chunk of a message is a document of its own: detected again,
// parsed alone, every namespace prefix it uses declared in it, the
// item's bytes otherwise as they were.
func TestSplitChunksStandAlone(t *testing.T) {
	revisiontest.NeedShared(t)
	for _, p := range []string{filepath.Join(corpusDir, "ap_newsmlg2_earns_1st_ld_writethru.xml"), "testdata/kill_after_correction.xml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		chunks := Split(data)
		if len(chunks) < 2 {
			t.Fatalf("%s: %d chunks", p, len(chunks))
		}
		for i, c := range chunks {
			if c.Err != nil || !Detect(c.Data) || !bytes.HasPrefix(c.Data, []byte("<?xml")) {
				t.Errorf("%s chunk %d: %v, detected %v: %.80s", p, i+1, c.Err, Detect(c.Data), c.Data)
			}
			if err := prefixesDeclared(c.Data); err != "" {
				t.Errorf("%s chunk %d: %s", p, i+1, err)
			}
			if _, err := Parse("t", c.Data); err != nil {
				t.Errorf("%s chunk %d: %v", p, i+1, err)
			}
		}
	}
	// A message of one item, and a lone item, are not cut.
	for _, p := range []string{"reuters_KBN0FL0NN_v5_update.xml", "tt_replace_refuno_uv4.xml"} {
		data, _ := os.ReadFile(filepath.Join(corpusDir, p))
		if c := Split(data); c != nil {
			t.Errorf("%s: %d chunks, want nil (one item)", p, len(c))
		}
	}
}

// The message's namespaces go into each item, inner declarations win,
// and the item's own are not repeated.
func TestSplitCopiesNamespaces(t *testing.T) {
	msg := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>
<newsMessage xmlns="urn:outer" xmlns:rtr="urn:rtr"><header xmlns:h="urn:h"/><itemSet xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:x="a&quot;b">
<newsItem guid="1" rtr:a="v"><itemMeta/><contentMeta><headline>One</headline></contentMeta></newsItem>
<newsItem xmlns:rtr="urn:own" guid="2"><contentMeta><headline>Two</headline></contentMeta></newsItem>
</itemSet></newsMessage>`)
	chunks := Split(msg)
	if len(chunks) != 2 {
		t.Fatalf("%d chunks", len(chunks))
	}
	want := []string{
		`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + `<newsItem xmlns:x="a&#34;b" xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:rtr="urn:rtr" guid="1" rtr:a="v"><itemMeta/><contentMeta><headline>One</headline></contentMeta></newsItem>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + `<newsItem xmlns:x="a&#34;b" xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:rtr="urn:own" guid="2"><contentMeta><headline>Two</headline></contentMeta></newsItem>`,
	}
	for i, c := range chunks {
		if string(c.Data) != want[i] {
			t.Errorf("chunk %d:\n%s\nwant\n%s", i+1, c.Data, want[i])
		}
	}
}

// prefixesDeclared reports a namespace prefix used in doc but declared
// nowhere in it ("" when all are). Go's decoder does not check this
// itself, but other XML readers refuse such a document.
func prefixesDeclared(doc []byte) string {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = charsetReader
	declared := []map[string]bool{{"xml": true, "xmlns": true}}
	for {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			scope := map[string]bool{}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" {
					scope[a.Name.Local] = true
				}
			}
			declared = append(declared, scope)
			names := []xml.Name{t.Name}
			for _, a := range t.Attr {
				names = append(names, a.Name)
			}
			for _, n := range names {
				if n.Space == "" || n.Space == "xmlns" {
					continue
				}
				found := false
				for _, s := range declared {
					found = found || s[n.Space]
				}
				if !found {
					return "prefix " + n.Space + " used by <" + t.Name.Local + "> is not declared"
				}
			}
		case xml.EndElement:
			declared = declared[:len(declared)-1]
		}
	}
}

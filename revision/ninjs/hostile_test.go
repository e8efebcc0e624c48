package ninjs

import (
	"strings"
	"testing"
	"time"
)

// An XHTML body may open with a DOCTYPE that defines entities, the
// shape of an XML bomb. The body tokenizer reads declarations as markup
// to skip and never expands an entity it defines: only HTML's own named
// and numeric entities are decoded, so a bomb stays a few literal bytes.
func TestBodyDoctypeEntitiesNotExpanded(t *testing.T) {
	body := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">` +
		`<!ENTITY ext SYSTEM "file:///etc/passwd">]><html><body><p>&lol2; &ext; &amp;</p></body></html>`
	h := htmlParagraphs(body)
	if len(h.paras) != 1 || h.paras[0] != "&lol2; &ext; &" {
		t.Fatalf("paragraphs %q, want the defined entities left as written", h.paras)
	}
}

// JSON nested without end is refused with an error by encoding/json's
// own depth limit, not a crash, and in time linear in its size.
func TestDeepJSON(t *testing.T) {
	n := 200000
	data := []byte(`{"uri": "u", "type": "text", "headline": "h", "x": ` + strings.Repeat("[", n) + strings.Repeat("]", n) + `}`)
	start := time.Now()
	if _, err := Parse("deep", data); err == nil {
		t.Error("parsed JSON nested 200,000 deep")
	}
	Split(data)
	Detect(data)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

// A body of many megabytes of tags parses in time linear in its size.
func TestLargeBody(t *testing.T) {
	body := strings.Repeat("<p>Para <b>bold</b> &amp; text.</p><div><span>x</span></div>", 50000)
	start := time.Now()
	h := htmlParagraphs(body)
	if len(h.paras) != 50000 {
		t.Errorf("%d paragraphs, want 50000", len(h.paras))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v for %d bytes", d, len(body))
	}
}

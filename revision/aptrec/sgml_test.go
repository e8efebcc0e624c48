package aptrec

import (
	"strings"
	"testing"
	"time"
)

// A <DOC> whose SGML is broken is refused with the problem named.
func TestMalformedDoc(t *testing.T) {
	head := "<DOC>\n<DOCNO> AP890103-0020 </DOCNO>\n"
	tests := []struct{ name, doc, err string }{
		{"unclosed", head + "<HEAD>Dam Breaks\n<TEXT>\n   x\n</TEXT>\n</DOC>", "<HEAD> is not closed"},
		{"nested", head + "<TEXT>\n   a <HEAD>b</HEAD>\n</TEXT>\n</DOC>", "<HEAD> opens inside <TEXT>"},
		{"never closed", head + "<TEXT>\n   a\n</DOC>", "<TEXT> is not closed"},
		{"stray text", head + "stray words\n<TEXT>\n   a\n</TEXT>\n</DOC>", `text outside any element: "stray words"`},
		{"no docno", "<DOC>\n<TEXT>\n   a\n</TEXT>\n</DOC>", "<DOC> has no <DOCNO>"},
		{"two docs", head + "</DOC>\n" + head + "</DOC>", "input holds 2 <DOC>s"},
		{"no end", head + "<TEXT>\n   a\n</TEXT>\n", "no </DOC> at its end"},
		{"no text", head + "<FIRST>r a AM-X     01-03 0100</FIRST>\n</DOC>", "holds no story text"},
		{"binary", head + "<TEXT>\x00</TEXT></DOC>", "NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseItem("x", []byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error %v, want %q", err, tt.err)
			}
		})
	}
}

// TREC's SGML is read by lede's own scanner, not an XML decoder: a
// DOCTYPE declaring entities is not an AP TREC file at all, and inside a
// <DOC> an entity that an internal subset could define (&bomb;) is left
// as written. Nothing is expanded but the fixed SGML set, so no input
// can grow when read (no "billion laughs").
func TestEntityDefinitionsAreNotExpanded(t *testing.T) {
	bomb := `<!DOCTYPE DOC [<!ENTITY a "aaaaaaaaaa"><!ENTITY bomb "&a;&a;&a;&a;&a;&a;&a;&a;">]>` + "\n"
	doc := "<DOC>\n<DOCNO> AP890103-0021 </DOCNO>\n<TEXT>\n   &bomb; &a; &amp;\n</TEXT>\n</DOC>\n"
	if Detect([]byte(bomb + doc)) {
		t.Error("a document opening with a DOCTYPE was taken for an AP TREC file")
	}
	r, err := parseItem("x", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if r.Paragraphs[0] != "&bomb; &a; &" {
		t.Errorf("paragraph %q", r.Paragraphs[0])
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"<DOC>\n<DOCNO> AP890102-0132 </DOCNO>\n", true},
		{"\n\n<DOC>\n<DOCNO>AP880212-0001</DOCNO>", true},
		{"<DOC>\n<DOCNO> X1 </DOCNO>\n<FILEID>AP-NR-01-02-89 2238EST</FILEID>", true},
		{"<DOC>\n<DOCNO> WSJ870324-0001 </DOCNO>\n<HL> Dow Jones </HL>", false},
		{"<DOC>\n<DOCNO> FT911-1 </DOCNO>", false},
		{"<?xml version=\"1.0\"?><DOC>", false},
		{" date 2019-12-30 (LEAD) N.K. holds", false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q) = %v", tt.head, got)
		}
	}
}

// Split names each <DOC> by its DOCNO, and nothing in the file is lost:
// text outside the <DOC>s and a <DOC> left open before the next are
// items of their own, with errors.
func TestSplit(t *testing.T) {
	doc := func(n string) string {
		return "<DOC>\n<DOCNO> " + n + " </DOCNO>\n<TEXT>\n   a\n</TEXT>\n</DOC>\n"
	}
	in := "junk line\n" + doc("AP1") + "<DOC>\n<DOCNO> AP2 </DOCNO>\n<TEXT>\n   b\n" + doc("AP3") + "trailing"
	cs := split([]byte(in))
	want := []struct{ name, err string }{
		{"", `text outside any <DOC>: "junk line"`},
		{"AP1", ""},
		{"AP2", "no </DOC> before the next <DOC>"},
		{"AP3", ""},
		{"", `text after the last </DOC>: "trailing"`},
	}
	if len(cs) != len(want) {
		t.Fatalf("%d chunks, want %d", len(cs), len(want))
	}
	for i, w := range want {
		c := cs[i]
		if c.Name != w.name || (w.err == "") != (c.Err == nil) || c.Err != nil && !strings.Contains(c.Err.Error(), w.err) {
			t.Errorf("chunk %d: name %q err %v, want %q %q", i, c.Name, c.Err, w.name, w.err)
		}
		if c.Err == nil && (!Detect(c.Data) || !strings.HasSuffix(string(c.Data), "</DOC>")) {
			t.Errorf("chunk %d is not a whole <DOC> detected again: %q", i, c.Data)
		}
	}
}

// A file of many <DOC>s that never close is split in one pass: 8 MiB of
// them takes well under a second, not the minutes a rescan per <DOC>
// would.
func TestSplitManyUnclosedIsLinear(t *testing.T) {
	data := []byte(strings.Repeat("<DOC>\n<DOCNO> AP1 </DOCNO>\n", 8<<20/27))
	start := time.Now()
	cs := split(data)
	if len(cs) != 8<<20/27 || cs[0].Err == nil {
		t.Fatalf("%d chunks, first error %v", len(cs), cs[0].Err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("split took %v", d)
	}
}

package revisiontest

import (
	"fmt"
	"strings"
	"testing"

	"lede/revision"
)

// APDoc is a hand-made AP item in the TREC SGML of the AP89 collection,
// for tests of one rule each: versions, takes and adds, partial leads.
type APDoc struct {
	DocNo    string // "AP890105-0101"
	Time     string // transmission time "HHMM", Eastern, on 5 January 1989
	Keyword  string // the slug line's keyword, cycle first: "AM-Harbor-Fire"
	Version  string // as on the <SECOND> line: "1st Ld", "3 Takes", "1st Add", ""
	Ref      string // the reference number, "" for none
	Head     string // the headline, "" for none (an add)
	Eds      string // the editor's note without "Eds: ", "" for none
	Dateline string // "PORTLAND, Maine (AP)", "" for none (an add)
	Paras    []string
	// Pickup is what Eds says of the pick-up, nil for none: see
	// CheckPickup.
	Pickup *revision.Pickup
}

// CheckPickup fails the test unless r, the parse of the item, has the
// pick-up its note states, so tests of the rebuild run on what the Eds:
// grammar reads.
func (d APDoc) CheckPickup(t testing.TB, r *revision.Revision) {
	t.Helper()
	if d.Pickup == nil {
		return
	}
	if r.Pickup == nil || *r.Pickup != *d.Pickup {
		t.Fatalf("%s: pick-up read as %+v, the note says %+v", d.DocNo, r.Pickup, *d.Pickup)
	}
}

// Text is the item as a TREC <DOC>, paragraphs hard-wrapped and indented
// as AP's are.
func (d APDoc) Text() string {
	var b strings.Builder
	first := strings.ReplaceAll(d.Keyword, " ", "")
	version := strings.ReplaceAll(d.Version, " ", "")
	slug := strings.ReplaceAll(d.Keyword, "-", " ")
	if i := strings.Index(d.Keyword, "-"); i > 0 {
		slug = d.Keyword[:i+1] + strings.ReplaceAll(d.Keyword[i+1:], "-", " ")
	}
	second := slug
	switch {
	case strings.HasSuffix(d.Version, " Add"):
		first += "-" + version
		second += " - " + d.Version
	case d.Version != "":
		first += " " + version
		second += ", " + d.Version
	}
	if d.Ref != "" {
		first += " " + d.Ref
		second += ", " + d.Ref
	}
	fmt.Fprintf(&b, "<DOC>\n<DOCNO> %s </DOCNO>\n<FILEID>AP-NR-01-05-89 %sEST</FILEID>\n", d.DocNo, d.Time)
	fmt.Fprintf(&b, "<FIRST>r a %s 01-05 0400</FIRST>\n<SECOND>%s,0400</SECOND>\n", first, second)
	if d.Head != "" {
		fmt.Fprintf(&b, "<HEAD>%s</HEAD>\n", d.Head)
	}
	if d.Eds != "" {
		fmt.Fprintf(&b, "<HEAD>Eds: %s</HEAD>\n", d.Eds)
	}
	if d.Dateline != "" {
		fmt.Fprintf(&b, "<BYLINE>By JANE DOE</BYLINE>\n<BYLINE>Associated Press Writer</BYLINE>\n<DATELINE>%s </DATELINE>\n", d.Dateline)
	}
	b.WriteString("<TEXT>\n")
	for _, p := range d.Paras {
		b.WriteString("   " + wrap(p, 66) + "\n")
	}
	b.WriteString("</TEXT>\n</DOC>\n")
	return b.String()
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = strings.TrimSpace(line + " " + w)
	}
	return strings.Join(append(lines, line), "\n")
}

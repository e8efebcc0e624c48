package aptrec

import (
	"fmt"
	"strconv"
	"strings"

	"lede/revision"
)

// element is one element of a TREC <DOC>: its tag and its text as
// written, entities not yet decoded. TREC's SGML is flat: a <DOC> holds
// a sequence of elements (DOCNO, FILEID, FIRST, SECOND, HEAD, BYLINE,
// DATELINE, TEXT, NOTE, UNK...) and none of them nests another.
type element struct {
	Tag  string
	Text string
}

var openRe = revision.LazyRegexp(`<([A-Z0-9][A-Z0-9_]{0,15})>`)

// aliases are other TREC distributions' names for the same elements:
// the AP88 disks call the slug lines <1ST_LINE> and <2ND_LINE>.
var aliases = map[string]string{"1ST_LINE": "FIRST", "2ND_LINE": "SECOND"}

// maxElements bounds the elements of one <DOC>: a real one has a dozen
// or two, a day file's digest a few dozen.
const maxElements = 10000

// elements cuts the inside of a <DOC> into its elements. Text between
// elements other than white space, an element that is not closed, and
// an element inside another are errors naming the tag, because the
// item's bytes are then not what a TREC file holds.
func elements(doc string) ([]element, error) {
	var out []element
	rest := doc
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			if s := strings.TrimSpace(rest); s != "" {
				return out, fmt.Errorf("text outside any element: %q", clip(s))
			}
			return out, nil
		}
		if s := strings.TrimSpace(rest[:i]); s != "" {
			return out, fmt.Errorf("text outside any element: %q", clip(s))
		}
		m := openRe.FindStringSubmatchIndex(rest[i:])
		if m == nil || m[0] != 0 {
			return out, fmt.Errorf("%q where an element should start", clip(rest[i:]))
		}
		tag := rest[i+m[2] : i+m[3]]
		body := rest[i+m[1]:]
		end := strings.Index(body, "</"+tag+">")
		if end < 0 {
			return out, fmt.Errorf("<%s> is not closed", tag)
		}
		if j := openRe.FindStringIndex(body[:end]); j != nil {
			return out, fmt.Errorf("<%s> opens inside <%s>", strings.Trim(body[j[0]:j[1]], "<>"), tag)
		}
		name := tag
		if a, ok := aliases[tag]; ok {
			name = a
		}
		out = append(out, element{Tag: name, Text: body[:end]})
		if len(out) > maxElements {
			return out, fmt.Errorf("more than %d elements in one <DOC>", maxElements)
		}
		rest = body[end+len(tag)+3:]
	}
}

// entities are the SGML entities AP copy uses (TREC wrote "&" as "&amp;")
// and the few others of SGML's basic set.
var entities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'",
	"nbsp": "\u00a0", "mdash": "—", "ndash": "–", "cent": "¢", "deg": "°",
	// ISO Latin-1 letters, for foreign names in datelines and text.
	"aacute": "á", "agrave": "à", "atilde": "ã", "auml": "ä", "ccedil": "ç",
	"eacute": "é", "egrave": "è", "iacute": "í", "ntilde": "ñ", "oacute": "ó",
	"ouml": "ö", "uacute": "ú", "uuml": "ü", "Aacute": "Á", "Atilde": "Ã",
	"Eacute": "É", "Ntilde": "Ñ", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
}

var entityRe = revision.LazyRegexp(`&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});?`)

// decode replaces the SGML entities of s. An entity lede does not know,
// or a number that is no character, stays as written: it is the agency's
// text, and guessing a character would change it.
func decode(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entityRe.ReplaceAllStringFunc(s, func(e string) string {
		name := strings.TrimSuffix(e[1:], ";")
		if r, ok := entities[name]; ok {
			return r
		}
		if name[0] != '#' {
			return e
		}
		var n uint64
		var err error
		if name[1] == 'x' {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil || n == 0 || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || n < 0x20 && n != '\t' && n != '\n' {
			return e
		}
		return string(rune(n))
	})
}

// clip shortens s for an error message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

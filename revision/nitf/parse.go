// Package nitf reads NITF 3.x (News Industry Text Format) documents, the
// XML that AP, CP, PA, AAP, NTB and many others send: the story key and
// version in head/docdata's du-key, the lifecycle in management-status,
// the editor's note in ed-msg, the text in body.content.
package nitf

import (
	"fmt"
	"strconv"
	"strings"

	"lede/revision"
)

// Format is the name revisions of this format carry.
const Format = "nitf"

// Parse reads one NITF document. A document that is not whole,
// well-formed NITF, or that carries no story text (unless it is a kill,
// which need not), is an error saying why.
func Parse(source string, data []byte) (*revision.Revision, error) {
	root, warnings, err := decode(data)
	if err != nil {
		return nil, err
	}
	head, body := root.child("head"), root.child("body")
	docdata := head.child("docdata")
	r := &revision.Revision{Source: source, Format: Format, Complete: true, Warnings: warnings}
	readIdentity(r, head, docdata)
	readStatus(r, docdata)
	readNote(r, head, docdata)
	readDates(r, docdata, body.path("body.head", "dateline", "story.date"))
	readHead(r, body.child("body.head"))
	readText(r, body)
	if len(r.Paragraphs) == 0 && r.Status != revision.StatusCanceled {
		return nil, bad("no story text: body.content has no paragraph")
	}
	return r, nil
}

// readIdentity fills agency, id, key, version and slug. The key is the
// du-key's, which the agency keeps across a story's versions, qualified
// by the agency (two agencies' keys never meet) and, when the du-key
// counts generations and versions within them, by the generation: NITF's
// recurring items (the IPTC sample's "ongoing-winter-tide-updates",
// generation 14) keep one key for many stories, one per generation.
func readIdentity(r *revision.Revision, head, docdata *node) {
	r.Agency = agencyOf(docdata)
	r.ID = docdata.child("doc-id").get("id-string")
	du := docdata.child("du-key")
	key, gen, ver := du.get("key"), du.get("generation"), du.get("version")
	r.Version = number(r, "du-key version", ver)
	if key != "" {
		if gen != "" && ver != "" {
			key += "#g" + gen
		}
		if r.Agency != "" {
			key = r.Agency + ":" + key
		}
		r.Key = key
	}
	if r.Version == 0 && ver == "" {
		r.Version = number(r, "du-key generation", gen)
	}
	r.Slug = slugOf(head, r.Agency)
	if s := docdata.child("series").get("series.name"); s != "" {
		r.Tags = append(r.Tags, s)
	}
}

// number reads a count attribute; a value that is not a number is a
// warning and 0, never a guess.
func number(r *revision.Revision, what, v string) int {
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s %q is not a number; ignored", what, v))
		return 0
	}
	return n
}

// slugMetas are the <meta> names that carry an agency's keyword: AAP's
// ANPA header field, NTB's stikkord ("catchword").
var slugMetas = []string{"anpa-keyword", "NTBStikkord", "slugline", "slug"}

// slugOf finds the agency's keyword: a slug <meta>, else a <title> that
// is one word ("Rideau-Hall-Police", as CP sends it), else PA's title
// "1 POLITICS UnitedKingdom" without its leading number. A title that
// reads as a headline is not a slug.
func slugOf(head *node, agency string) string {
	for _, name := range slugMetas {
		for _, m := range head.all("meta") {
			if m.get("name") == name && m.get("content") != "" {
				return m.get("content")
			}
		}
	}
	title := textOf(head.child("title"))
	switch {
	case title != "" && !strings.Contains(title, " "):
		return title
	case agency == "PA":
		if n, rest, ok := strings.Cut(title, " "); ok && strings.Trim(n, "0123456789") == "" {
			return rest
		}
	}
	return ""
}

// readStatus maps docdata@management-status: embargoed and withheld
// items are withheld, canceled ones are kills. What the item replaces is
// management-doc-idref; an item that is not a kill and names one is an
// update of it.
func readStatus(r *revision.Revision, docdata *node) {
	switch s := docdata.get("management-status"); strings.ToLower(s) {
	case "", "usable":
		r.Status = revision.StatusUsable
	case "embargoed", "withheld":
		r.Status = revision.StatusWithheld
	case "canceled", "cancelled":
		r.Status = revision.StatusCanceled
		r.Signals = append(r.Signals, revision.SignalKill)
	default:
		r.Status = revision.StatusUsable
		r.Warnings = append(r.Warnings, fmt.Sprintf("management-status %q is not usable, embargoed, withheld or canceled; read as usable", s))
	}
	r.Refs = append(r.Refs, strings.Fields(docdata.get("management-doc-idref"))...)
	if len(r.Refs) > 0 && r.Status != revision.StatusCanceled {
		r.Signals = append(r.Signals, revision.SignalUpdate)
	}
}

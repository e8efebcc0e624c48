// Package newsml reads IPTC NewsML-G2, the XML format in which AP, Reuters,
// dpa, STT, TT and others send text items: a newsItem alone, or a
// newsMessage whose itemSet holds several. Each newsItem is one revision;
// its guid and version say which story and which version it is. The
// package registers the format with revision; revision/wire imports it.
package newsml

import (
	"strconv"

	"lede/revision"
)

// Format is the name of the format, what Revision.Format says.
const Format = "newsml-g2"

func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  Split,
		Parse:  Parse,
	})
}

// Parse reads one NewsML-G2 text item: a document whose root is a
// newsItem, or a newsMessage holding exactly one (Split cuts larger
// messages). source is not used by the parser; the wire layer names the
// revision. A document that is not well-formed, not a text item, or
// holds neither headline nor text is an error saying why.
func Parse(source string, data []byte) (*revision.Revision, error) {
	root, err := parseTree(data)
	if err != nil {
		if g := firstGuid(data); g != "" {
			return nil, bad("newsItem %s: %v", g, err)
		}
		return nil, err
	}
	item, err := theItem(root)
	if err != nil {
		return nil, err
	}
	return readItem(item)
}

// firstGuid is the guid of the first newsItem's start tag, found without
// decoding, so that an item too broken to decode is still named.
func firstGuid(data []byte) string {
	guid := ""
	scanTags(data, func(t tag) bool {
		if t.local != "newsItem" || t.closing || t.end < 0 {
			return true
		}
		if m := guidAttr.FindSubmatch(data[t.start:t.end]); m != nil {
			guid = string(m[1])
		}
		return false
	})
	return guid
}

// theItem finds the one newsItem of a document.
func theItem(root *node) (*node, error) {
	switch root.name.Local {
	case "newsItem":
		return root, nil
	case "newsMessage":
		set := root.child("itemSet")
		items := set.children("newsItem")
		switch {
		case len(items) == 1:
			return items[0], nil
		case len(items) > 1:
			return nil, bad("newsMessage holds %d newsItems, not one (lede cuts a message into its items when it reads a file)", len(items))
		case set != nil && len(set.kids) > 0:
			return nil, bad("newsMessage holds no newsItem, only %s", otherItems(set))
		}
		return nil, bad("newsMessage holds no newsItem")
	}
	return nil, bad("root element <%s> is not a NewsML-G2 newsItem or newsMessage", root.name.Local)
}

// otherItems names the items of a set that are not news items
// ("packageItem, conceptItem"), for the error that refuses the set.
func otherItems(set *node) string {
	seen, out := map[string]bool{}, ""
	for _, k := range set.kids {
		if k.name.Local != "" && !seen[k.name.Local] {
			seen[k.name.Local] = true
			if out != "" {
				out += ", "
			}
			out += k.name.Local
		}
	}
	if out == "" {
		return "text"
	}
	return out
}

// readItem reads a newsItem into a revision, field by field: identity
// and version from the item's attributes, status, times, notes, signals
// and links from itemMeta, slugline, headline, byline and dateline from
// contentMeta, text from contentSet.
func readItem(item *node) (*revision.Revision, error) {
	if err := checkClass(item); err != nil {
		return nil, err
	}
	meta, cm := item.child("itemMeta"), item.child("contentMeta")
	r := &revision.Revision{ID: collapse(item.get("guid")), Complete: true}
	if v := item.get("version"); v != "" {
		n, err := strconv.Atoi(collapse(v))
		if err != nil || n < 0 {
			r.Warnings = append(r.Warnings, "version "+strconv.Quote(v)+" is not a version number")
		} else {
			r.Version = n
		}
	}
	sig := &signalSet{}
	readTimes(r, meta)
	readStatus(r, meta, sig)
	r.Agency = agencyOf(item, meta)
	r.Note = noteOf(meta.children("edNote"))
	r.Refs = refsOf(item, meta, cm)
	r.Tags = genresOf(cm)
	readHead(r, meta, cm, readBody(item.child("contentSet")), sig)
	if isCorrectionNote(meta.children("edNote")) {
		sig.add(revision.SignalCorrection)
	}
	readNoteActions(r, sig)
	signalActions(r, meta)
	if r.Agency == "AP" {
		readAPNote(r, sig)
	}
	r.Signals = sig.list()
	r.Key = keyOf(r)
	if r.Headline == "" && len(r.Paragraphs) == 0 && r.Status != revision.StatusCanceled {
		return nil, bad("newsItem%s has no headline and no text", guidText(r.ID))
	}
	return r, nil
}

// checkClass refuses items that are not text: a picture, video or
// graphic item has no story text to track.
func checkClass(item *node) error {
	q := item.child("itemMeta").child("itemClass").get("qcode")
	switch code(q) {
	case "", "text", "composite":
		return nil
	}
	return bad("newsItem%s is a %s item (%s), not a text story", guidText(item.get("guid")), code(q), q)
}

func guidText(guid string) string {
	if guid == "" {
		return ""
	}
	return " " + guid
}

// code is a QCode's code without its scheme alias: "stat:usable" gives
// "usable". Scheme aliases differ between providers; the codes of the
// IPTC schemes do not.
func code(qcode string) string {
	for i := len(qcode) - 1; i >= 0; i-- {
		if qcode[i] == ':' {
			return qcode[i+1:]
		}
	}
	return qcode
}

// scheme is a QCode's scheme alias: "stat:usable" gives "stat".
func scheme(qcode string) string {
	for i := 0; i < len(qcode); i++ {
		if qcode[i] == ':' {
			return qcode[:i]
		}
	}
	return ""
}

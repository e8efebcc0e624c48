package ninjs

import (
	"strings"

	"lede/revision"
)

// readBody fills paragraphs, captions, furniture and the dateline from
// the item's text: an HTML body (1.x body_html, body_html5, body_xhtml;
// a 3.0 "bodies" entry of an HTML content type or role; the AP
// envelope's nitf.body_html), else plain text (body_text, a plain 3.0
// body). The richest form wins: HTML says where paragraphs end. An item
// without any body is kept with a warning (the AP Media API sends the
// text as a rendition to download, not in the item).
func readBody(r *revision.Revision, d *decoded) {
	it := &d.item
	htmlBody, textBody := "", it.BodyText
	for _, s := range []string{it.BodyHTML, it.BodyHTML5, it.BodyXHTML, d.nitfBody} {
		if strings.TrimSpace(s) != "" {
			htmlBody = s
			break
		}
	}
	for _, b := range it.Bodies {
		ct, role := strings.ToLower(b.ContentType), strings.ToLower(b.Role)
		isHTML := strings.Contains(ct, "html") || strings.Contains(ct, "xml") || strings.Contains(role, "html")
		switch {
		case isHTML && htmlBody == "":
			htmlBody = b.Value
		case !isHTML && textBody == "":
			textBody = b.Value
		}
	}
	switch {
	case strings.TrimSpace(htmlBody) != "":
		h := htmlParagraphs(htmlBody)
		r.Paragraphs, r.Captions, r.Furniture = h.paras, h.captions, h.furniture
		dropHeadline(r)
	case strings.TrimSpace(textBody) != "":
		r.Paragraphs = revision.TextParagraphs(textBody)
	default:
		addWarning(r, "no body text in the item (no body_* or bodies property; the AP Media API sends the text as a rendition to download)")
	}
	lead := ""
	if len(r.Paragraphs) > 0 {
		lead = r.Paragraphs[0]
	}
	r.Dateline = dateline(lead, string(it.Located))
}

// dropHeadline removes the headline from the furniture where the body
// repeats it as its first heading (TT's <h1>): it is not lost, it is
// the headline.
func dropHeadline(r *revision.Revision) {
	if len(r.Furniture) > 0 && r.Furniture[0] == r.Headline {
		r.Furniture = r.Furniture[1:]
	}
}

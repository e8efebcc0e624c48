package anpa

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// readText reads the "^" heads after the slug line and the text. The
// first head that is not a note, photo line or flag is the headline;
// "By" and the title line after it are the byline; any other head (the
// summary AP sends with some leads) is kept as furniture. The text is
// the tab-indented lines, and the first carries the dateline ("ATLANTA
// (AP) _ "). Agate (standings, scores) mixes rows without a tab and "^"
// subheads into its text: once the text has begun, every line is text.
func readText(r *revision.Revision, lines []string) {
	var notes, bylines []string
	slug, body := true, false
	cont := r.Part != nil && (r.Part.Kind == "add" || r.Part.N > 1)
	for _, l := range lines {
		h, isHead := headLine(l)
		switch {
		case isHead && body:
			if h != "" {
				r.Paragraphs = append(r.Paragraphs, h)
			}
		case isHead && slug:
			slug = false
		case isHead && h == "":
		case isHead && apwire.IsEds(h):
			notes = append(notes, apwire.EdsText(h))
		case isHead && (strings.HasPrefix(strings.ToLower(h), "by ") ||
			len(bylines) > 0 && apwire.IsTitleLine(h) && strings.HasSuffix(strings.TrimSpace(l), "=")):
			bylines = append(bylines, h)
		case isHead:
			head(r, h, cont)
		default:
			if p := strings.Join(strings.Fields(strings.TrimRight(l, "<= ")), " "); p != "" {
				r.Paragraphs = append(r.Paragraphs, p)
				body = true
			}
		}
	}
	apwire.ApplyNote(r, strings.Join(notes, " "))
	r.Byline, r.Authors = apwire.Byline(bylines)
	apwire.ApplyAdvisory(r)
	if len(r.Paragraphs) > 0 {
		if d, ok := apwire.InlineDateline(r.Paragraphs[0]); ok {
			r.Dateline = d
		}
	}
}

// head files a head line by its kind.
func head(r *revision.Revision, h string, cont bool) {
	switch apwire.ClassifyHead(h, cont) {
	case apwire.HeadFlag:
		r.Marker.Flags = append(r.Marker.Flags, h)
	case apwire.HeadTag:
		r.Tags = append(r.Tags, h)
	case apwire.HeadHeadline:
		if r.Headline == "" {
			r.Headline, r.RawHeadline = h, h
			return
		}
		r.Furniture = append(r.Furniture, h)
	default:
		r.Furniture = append(r.Furniture, h)
	}
}

package jsonl

import (
	"strings"

	"lede/revision"
	"lede/revision/yonhap"
)

// page reads a line whose "text" is a Yonhap page: the Yonhap parser
// reads the text (marker, headline, note, byline, dateline, paragraphs,
// sign-off, whether it reached (END)); the line's own fields fill only
// what the page does not show. Text that is not a Yonhap page is
// refused, unless the line's url or agency says it is Yonhap's.
func (l *line) page(source string) (*revision.Revision, error) {
	_, _, yonhapURL := yonhap.ArticleID(l.URL)
	_, _, yonhapID := yonhap.ArticleID(l.ID)
	text, cut, err := revision.CleanCut([]byte(*l.Text), int64(len(*l.Text))+1)
	if err != nil {
		return nil, &revision.InputError{Reason: "field text: " + err.Error()}
	}
	if !yonhapURL && !yonhapID && !strings.EqualFold(l.Agency, "Yonhap") && !yonhap.Detect(text) {
		return nil, &revision.InputError{Reason: "field text is not a Yonhap page (give other text as body or paragraphs)"}
	}
	r := yonhap.ParseCut(source, text, cut)
	if len(r.Paragraphs) == 0 {
		return nil, &revision.InputError{Reason: "field text: no story text found"}
	}
	r.Format = Format
	r.Agency = strings.TrimSpace(l.Agency)
	if r.Agency == "" {
		r.Agency = "Yonhap"
	}
	r.ID, r.Key = strings.TrimSpace(l.ID), strings.TrimSpace(l.ID)
	if r.Key == "" {
		r.ID, r.Key = strings.TrimSpace(l.URL), strings.TrimSpace(l.URL)
	}
	if r.RawHeadline == "" && l.Headline != "" {
		r.RawHeadline = strings.TrimSpace(l.Headline)
		r.Marker, r.Tags, r.Headline = yonhap.SplitHeadline(r.RawHeadline)
	}
	if r.Note == "" && l.Note != "" {
		r.Note = noteText(l.Note)
		r.Actions = yonhap.ParseNote(r.Note)
	}
	if r.Byline == "" && l.Byline != "" {
		r.Byline = bylineText(l.Byline)
		r.Authors = authors(r.Byline)
	}
	if r.Dateline.Place == "" {
		r.Dateline.Place = strings.TrimSpace(l.Dateline)
	}
	return r, nil
}

// noteText is the editor's note without its wrapper: Yonhap's "(ATTN:
// ...)" (or "ATT:"), AP's "Eds:".
func noteText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	for _, p := range []string{"ATTN:", "ATT:", "Eds:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// bylineText is the byline without its "By".
func bylineText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 3 && strings.EqualFold(s[:3], "By ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

// authors splits a byline into names ("A, B and C").
func authors(byline string) []string {
	var out []string
	for _, part := range strings.Split(byline, ",") {
		for _, name := range strings.Split(part, " and ") {
			if name = strings.TrimSpace(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

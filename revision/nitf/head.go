package nitf

import (
	"fmt"

	"lede/revision"
)

// readDates takes the transmission time from date.issue (when the item
// was sent), else date.release; the story's date and time of day are
// those of date.issue as written in its own zone, else the dateline's
// story.date, else date.release. A value without a zone gives a date and
// time but no instant.
func readDates(r *revision.Revision, docdata, storyDate *node) {
	var issued, stated, release stamp
	var okI, okS, okR bool
	issued, okI = readStamp(r, "date.issue", docdata.child("date.issue").get("norm"))
	stated, okS = readStamp(r, "story.date", storyDate.get("norm"))
	release, okR = readStamp(r, "date.release", docdata.child("date.release").get("norm"))
	for _, s := range []struct {
		st stamp
		ok bool
	}{{issued, okI}, {release, okR}} {
		if s.ok && s.st.rfc3339 != "" {
			r.Transmitted = s.st.rfc3339
			break
		}
	}
	for _, s := range []struct {
		st stamp
		ok bool
	}{{issued, okI}, {stated, okS}, {release, okR}} {
		if s.ok {
			r.Date, r.Time = s.st.date, s.st.hhmm
			break
		}
	}
}

func readStamp(r *revision.Revision, what, v string) (stamp, bool) {
	st, ok, warn := parseNorm(v)
	switch {
	case warn:
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s %q is not a date; ignored", what, v))
	case ok && st.rfc3339 == "" && st.hhmm != "":
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s %q has no time zone: a local time, not an instant", what, v))
	}
	return st, ok
}

// readHead reads body.head: the headline (hl1; hl2, a subheadline, is
// kept as furniture), the byline, and the abstract and notes, which are
// furniture too: not story text, not dropped.
func readHead(r *revision.Revision, bh *node) {
	hed := bh.child("hedline")
	r.Headline = textOf(hed.child("hl1"))
	r.RawHeadline = r.Headline
	for _, hl2 := range hed.all("hl2") {
		if t := textOf(hl2); t != "" && t != r.Headline {
			r.Furniture = append(r.Furniture, t)
		}
	}
	r.Byline, r.Authors = bylineOf(bh.child("byline"))
	for _, name := range []string{"abstract", "note"} {
		for _, n := range bh.all(name) {
			if t := textOf(n); t != "" {
				r.Furniture = append(r.Furniture, t)
			}
		}
	}
}

// signoffPara is an agency's closing line of initials sent as the last
// paragraph ("AAP RTV"): a sign-off, not story text.
var signoffPara = revision.LazyRegexp(`^(?:AAP|dpa|NTB|PA)(?: [A-Za-z]{2,4}){1,4}$`)

// readText reads body.content into paragraphs, captions and furniture,
// the dateline from the lead and the sign-off from body.end's tagline or
// a closing line of initials.
func readText(r *revision.Revision, body *node) {
	parts := readBody(body.child("body.content"))
	r.Paragraphs, r.Captions = parts.paras, parts.captions
	r.Furniture = append(r.Furniture, parts.furniture...)
	if n := len(r.Paragraphs); n > 1 && signoffPara.MatchString(r.Paragraphs[n-1]) {
		r.Signoff, r.Paragraphs = r.Paragraphs[n-1], r.Paragraphs[:n-1]
	}
	if t := textOf(body.path("body.end", "tagline")); t != "" {
		r.Signoff = t
	}
	lead := ""
	if len(r.Paragraphs) > 0 {
		lead = r.Paragraphs[0]
	}
	r.Dateline = datelineOf(body.path("body.head", "dateline"), lead)
}

package newsml

import (
	"slices"
	"strings"

	"lede/revision"
)

// readHead fills the fields of contentMeta and the text: slug, cycle and
// marker from the slugline, the headline without Reuters' markers, the
// byline, the paragraphs without the byline or sign-off some agencies
// repeat in them, and the dateline.
func readHead(r *revision.Revision, meta, cm *node, b *body, sig *signalSet) {
	m := &marks{}
	readSlugline(cm.child("slugline").value(), r.Agency, m)
	r.RawHeadline = firstNonEmpty(mainHeadline(cm), meta.child("title").value(), b.headline)
	r.Headline = stripHeadline(r.RawHeadline, m)
	r.Slug, r.Cycle, r.Marker, r.Partial, r.Part = m.slug, m.cycle, m.marker, m.partial, m.part
	for _, ref := range m.refs {
		if !slices.Contains(r.Refs, ref) {
			r.Refs = append(r.Refs, ref)
		}
	}
	for _, t := range m.tags {
		if !slices.Contains(r.Tags, t) {
			r.Tags = append(r.Tags, t)
		}
	}
	for _, s := range m.sig {
		sig.add(s)
	}
	if m.marker.Seq > 0 {
		sig.add(revision.SignalUpdate)
	}
	if r.Version == 0 {
		// TT sends no version attribute; its UV number is the version.
		r.Version = m.marker.Seq
	}
	var bys []string
	for _, by := range cm.children("by") {
		if v := by.value(); v != "" {
			bys = append(bys, v)
		}
	}
	r.Byline = stripBy(firstNonEmpty(strings.Join(bys, ", "), b.byline))
	readText(r, b)
	r.Authors = authorsOf(r.Byline)
	r.Dateline = datelineOf(r.Paragraphs, cm, b)
	if b.unescaped {
		r.Warnings = append(r.Warnings, "text escaped twice (&amp;#39;): decoded once more")
	}
}

// secondaryHeadlines are headline roles that are not the headline: a
// short form, a subtitle, a kicker.
var secondaryHeadlines = []string{"short", "sub", "subheadline", "subtitle", "kicker", "alternative", "teaser"}

// mainHeadline is the item's headline: the first without a secondary
// role, else the first.
func mainHeadline(cm *node) string {
	hs := cm.children("headline")
	for _, h := range hs {
		if !slices.Contains(secondaryHeadlines, strings.ToLower(code(h.get("role")))) {
			if v := h.value(); v != "" {
				return v
			}
		}
	}
	if len(hs) > 0 {
		return hs[0].value()
	}
	return ""
}

// readText moves the body's blocks into the revision: headings before
// the first paragraph (a subtitle) go to the furniture, a first
// paragraph that is the byline again ("By Marwan Makdisi", Reuters) is
// dropped for the byline, a last paragraph of credits ("(Reporting by
// ...; Editing by ...)", Reuters) becomes the sign-off, as the
// agencies' own paragraph numbers count neither.
func readText(r *revision.Revision, b *body) {
	paras, heads := b.paras, b.heads
	for len(paras) > 0 && heads[0] {
		b.furniture = append(b.furniture, paras[0])
		paras, heads = paras[1:], heads[1:]
	}
	if len(paras) > 0 && r.Byline != "" && stripBy(paras[0]) == r.Byline {
		paras = paras[1:]
	} else if len(paras) > 1 && r.Byline == "" && bylinePara.MatchString(paras[0]) {
		r.Byline, paras = stripBy(paras[0]), paras[1:]
	}
	r.Signoff = firstNonEmpty(b.signoff, b.email)
	if n := len(paras); n > 1 && credits.MatchString(paras[n-1]) {
		r.Signoff, paras = paras[n-1], paras[:n-1]
	}
	r.Paragraphs = slices.Clone(paras)
	r.Captions = b.captions
	r.Furniture = b.furniture
}

// bylinePara is a paragraph that is only a byline: "By Jane Doe".
var bylinePara = revision.LazyRegexp(`^(?:By|BY|Von|Av) \p{Lu}[^.!?]{1,80}$`)

// credits is the closing line of reporting and editing credits.
var credits = revision.LazyRegexp(`(?i)^\((?:additional |compiled |writing and )?(?:reporting|writing|editing|compiled|research)\b[^()]*(?:\([^()]*\)[^()]*)*\)$`)

// byWords open a byline in the languages of the agencies that send
// NewsML-G2.
var byWords = []string{"by", "von", "av", "af", "par", "por", "door", "di"}

// stripBy removes "By" (or its translation) from a byline.
func stripBy(s string) string {
	s = strings.TrimSpace(s)
	if first, rest, ok := strings.Cut(s, " "); ok && slices.Contains(byWords, strings.ToLower(first)) {
		return strings.TrimSpace(rest)
	}
	return s
}

// authorSep splits a byline into names.
var authorSep = revision.LazyRegexp(`\s*(?:,|&|\band\b|\bund\b|\boch\b|\bja\b|\bog\b)\s*`)

// creditTitle is a job title a byline credits after the names ("AP
// Business Writers", "Reuters Staff"), not a name.
var creditTitle = revision.LazyRegexp(`(?i)^(?:\S+\s+){0,3}(?:writers?|correspondents?|staff|reporters?|editors?)$`)

// authorsOf lists the names of a byline, without the agencies and titles
// it credits ("Almut Kipp, dpa", "Wiktor Nummelin/TT", "Jane Doe
// (Reuters)", "Jane Doe and John Roe, AP Business Writers").
func authorsOf(byline string) []string {
	var out []string
	for _, a := range authorSep.Split(byline, -1) {
		if i := strings.LastIndexAny(a, "/("); i > 0 && known([]string{strings.Trim(a[i:], "/() ")}) != "" {
			a = strings.TrimSpace(a[:i])
		}
		if a != "" && known([]string{a}) == "" && !creditTitle.MatchString(a) {
			out = append(out, a)
		}
	}
	return out
}

// keyOf is the story's key across versions: the guid, which AP, Reuters,
// dpa and STT keep from version to version. TT gives every version a new
// guid (its running number) and names the one it replaces in refuno; its
// slugline, without the UV version suffix, is what its versions share
// within a day, so TT's key is the agency, the day of the guid and the
// slug. A dpa story rewritten as a new item (a summary, a new angle)
// gets a new guid under the same topic slugline: that is a new item, and
// dpa's slugline names a topic, not a story, so dpa's key stays the guid.
func keyOf(r *revision.Revision) string {
	if r.Agency == "TT" && r.Slug != "" {
		if m := ttDay.FindStringSubmatch(r.ID); m != nil {
			return "tt.se:" + m[1] + ":" + strings.ToLower(r.Slug)
		}
	}
	return r.ID
}

// ttDay is the day in a TT guid: "urn:newsml:tt.se:20171220:TT:585167:0".
var ttDay = revision.LazyRegexp(`:(\d{8}):TT:`)

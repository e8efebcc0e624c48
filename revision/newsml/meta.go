package newsml

import (
	"slices"
	"strings"
	"time"

	"lede/revision"
)

// stampLayouts are the timestamp forms seen in NewsML-G2 feeds: XML
// Schema dateTime with an offset (Go reads fractional seconds without
// being told), the same without its colon, and without any offset.
var stampLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00"}

// readTimes fills Transmitted, Date and Time from versionCreated, when
// this version was made (firstCreated, when the story was, is the
// fallback). A stamp without a time zone gives the date and time as
// written but no Transmitted: RFC 3339 needs an offset and guessing the
// agency's zone would make a time up.
func readTimes(r *revision.Revision, meta *node) {
	raw := meta.child("versionCreated").value()
	if raw == "" {
		raw = meta.child("firstCreated").value()
	}
	if raw == "" {
		return
	}
	for _, l := range stampLayouts {
		if t, err := time.Parse(l, raw); err == nil {
			r.Transmitted = t.Format(time.RFC3339)
			setDay(r, t, true)
			return
		}
	}
	if t, err := time.Parse("2006-01-02T15:04:05", raw); err == nil {
		setDay(r, t, true)
		r.Warnings = append(r.Warnings, "versionCreated "+raw+" has no time zone: transmitted left empty")
		return
	}
	if t, err := time.Parse("2006-01-02", raw); err == nil {
		setDay(r, t, false)
		return
	}
	r.Warnings = append(r.Warnings, "versionCreated "+raw+" is not a date and time")
}

func setDay(r *revision.Revision, t time.Time, clock bool) {
	r.Date = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	if clock {
		r.Time = t.Format("15:04")
	}
}

// readStatus sets Status from pubStatus (usable when absent, as the
// standard says) and an embargo: an item embargoed until a time is
// withheld, whatever its pubStatus, because it may not be published yet.
// A canceled item is a kill.
func readStatus(r *revision.Revision, meta *node, sig *signalSet) {
	q := meta.child("pubStatus").get("qcode")
	switch code(q) {
	case "", "usable":
		r.Status = revision.StatusUsable
	case "withheld":
		r.Status = revision.StatusWithheld
	case "canceled", "cancelled":
		r.Status = revision.StatusCanceled
	default:
		r.Status = revision.StatusUsable
		r.Warnings = append(r.Warnings, "pubStatus "+q+" is not one NewsML-G2 defines: read as usable")
	}
	if e := meta.child("embargoed").value(); e != "" && r.Status == revision.StatusUsable {
		r.Status = revision.StatusWithheld
	}
	for _, s := range meta.children("signal") {
		readSignal(r, s.get("qcode"), sig)
	}
	if r.Status == revision.StatusCanceled {
		sig.add(revision.SignalKill)
	}
}

// readSignal maps one signal to what it says about the story: the IPTC
// sig:update and sig:correction, Reuters' edStat (U update, C correction,
// D deleted: a kill), TT's tt_sig:replace (this item replaces the ones
// its refuno names: an update) and STT's update:* kinds of update.
func readSignal(r *revision.Revision, q string, sig *signalSet) {
	s, c := scheme(q), code(q)
	switch {
	case s == "edStat" && c == "U", c == "update", c == "replace", s == "update":
		sig.add(revision.SignalUpdate)
	case s == "edStat" && c == "C", c == "correction":
		sig.add(revision.SignalCorrection)
	case s == "edStat" && c == "D":
		sig.add(revision.SignalKill)
		r.Status = revision.StatusCanceled
	}
}

// signalSet collects signals once each and lists them in a fixed order,
// so the same item always gives the same list.
type signalSet struct{ has [4]bool }

var signalOrder = [4]string{revision.SignalUpdate, revision.SignalCorrection, revision.SignalKill, revision.SignalAdvisory}

func (s *signalSet) add(sig string) {
	if i := slices.Index(signalOrder[:], sig); i >= 0 {
		s.has[i] = true
	}
}

func (s *signalSet) list() []string {
	out := []string{}
	for i, ok := range s.has {
		if ok {
			out = append(out, signalOrder[i])
		}
	}
	return out
}

// refLinks are the link relations that name an item this one follows:
// its previous version, the item it was derived from (Reuters links the
// alert a story grew from), the item it replaces.
var refLinks = []string{"previousVersion", "derivedFrom", "replaces"}

// refsOf lists the ids of the items this one follows or replaces, as
// those items' own guids so they can be matched against stored ids: the
// links above; a link without a rel to a version of an item (STT links
// version 3 of the same guid from version 4: its previous version, whose
// id is the same guid); and TT's refuno altId, the number of the item
// this one replaces, turned into that item's guid. Other altIds (AP's
// friendlyKey, Reuters' USN, dpa's IPTC 7901 id) are the item's own other
// names, not refs.
func refsOf(item, meta, cm *node) []string {
	guid := collapse(item.get("guid"))
	var refs []string
	add := func(id string) {
		if id = collapse(id); id != "" && !slices.Contains(refs, id) {
			refs = append(refs, id)
		}
	}
	for _, l := range meta.children("link") {
		target := l.get("residref")
		if target == "" {
			target = l.get("guidref")
		}
		if rel := l.get("rel"); slices.Contains(refLinks, code(rel)) || rel == "" && l.get("version") != "" {
			add(target)
		}
	}
	uno := ""
	for _, a := range append(meta.children("altId"), cm.children("altId")...) {
		if code(a.get("type")) == "uno" {
			uno = a.value()
		}
	}
	for _, a := range append(meta.children("altId"), cm.children("altId")...) {
		if code(a.get("type")) == "refuno" {
			ref := a.value()
			if uno != "" && strings.HasSuffix(guid, uno) {
				ref = guid[:len(guid)-len(uno)] + ref
			}
			add(ref)
		}
	}
	return refs
}

// genresOf lists the item's genres ("Interview", "KORR-Bericht") as tags:
// they say what kind of text it is, not which version. STT's version-type
// genre ("Pika+", a length class) is not a genre of the text.
func genresOf(cm *node) []string {
	var tags []string
	for _, g := range cm.children("genre") {
		if strings.Contains(strings.ToLower(g.get("type")+scheme(g.get("qcode"))), "version") {
			continue
		}
		name := g.child("name").value()
		if name == "" {
			name = collapse(g.get("literal"))
		}
		if name != "" && !slices.Contains(tags, name) {
			tags = append(tags, name)
		}
	}
	return tags
}

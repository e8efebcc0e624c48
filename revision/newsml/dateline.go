package newsml

import (
	"strconv"
	"strings"

	"lede/revision"
)

// datelinePrefix is the dateline opening a lead: a place, the agency in
// parentheses, a dash (AP writes an underscore): "DAMASCUS (Reuters) - ",
// "FORT WASHINGTON, Pa. (AP) _ ", "Hamm (dpa) - ".
var datelinePrefix = revision.LazyRegexp(`^(\p{Lu}[^()\n]{0,80}?)\s*\(([^()]{1,40})\)\s*(?:--|-|_|–|—)\s*`)

// placeDate splits a date off the place: "WASHINGTON, Dec. 30".
var placeDate = revision.LazyRegexp(`^(.+?),\s+([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})$`)

// datelineOf reads the dateline. Where the lead opens with one, place,
// agency and the exact text come from there; otherwise the place is the
// dateline element's (unless it is a timestamp, as Reuters' is), TT's
// ORT, or the located element's name.
func datelineOf(paras []string, cm *node, b *body) revision.Dateline {
	if len(paras) > 0 {
		if d, ok := readDateline(paras[0]); ok {
			return d
		}
	}
	elem := cm.child("dateline").value()
	if d, ok := readDateline(elem + " "); ok {
		d.Text = ""
		return d
	}
	if elem != "" && (elem[0] < '0' || elem[0] > '9') {
		return withDate(revision.Dateline{Place: elem})
	}
	if b.place != "" {
		return revision.Dateline{Place: b.place}
	}
	loc := cm.child("located")
	return revision.Dateline{Place: firstNonEmpty(loc.child("name").value(), collapse(loc.get("literal")))}
}

// readDateline reads the dateline at the start of a lead.
func readDateline(para string) (revision.Dateline, bool) {
	m := datelinePrefix.FindStringSubmatch(para)
	if m == nil || len(strings.Fields(m[1])) > 8 {
		return revision.Dateline{}, false
	}
	d := revision.Dateline{Place: strings.TrimRight(strings.TrimSpace(m[1]), ","), Agency: strings.TrimSpace(m[2]), Text: m[0]}
	return withDate(d), true
}

// withDate moves a date written after the place into Date, Month, Day.
func withDate(d revision.Dateline) revision.Dateline {
	m := placeDate.FindStringSubmatch(d.Place)
	if m == nil {
		return d
	}
	month := revision.MonthNumber(m[2])
	day, _ := strconv.Atoi(m[3])
	if month == 0 || !(revision.Date{Month: month, Day: day}).Valid() {
		return d
	}
	d.Place, d.Date, d.Month, d.Day = m[1], m[2]+" "+m[3], month, day
	return d
}

package nitf

import (
	"strings"
)

// holders maps words of a doc.copyright holder to the agency's short
// name, most specific first ("Australian Associated Press" before
// "Associated Press"). Wire copy names its agency by the short name in
// every other format, so a story reads the same whichever way it came.
var holders = []struct{ words, agency string }{
	{"australian associated press", "AAP"},
	{"canadian press", "CP"},
	{"associated press", "AP"},
	{"press association", "PA"},
	{"agence france", "AFP"},
	{"deutsche presse", "dpa"},
	{"reuters", "Reuters"},
	{"norsk telegrambyr", "NTB"},
	{"tidningarnas telegrambyr", "TT"},
	{"yonhap", "Yonhap"},
	{"kyodo", "Kyodo"},
	{"international press telecommunications council", "IPTC"},
}

// agencyOf says who sent the item, from what the document states
// outright, in order: doc-id@regsrc (the registering source, "AP"), the
// copyright holder, the first source of the delivery list. "" when none.
func agencyOf(docdata *node) string {
	if r := docdata.child("doc-id").get("regsrc"); r != "" {
		return r
	}
	if h := docdata.child("doc.copyright").get("holder"); h != "" {
		return holderAgency(h)
	}
	for _, src := range docdata.child("del-list").all("from-src") {
		if src.get("level-number") == "1" || src.get("level-number") == "" {
			if name := src.get("src-name"); name != "" {
				return name
			}
		}
	}
	return ""
}

// holderAgency is the agency a copyright holder names, the holder as
// written (without "All rights reserved") when it is not a known agency.
func holderAgency(h string) string {
	lower := strings.ToLower(h)
	for _, k := range holders {
		if strings.Contains(lower, k.words) {
			return k.agency
		}
	}
	for _, tail := range []string{". All rights reserved.", " All rights reserved.", ". All rights reserved"} {
		h = strings.TrimSuffix(h, tail)
	}
	return collapse(strings.TrimPrefix(h, "The "))
}

package newsml

import (
	"strings"

	"lede/revision"
)

// agencyNames maps how feeds name an agency (a provider's literal, name or
// QCode, a copyright holder, a guid's domain), in lower case, to the name
// lede gives it.
var agencyNames = map[string]string{
	"ap": "AP", "ap.org": "AP", "associated press": "AP", "the associated press": "AP",
	"reuters": "Reuters", "reuters.com": "Reuters", "thomson reuters": "Reuters", "thomsonreuters.com": "Reuters",
	"dpa": "dpa", "dpa.com": "dpa", "deutsche presse-agentur gmbh": "dpa", "dpa deutsche presse-agentur gmbh": "dpa",
	"stt": "STT", "stt.fi": "STT", "stt-lehtikuva": "STT", "tt": "TT", "tt.se": "TT", "tt nyhetsbyrån": "TT",
	"ntb": "NTB", "ntb.no": "NTB", "afp": "AFP", "afp.com": "AFP", "agence france-presse": "AFP",
	"apa": "APA", "apa.at": "APA", "anp": "ANP", "anp.nl": "ANP", "ritzau": "Ritzau", "ritzau.dk": "Ritzau",
	"belga": "Belga", "belga.be": "Belga", "efe": "EFE", "efe.com": "EFE", "ansa": "ANSA", "ansa.it": "ANSA",
	"aap": "AAP", "aap.com.au": "AAP", "pa": "PA", "press association": "PA", "cp": "CP", "the canadian press": "CP",
	"kyodo": "Kyodo", "yonhap": "Yonhap", "xinhua": "Xinhua", "sda": "Keystone-SDA", "keystone-sda": "Keystone-SDA",
}

// guidDomain is the domain of a guid: "tag:ap.org,2011:...",
// "urn:newsml:dpa.com:20090101:...", "tag_reuters.com_2014_newsml_...".
var guidDomain = revision.LazyRegexp(`^(?:tag:|urn:newsml:|tag_)([a-z0-9.-]+\.[a-z]{2,})`)

// agencyOf names the agency that sent the item: its provider when that is
// an agency lede knows, else the agency whose domain mints the guid (AP's
// automated earnings stories name their producer, Automated Insights, as
// provider, but are AP items), else the provider or copyright holder as
// written, else "".
func agencyOf(item, meta *node) string {
	prov := meta.child("provider")
	holder := item.child("rightsInfo").child("copyrightHolder")
	provider := []string{collapse(prov.get("literal")), prov.child("name").value(), code(prov.get("qcode"))}
	if a := known(provider); a != "" {
		return a
	}
	if m := guidDomain.FindStringSubmatch(strings.ToLower(item.get("guid"))); m != nil {
		if a, ok := agencyNames[m[1]]; ok {
			return a
		}
	}
	owner := []string{collapse(holder.get("literal")), holder.child("name").value(), code(holder.get("qcode"))}
	if a := known(owner); a != "" {
		return a
	}
	return firstNonEmpty(provider[0], provider[1], owner[0], owner[1], provider[2])
}

// known returns the first of names that is an agency lede knows.
func known(names []string) string {
	for _, n := range names {
		if a, ok := agencyNames[strings.ToLower(n)]; ok {
			return a
		}
	}
	return ""
}

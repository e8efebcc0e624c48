// Package ninjs reads IPTC ninjs ("news in JSON", versions 1.x to 3.x)
// and the AP Media API's JSON, which is ninjs 1.x inside an API envelope,
// into revisions. Property names differ between versions (1.x writes
// "versioncreated", "ednote", "body_html"; 3.0 "versionCreated",
// "edNote", "bodies"); encoding/json matches names without regard to
// case, so one set of fields reads both spellings.
package ninjs

import "lede/revision"

// Format is the format name of revisions this package produces.
const Format = "ninjs"

// ninjs has a signature of its own (a JSON object with a "uri" and other
// ninjs properties), so it is asked before free text.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  Split,
		Parse:  Parse,
	})
}

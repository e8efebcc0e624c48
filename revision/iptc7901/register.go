package iptc7901

import (
	"lede/revision"
)

// IPTC 7901 has a signature, SOH and its header line, so it is asked
// among the signed formats. A stream of several messages is cut into
// one item per message.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Split:  Split,
		Parse:  Parse,
	})
}

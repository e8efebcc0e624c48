package nitf

import (
	"lede/revision"
)

// NITF has a signature of its own, the <nitf> root element, so it is
// asked among the signed formats. A NITF file is one item.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   Format,
		Rank:   revision.RankSigned,
		Detect: Detect,
		Parse:  Parse,
	})
}

package wire

import (
	"bytes"
	"testing"

	"lede/revision"
)

// A format whose Split says nil for an input of one item ("ONE\n...")
// and cuts "MANY\n..." into lines, as NewsML-G2 does with a newsItem and
// a newsMessage.
func init() {
	revision.RegisterFormat(revision.Format{
		Name: "test-one-or-many",
		Rank: revision.RankSigned,
		Detect: func(head []byte) bool {
			return bytes.HasPrefix(head, []byte("ONE\n")) || bytes.HasPrefix(head, []byte("MANY\n"))
		},
		Split: func(data []byte) []revision.Chunk {
			if bytes.HasPrefix(data, []byte("ONE\n")) {
				return nil
			}
			return []revision.Chunk{}
		},
		Parse: func(source string, data []byte) (*revision.Revision, error) {
			return &revision.Revision{Headline: string(bytes.TrimPrefix(data, []byte("ONE\n")))}, nil
		},
	})
}

// nil from Split is one item, named by the input alone; an empty list is
// an input in which no item was found.
func TestSplitNilIsOneItem(t *testing.T) {
	items := ParseItems("a.xml", []byte("ONE\nHeadline"), Options{})
	if len(items) != 1 || items[0].Err != nil || items[0].Source != "a.xml" || items[0].Rev.Headline != "Headline" {
		t.Errorf("one item: %+v", items)
	}
	items = ParseItems("b.xml", []byte("MANY\n"), Options{})
	if len(items) != 1 || items[0].Err == nil || items[0].Err.Error() != "b.xml: no items found in this test-one-or-many input" {
		t.Errorf("no items: %+v", items)
	}
}

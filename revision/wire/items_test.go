package wire

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"lede/revision"
)

// A format of the tests' own: "ITEMS" then one item a line, each a
// headline and a paragraph; a line "!" cannot be cut out. It shows what
// ParseItems does with any format that holds several items.
func init() {
	revision.RegisterFormat(revision.Format{
		Name:   "test-items",
		Rank:   revision.RankSigned,
		Detect: func(head []byte) bool { return bytes.HasPrefix(head, []byte("ITEMS\n")) },
		Split: func(data []byte) []revision.Chunk {
			var out []revision.Chunk
			for _, l := range strings.Split(strings.TrimPrefix(string(data), "ITEMS\n"), "\n") {
				switch {
				case l == "":
				case l == "!":
					out = append(out, revision.Chunk{Data: []byte(l), Err: errors.New("item cut off")})
				default:
					out = append(out, revision.Chunk{Data: []byte("ITEMS\n" + l)})
				}
			}
			return out
		},
		Parse: func(source string, data []byte) (*revision.Revision, error) {
			head, para, ok := strings.Cut(strings.TrimPrefix(string(data), "ITEMS\n"), "|")
			if !ok {
				return nil, &revision.InputError{Reason: "no paragraph"}
			}
			return &revision.Revision{Headline: head, Paragraphs: []string{para}}, nil
		},
	})
}

func TestParseItems(t *testing.T) {
	items := ParseItems("day.txt", []byte("ITEMS\nOne|First.\n!\nno bar\nTwo|Second.\n"), Options{})
	want := []struct{ source, headline, err string }{
		{"day.txt#1", "One", ""},
		{"day.txt#2", "", "day.txt#2: item cut off"},
		{"day.txt#3", "", "day.txt#3: no paragraph"},
		{"day.txt#4", "Two", ""},
	}
	if len(items) != len(want) {
		t.Fatalf("%d items, want %d", len(items), len(want))
	}
	for i, w := range want {
		it := items[i]
		if it.Source != w.source {
			t.Errorf("item %d: source %q, want %q", i, it.Source, w.source)
		}
		if w.err != "" {
			if it.Err == nil || it.Err.Error() != w.err || it.Rev != nil {
				t.Errorf("item %d: error %v, want %q", i, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil || it.Rev.Headline != w.headline || it.Rev.Source != w.source || it.Rev.Format != "test-items" {
			t.Errorf("item %d: %+v, %v", i, it.Rev, it.Err)
			continue
		}
		// What the store keeps parses alone into the same item.
		again, err := Reparse("x@1", it.Source, it.Raw)
		if err != nil || again.Headline != w.headline || again.Source != w.source {
			t.Errorf("item %d parsed again: %+v, %v", i, again, err)
		}
		// The contract's lists and status are set whatever the parser left.
		if it.Rev.Status != revision.StatusUsable || it.Rev.Signals == nil || it.Rev.Refs == nil || it.Rev.Tags == nil {
			t.Errorf("item %d not normalised: %+v", i, it.Rev)
		}
	}
	if _, err := Parse("day.txt", []byte("ITEMS\nOne|First.\nTwo|Second.\n"), Options{}); err == nil ||
		!strings.Contains(err.Error(), "holds 2 items") {
		t.Errorf("Parse of two items: %v", err)
	}
}

// TestParseItemsYonhap checks a Yonhap page: one item named by its
// source, from the Yonhap agency, and the input checks' own reasons for
// input no format takes.
func TestParseItemsYonhap(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed-AEN20191230000451325.txt")
	if err != nil {
		t.Fatal(err)
	}
	items := ParseItems("seed.txt", data, Options{})
	if len(items) != 1 || items[0].Err != nil || items[0].Source != "seed.txt" ||
		items[0].Rev.Agency != "Yonhap" || items[0].Rev.Format != "yonhap-text" || !bytes.Equal(items[0].Raw, data) {
		t.Fatalf("seed page: %d items, %+v", len(items), items[0])
	}
	for in, want := range map[string]string{
		"":                       "input is empty",
		"\x00 date x":            "NUL byte",
		"{\"a\": 1}\n":           "looks like JSON",
		strings.Repeat("x", 200): "over the 100 B limit",
	} {
		items := ParseItems("f", []byte(in), Options{MaxSize: 100})
		if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), want) {
			t.Errorf("%.20q: %+v, want error with %q", in, items, want)
		}
	}
}

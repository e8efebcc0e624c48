package assemble

import (
	"slices"
	"testing"

	"lede/revision"
)

func part(kind string, n, of int) *revision.ItemPart {
	return &revision.ItemPart{Kind: kind, N: n, Of: of}
}

func TestMissing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []*revision.ItemPart
		want  []string
	}{
		{"whole item", []*revision.ItemPart{nil}, nil},
		{"take 1 of 2 alone", []*revision.ItemPart{part("take", 1, 2)}, []string{"1st Add"}},
		{"take 1 of 3 and 2nd add", []*revision.ItemPart{part("take", 1, 3), part("add", 2, 0)}, []string{"1st Add"}},
		{"all three", []*revision.ItemPart{part("add", 2, 0), part("take", 1, 3), part("add", 1, 0)}, nil},
		{"add before its take", []*revision.ItemPart{part("add", 1, 0)}, []string{"take 1"}},
		{"2nd add alone", []*revision.ItemPart{part("add", 2, 0)}, []string{"take 1", "1st Add"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Missing(tc.parts); !slices.Equal(got, tc.want) {
				t.Errorf("Missing = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestJoinInOrder(t *testing.T) {
	take := &revision.Revision{ID: "T", Headline: "Fire", Part: part("take", 1, 3), Complete: true, Paragraphs: []string{"a", "b"}}
	add1 := &revision.Revision{ID: "A1", Part: part("add", 1, 0), Complete: true, Paragraphs: []string{"c"}}
	add2 := &revision.Revision{ID: "A2", Part: part("add", 2, 0), Complete: true, Paragraphs: []string{"d", "e"}, Signoff: "end"}
	parts := []Received{{"r3", add2}, {"r1", take}, {"r2", add1}}
	Order(parts)
	whole, srcs, missing := Join(parts)
	if !slices.Equal(whole.Paragraphs, []string{"a", "b", "c", "d", "e"}) || whole.Headline != "Fire" || whole.ID != "T" {
		t.Fatalf("joined %q headline %q id %q", whole.Paragraphs, whole.Headline, whole.ID)
	}
	if len(missing) != 0 || !whole.Complete || whole.Part != nil || whole.Signoff != "end" {
		t.Fatalf("missing %v complete %v part %v signoff %q", missing, whole.Complete, whole.Part, whole.Signoff)
	}
	want := []Source{{[2]int{1, 2}, "r1", [2]int{1, 2}}, {[2]int{3, 3}, "r2", [2]int{1, 1}}, {[2]int{4, 5}, "r3", [2]int{1, 2}}}
	if !slices.Equal(srcs, want) {
		t.Fatalf("sources %v, want %v", srcs, want)
	}
	if len(take.Paragraphs) != 2 {
		t.Fatal("Join changed its input")
	}
	_, _, missing = Join(parts[:2])
	if !slices.Equal(missing, []string{"2nd Add"}) {
		t.Fatalf("without the 2nd add: missing %v", missing)
	}
}

// prev is a whole version of five paragraphs, the lead with its dateline.
var prev = &revision.Revision{
	Dateline:   revision.Dateline{Text: "PUERTO BARRIOS, Guatemala (AP) _ "},
	Paragraphs: []string{"PUERTO BARRIOS, Guatemala (AP) _ A ferry sank.", "The ferry was overloaded, officials said.", "``It was terrible,'' said a survivor.", "The ferry had room for 30.", "Rescuers searched all night."},
	Complete:   true,
}

func TestRebuild(t *testing.T) {
	top := []string{"Sixty-seven people died.", "Fourteen are missing."}
	for _, tc := range []struct {
		name      string
		pickup    *revision.Pickup
		wantParas []string
		found     int
		missed    bool
		err       bool
	}{
		{"number and anchor agree", &revision.Pickup{Para: 2, Anchor: "The ferry"}, append(top, prev.Paragraphs[1:]...), 2, false, false},
		{"number alone", &revision.Pickup{Para: 3}, append(top, prev.Paragraphs[2:]...), 3, false, false},
		{"anchor wins over the number", &revision.Pickup{Para: 3, Anchor: "The ferry had"}, append(top, prev.Paragraphs[3:]...), 4, false, false},
		{"nearest paragraph the anchor opens", &revision.Pickup{Para: 5, Anchor: "The ferry"}, append(top, prev.Paragraphs[3:]...), 4, false, false},
		{"anchor in quotes, cut short", &revision.Pickup{Para: 2, Anchor: "It was terr"}, append(top, prev.Paragraphs[2:]...), 3, false, false},
		{"anchor opens no paragraph", &revision.Pickup{Para: 2, Anchor: "Nobody knew"}, append(top, prev.Paragraphs[1:]...), 2, true, false},
		{"no pickup", &revision.Pickup{None: true}, top, 0, false, false},
		{"past the end", &revision.Pickup{Para: 9}, nil, 0, false, true},
		{"no pick-up read", nil, nil, 0, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			item := &revision.Revision{Partial: true, Pickup: tc.pickup, Paragraphs: top, Complete: true}
			whole, srcs, err := Rebuild(prev, item, "r1")
			if tc.err {
				if err == nil {
					t.Fatalf("rebuilt %q, want an error", whole.Paragraphs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(whole.Paragraphs, tc.wantParas) {
				t.Fatalf("paragraphs %q, want %q", whole.Paragraphs, tc.wantParas)
			}
			if tc.found != 0 && (whole.Pickup.Found != tc.found || whole.Pickup.AnchorMissed != tc.missed) {
				t.Fatalf("pickup %+v, want found %d missed %v", whole.Pickup, tc.found, tc.missed)
			}
			if item.Pickup != nil && item.Pickup.Found != 0 {
				t.Fatal("Rebuild changed the item's pick-up")
			}
			if tc.found != 0 {
				want := []Source{{[2]int{1, 2}, FromItem, [2]int{1, 2}}, {[2]int{3, 2 + 6 - tc.found}, "r1", [2]int{tc.found, 5}}}
				if !slices.Equal(srcs, want) {
					t.Fatalf("sources %v, want %v", srcs, want)
				}
			}
		})
	}
}

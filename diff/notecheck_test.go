package diff

import (
	"slices"
	"strings"
	"testing"

	"lede/revision"
)

// TestNoteCheckNamesParagraphs: a confirmed action says which of the
// paragraphs it names changed, which it names but did not change, and
// which lie past the end of a cut-off page; an action wholly past the cut
// cannot be judged.
func TestNoteCheckNamesParagraphs(t *testing.T) {
	old := rev("h", "", story[:4]...)
	grown := append(append([]string(nil), story[:4]...), "A new fifth paragraph about the rescue.", "A new sixth paragraph about the weather.")
	adds := func(object string, paras ...int) revision.Action {
		return revision.Action{Verb: "ADDS", Object: object, Target: revision.TargetParas, Paras: paras}
	}
	for _, c := range []struct {
		name    string
		new     *revision.Revision
		action  revision.Action
		verdict string
		paras   []int
		why     string
	}{
		{"all named added", rev("h", "", grown...), adds("details in paras 5-6", 5, 6),
			Confirmed, []int{5, 6}, "changed: paras 5-6"},
		{"one named unchanged", rev("h", "", grown...), adds("details in paras 2, 5-6", 2, 5, 6),
			Confirmed, []int{5, 6}, "changed: paras 5-6; unchanged: para 2"},
		{"some past the cut", cutOff(grown[:5]), adds("details in paras 5-7", 5, 6, 7),
			Confirmed, []int{5}, "changed: para 5; past the end of the cut-off page: paras 6-7"},
		{"all past the cut", cutOff(story[:4]), adds("details in paras 8-9", 8, 9),
			Unverifiable, []int{}, "the named paragraphs are past the end of the cut-off page: paras 8-9"},
		{"none changed", rev("h", "", story[:4]...), adds("details in para 3", 3),
			NotSeen, []int{}, "no such change in the text"},
		{"named past the end of a complete page", rev("h", "", grown...), adds("details in para 12", 12),
			NotSeen, []int{}, "the complete page ends at para 6: no para 12"},
		{"some named past the end of a complete page", rev("h", "", grown...), adds("details in paras 5, 12", 5, 12),
			Confirmed, []int{5}, "changed: para 5; the complete page ends at para 6: no para 12"},
		{"named past the end of a cut-off page", cutOff(grown), adds("details in para 12", 12),
			Unverifiable, []int{}, "the named paragraphs are past the end of the cut-off page: para 12"},
	} {
		c.new.Actions = []revision.Action{c.action}
		r := Compare(old, c.new, Options{})
		if len(r.NoteCheck) != 1 {
			t.Fatalf("%s: %d verdicts", c.name, len(r.NoteCheck))
		}
		v := r.NoteCheck[0]
		if v.Result != c.verdict || v.Why != c.why || !slices.Equal(v.Paras, c.paras) {
			t.Errorf("%s: %s %v (%s), want %s %v (%s)", c.name, v.Result, v.Paras, v.Why, c.verdict, c.paras, c.why)
		}
	}
}

func cutOff(paras []string) *revision.Revision {
	r := rev("h", "", paras...)
	r.Complete = false
	return r
}

func TestUnannouncedText(t *testing.T) {
	n := func(i int) *int { return &i }
	us := []Unannounced{
		{Part: "byline", Op: OpInsert},
		{Part: "para", Op: OpInsert, New: n(3)}, {Part: "para", Op: OpChange, New: n(6)},
		{Part: "para", Op: OpInsert, New: n(4)}, {Part: "para", Op: OpDelete, Old: n(3)},
		{Part: "para", Op: OpInsert, New: n(5)}, {Part: "para", Op: OpInsert, New: n(7)},
		{Part: "para", Op: OpDelete, Old: n(4)}, {Part: "para", Op: OpMove, New: n(9)},
	}
	want := "byline added; paras 3-5, 7 added; para 6 changed; para 9 moved; old paras 3-4 removed"
	if got := UnannouncedText(us); got != want {
		t.Errorf("UnannouncedText:\n got %q\nwant %q", got, want)
	}
	if got := paraRanges([]int{11, 2, 8, 9, 10, 2}); got != "paras 2, 8-11" {
		t.Errorf("ParaRanges: %q", got)
	}
}

// TestUnannouncedInEveryFormat: the Markdown and HTML renderings list the
// unannounced changes as the text one does.
func TestUnannouncedInEveryFormat(t *testing.T) {
	old := rev("h", "", story[:3]...)
	grown := rev("h", "Kim Min-ji", append(append([]string(nil), story[:3]...), "A new fourth paragraph about the rescue.")...)
	r := Compare(old, grown, Options{})
	want := "byline added; para 4 added"
	if got := UnannouncedText(r.Unannounced); got != want {
		t.Fatalf("unannounced %q, want %q", got, want)
	}
	var text, md, page strings.Builder
	if err := WriteText(&text, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTMLPage(&page, []Section{{Result: r}}); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string][2]string{
		"text":     {text.String(), "  unannounced " + want + "\n"},
		"markdown": {md.String(), "- not announced by the note: " + want + "\n"},
		"html":     {page.String(), "<p class=\"meta\">Not announced by the note: " + want + "</p>"},
	} {
		if !strings.Contains(c[0], c[1]) {
			t.Errorf("%s output lacks %q:\n%s", name, c[1], c[0])
		}
	}
}

// TestNotSeenStandsOut: in colour, a NOT SEEN verdict is bold red; the
// plain text still says NOT SEEN.
func TestNotSeenStandsOut(t *testing.T) {
	new := rev("h", "", story[:4]...)
	new.Actions = []revision.Action{{Verb: "ADDS", Object: "details in para 12", Target: revision.TargetParas, Paras: []int{12}}}
	r := Compare(rev("h", "", story[:4]...), new, Options{})
	var color, plain strings.Builder
	WriteText(&color, r, TextOptions{Color: true})
	WriteText(&plain, r, TextOptions{})
	if !strings.Contains(color.String(), "\x1b[1;31mNOT SEEN\x1b[0m ADDS details in para 12") {
		t.Errorf("colour output:\n%q", color.String())
	}
	if !strings.Contains(plain.String(), "  NOT SEEN ADDS details in para 12 (the complete page ends at para 4: no para 12)") {
		t.Errorf("plain output:\n%s", plain.String())
	}
}

// TestUnannouncedFieldsInPageOrder: changed fields no action announced
// are listed headline, byline, dateline, in every run (they came from a
// map, in any order).
func TestUnannouncedFieldsInPageOrder(t *testing.T) {
	old := rev("Old headline", "Kim Tong-hyung", "SEOUL, Dec. 30 (Yonhap) -- The lead.")
	new := rev("New headline", "Lee Haye-ah", "BUSAN, Dec. 31 (Yonhap) -- The lead.")
	old.Dateline = revision.Dateline{Place: "SEOUL", Text: "SEOUL, Dec. 30 (Yonhap) -- "}
	new.Dateline = revision.Dateline{Place: "BUSAN", Text: "BUSAN, Dec. 31 (Yonhap) -- "}
	for range 50 {
		r := Compare(old, new, Options{})
		var parts []string
		for _, u := range r.Unannounced {
			parts = append(parts, u.Part)
		}
		if got := strings.Join(parts, " "); got != "headline byline dateline para" {
			t.Fatalf("unannounced parts %q, want headline byline dateline para", got)
		}
	}
}

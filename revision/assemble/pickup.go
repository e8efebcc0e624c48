package assemble

import (
	"fmt"
	"strings"
	"unicode"

	"lede/revision"
)

// Source says where a run of a whole version's paragraphs came from:
// paragraphs Paras (1-based, inclusive) are paragraphs FromParas of From,
// which is "item" for the item itself (a partial's new top) or the ref of
// the version or part they were taken from.
type Source struct {
	Paras     [2]int `json:"paras"`
	From      string `json:"from"`
	FromParas [2]int `json:"from_paras"`
}

// FromItem is Source.From for paragraphs of the item itself.
const FromItem = "item"

// Rebuild applies a partial item (a new top with a pick-up) to the whole
// version it picks up from: the top's paragraphs, then prev's from the
// pick-up paragraph on. The pick-up paragraph is found by its number and
// checked by its quoted anchor words: where they disagree, the paragraph
// the anchor opens wins (the nearest to the number, if several), and the
// returned Pickup says so (Found differs from Para); where the anchor
// opens none, the number stands (AnchorMissed). prevRef names prev in the
// sources. The result is a copy of top with the whole text; neither
// input is changed. It fails when the pick-up cannot be placed: no
// pick-up read from the note, or a number past prev's end with no anchor
// to find.
func Rebuild(prev, top *revision.Revision, prevRef string) (*revision.Revision, []Source, error) {
	pk := top.Pickup
	if pk == nil {
		return nil, nil, fmt.Errorf("its note gives no pick-up")
	}
	whole := *top
	n := len(top.Paragraphs)
	var srcs []Source
	if n > 0 {
		srcs = append(srcs, Source{Paras: [2]int{1, n}, From: FromItem, FromParas: [2]int{1, n}})
	}
	if pk.None {
		return &whole, srcs, nil
	}
	found, missed, err := locate(prev, *pk)
	if err != nil {
		return nil, nil, err
	}
	got := *pk
	got.Found, got.AnchorMissed = found, missed
	whole.Pickup = &got
	rest := prev.Paragraphs[found-1:]
	whole.Paragraphs = append(append([]string(nil), top.Paragraphs...), rest...)
	if len(rest) > 0 {
		srcs = append(srcs, Source{Paras: [2]int{n + 1, n + len(rest)}, From: prevRef,
			FromParas: [2]int{found, len(prev.Paragraphs)}})
	}
	whole.Captions = append(append([]string(nil), top.Captions...), prev.Captions...)
	whole.Complete = top.Complete && prev.Complete
	whole.Cut = prev.Cut
	if whole.Signoff == "" {
		whole.Signoff = prev.Signoff
	}
	return &whole, srcs, nil
}

// locate finds the pick-up paragraph of prev (1-based): the one the
// number names when its anchor opens it or it has no anchor; else the
// one the anchor opens nearest to the number; else the number, missed.
func locate(prev *revision.Revision, pk revision.Pickup) (found int, missed bool, err error) {
	n := len(prev.Paragraphs)
	words := anchorWords(pk.Anchor)
	if len(words) == 0 {
		if pk.Para < 1 || pk.Para > n {
			return 0, false, fmt.Errorf("it picks up at paragraph %d, and the previous version has %d", pk.Para, n)
		}
		return pk.Para, false, nil
	}
	if pk.Para >= 1 && pk.Para <= n && opens(prev, pk.Para, words) {
		return pk.Para, false, nil
	}
	best := 0
	for i := 1; i <= n; i++ {
		if opens(prev, i, words) && (best == 0 || abs(i-pk.Para) < abs(best-pk.Para)) {
			best = i
		}
	}
	switch {
	case best > 0:
		return best, false, nil
	case pk.Para >= 1 && pk.Para <= n:
		return pk.Para, true, nil
	}
	return 0, true, fmt.Errorf("it picks up at paragraph %d (%q), which the previous version's %d paragraphs do not hold", pk.Para, pk.Anchor, n)
}

// opens reports whether paragraph i of r begins with the anchor words,
// the lead's dateline left out; the last anchor word may be cut short.
func opens(r *revision.Revision, i int, anchor []string) bool {
	p := r.Paragraphs[i-1]
	if i == 1 {
		p = strings.TrimPrefix(p, r.Dateline.Text)
	}
	ws := anchorWords(p)
	if len(ws) < len(anchor) {
		return false
	}
	last := len(anchor) - 1
	for j, w := range anchor[:last] {
		if ws[j] != w {
			return false
		}
	}
	return strings.HasPrefix(ws[last], anchor[last])
}

// anchorWords is text as lower-case words of letters and digits, so
// that quotes, punctuation and line breaks do not matter.
func anchorWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

package assemble

import (
	"slices"

	"lede/revision"
)

// Received is one item of a version as parsed, with the ref that names
// it in the store ("r17"; "" outside one).
type Received struct {
	Ref string
	Rev *revision.Revision
}

// Rank orders the parts of one version: take 1 (AP's "2 Takes" item)
// first, then the adds by number ("1st Add" is the second part, as is a
// "2nd Take"), then unnumbered adds in the order given. A whole item
// (no Part) ranks first.
func Rank(p *revision.ItemPart) int {
	switch {
	case p == nil:
		return 0
	case p.Kind == "take":
		return max(p.N-1, 0)
	case p.N > 0:
		return p.N
	}
	return 1 << 20
}

// Order sorts parts into the order they are read in, stably.
func Order(parts []Received) {
	slices.SortStableFunc(parts, func(a, b Received) int { return Rank(a.Rev.Part) - Rank(b.Rev.Part) })
}

// Missing lists the parts a version still lacks, given the parts it has,
// in AP's words: "take 1" when no "N Takes" item is there, then each add
// the takes count says should come ("1st Add" of "2 Takes"), or each add
// below the highest one present when no take gives the count. A version
// of one whole item lacks nothing.
func Missing(parts []*revision.ItemPart) []string {
	var out []string
	have := map[int]bool{}
	takes, top, first := 0, 0, false
	for _, p := range parts {
		if p == nil {
			first = true
			continue
		}
		r := Rank(p)
		if r == 0 {
			first = true
			takes = max(takes, p.Of)
		} else if r < 1<<20 {
			have[r] = true
			top = max(top, r)
		}
	}
	if !slices.ContainsFunc(parts, func(p *revision.ItemPart) bool { return p != nil }) {
		return nil
	}
	if !first {
		out = append(out, "take 1")
	}
	want := max(top, takes-1)
	for n := 1; n <= want; n++ {
		if !have[n] {
			out = append(out, revision.Ordinal(n)+" Add")
		}
	}
	return out
}

// Join makes one version of its parts: the first part's headline, note,
// byline and other fields, and the paragraphs of every part in order.
// parts must be in order (Order). It also says which paragraphs came
// from which part (From is the part's ref) and what is still missing.
// Join never changes the parts it is given.
func Join(parts []Received) (*revision.Revision, []Source, []string) {
	if len(parts) == 0 {
		return nil, nil, nil
	}
	whole := *parts[0].Rev
	whole.Paragraphs, whole.Captions, whole.Furniture = nil, nil, nil
	whole.Refs, whole.Warnings = slices.Clone(whole.Refs), slices.Clone(whole.Warnings)
	whole.Part = nil
	var srcs []Source
	var ps []*revision.ItemPart
	complete := true
	for i, p := range parts {
		r := p.Rev
		ps = append(ps, r.Part)
		if n := len(r.Paragraphs); n > 0 {
			at := len(whole.Paragraphs) + 1
			srcs = append(srcs, Source{Paras: [2]int{at, at + n - 1}, From: p.Ref, FromParas: [2]int{1, n}})
		}
		whole.Paragraphs = append(whole.Paragraphs, r.Paragraphs...)
		whole.Captions = append(whole.Captions, r.Captions...)
		whole.Furniture = append(whole.Furniture, r.Furniture...)
		if i > 0 {
			for _, ref := range r.Refs {
				if !slices.Contains(whole.Refs, ref) {
					whole.Refs = append(whole.Refs, ref)
				}
			}
			whole.Warnings = append(whole.Warnings, r.Warnings...)
		}
		complete = complete && r.Complete
		if r.Signoff != "" {
			whole.Signoff = r.Signoff
		}
		whole.Cut = r.Cut
	}
	missing := Missing(ps)
	whole.Complete = complete && len(missing) == 0
	return &whole, srcs, missing
}

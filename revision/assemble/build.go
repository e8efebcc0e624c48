package assemble

import (
	"fmt"

	"lede/revision"
)

// Item is one item of a stored version as received.
type Item struct {
	Ref    string // its ref in the store ("r17")
	Source string // the path it was ingested from
	Raw    []byte // its bytes as received
}

// Stored is what the store keeps of one version: its items as received,
// in arrival order, and, for a partial item, the pick-up read at ingest
// and the version it picks up from (nil when that is not stored).
type Stored struct {
	Ref     string
	Items   []Item
	Partial bool
	Pickup  *revision.Pickup
	Base    *Stored
}

// Parser parses one stored item again; name says which in an error.
type Parser func(name, source string, raw []byte) (*revision.Revision, error)

// Whole is a version made whole, with what it was made of.
type Whole struct {
	// Rev is the whole version: the one item, the parts joined, or the
	// partial item applied to the version it picks up from.
	Rev *revision.Revision
	// Received are the version's items as received, in part order.
	Received []Received
	Assembly
}

// Assembly says how a whole version was made, for readers and JSON. Every
// field is empty for a version of one whole item.
type Assembly struct {
	// Parts are the refs of the items of a version sent in parts, in
	// order; Missing the parts that have not arrived ("1st Add").
	Parts   []string `json:"parts,omitempty"`
	Missing []string `json:"missing_parts,omitempty"`
	// Sources say which paragraphs came from where (partials and parts).
	Sources []Source `json:"sources,omitempty"`
	// Base is the ref of the version a partial item picks up from;
	// BaseMissing says it is not stored, so the item is shown as it
	// came; Unbuilt says why a partial could not be rebuilt otherwise.
	Base        string `json:"base,omitempty"`
	BaseMissing bool   `json:"base_missing,omitempty"`
	Unbuilt     string `json:"unbuilt,omitempty"`
}

// maxDepth bounds a chain of partial versions, each picking up from the
// one before it: far more than AP sends for one story.
const maxDepth = 64

// Build makes the stored version st whole, parsing its items (and those
// of the versions it picks up from) with parse. name says which version
// in errors ("STORY@N").
func Build(name string, st *Stored, parse Parser) (*Whole, error) {
	return build(name, st, parse, 0)
}

func build(name string, st *Stored, parse Parser, depth int) (*Whole, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("%s: more than %d partial versions picking up from each other", name, maxDepth)
	}
	w := &Whole{}
	for _, it := range st.Items {
		n := name
		if len(st.Items) > 1 {
			n = name + " " + it.Ref
		}
		r, err := parse(n, it.Source, it.Raw)
		if err != nil {
			return nil, err
		}
		w.Received = append(w.Received, Received{Ref: it.Ref, Rev: r})
	}
	if len(w.Received) == 0 {
		return nil, fmt.Errorf("%s: no items stored", name)
	}
	w.Rev = w.Received[0].Rev
	if len(w.Received) > 1 || w.Rev.Part != nil {
		Order(w.Received)
		w.Rev, w.Sources, w.Missing = Join(w.Received)
		for _, r := range w.Received {
			w.Parts = append(w.Parts, r.Ref)
		}
	}
	if !st.Partial {
		return w, nil
	}
	if w.Rev.Pickup == nil && st.Pickup != nil {
		top := *w.Rev
		pk := *st.Pickup
		top.Pickup = &pk
		w.Rev = &top
	}
	if st.Base == nil {
		w.BaseMissing = true
		return w, nil
	}
	base, err := build(name+" (previous)", st.Base, parse, depth+1)
	if err != nil {
		return nil, err
	}
	w.Base = st.Base.Ref
	whole, srcs, err := Rebuild(base.Rev, w.Rev, st.Base.Ref)
	if err != nil {
		w.Unbuilt = err.Error()
		return w, nil
	}
	w.Rev, w.Sources = whole, srcs
	return w, nil
}

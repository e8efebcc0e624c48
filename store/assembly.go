package store

import (
	"slices"

	"lede/revision"
	"lede/revision/assemble"
)

// Whole versions. A version sent in parts (parts.go) and a partial item
// (AP's plain "Nth Ld": a new top that picks up the version before it
// from its Nth paragraph) are stored as received; what their whole text
// is made of is worked out when they are read, from the records alone:
// the parts listed in the record, and for a partial the version it picks
// up from — the one its reference numbers name among the story's item
// ids, else the version before it in story order. So a version that
// arrives late, before a partial, is what the partial picks up from from
// then on, and nothing stored has to be rewritten but the summaries that
// depended on the old text (wholeChanged). revision/assemble does the
// joining and the rebuilding; readers get the items as Version.Whole.

// AssemblyFacts is what the summarise stage learnt making a partial
// version whole (which paragraphs came from where, where the pick-up was
// found), kept with the update summary and valid while it is.
type AssemblyFacts struct {
	Sources []assemble.Source `json:"sources,omitempty"`
	Pickup  *revision.Pickup  `json:"pickup,omitempty"`
	// Unbuilt says why the partial could not be rebuilt ("its note
	// gives no pick-up"), so it reads as it came.
	Unbuilt string `json:"unbuilt,omitempty"`
}

// assembled reports whether a version's whole text is not simply its
// one item as received.
func assembled(rec RevRecord) bool { return len(rec.Items) > 0 || needsBase(rec) }

// needsBase reports whether a version is a partial item that picks up
// from a version before it ("no pickup" makes it whole).
func needsBase(rec RevRecord) bool {
	return rec.Partial && (rec.Pickup == nil || !rec.Pickup.None)
}

// baseIndex is the index in vs (story order) of the version the partial
// vs[i] picks up from: the latest before it whose item id (or a part's)
// its reference numbers name, else the one right before it; -1 for none.
func baseIndex(vs []Version, i int) int {
	refs := vs[i].Record.Refs
	for j := i - 1; j >= 0 && len(refs) > 0; j-- {
		if slices.Contains(refs, vs[j].Record.ID) {
			return j
		}
		for _, it := range vs[j].Record.Items {
			if it.ID != "" && slices.Contains(refs, it.ID) {
				return j
			}
		}
	}
	return i - 1
}

// annotate fills in what each version of a story is made of (see
// Version.Parts, Partial, Base and Sources) from the records alone.
func annotate(vs []Version) {
	for i := range vs {
		v, rec := &vs[i], vs[i].Record
		if len(rec.Items) > 0 {
			items := slices.Clone(rec.Items)
			slices.SortStableFunc(items, func(a, b ItemRecord) int { return assemble.Rank(a.Part) - assemble.Rank(b.Part) })
			at := 1
			for _, it := range items {
				v.Parts = append(v.Parts, RefOf(it.Arrival))
				v.ItemIDs = append(v.ItemIDs, it.ID)
				if it.Paras > 0 {
					v.Sources = append(v.Sources, assemble.Source{Paras: [2]int{at, at + it.Paras - 1},
						From: RefOf(it.Arrival), FromParas: [2]int{1, it.Paras}})
				}
				at += it.Paras
			}
			v.Missing = assemble.Missing(rec.parts())
		}
		if !needsBase(rec) {
			continue
		}
		v.Partial = true
		j := baseIndex(vs, i)
		if j < 0 {
			v.BaseMissing = true
			v.Sources = []assemble.Source{{Paras: [2]int{1, rec.Paras}, From: assemble.FromItem, FromParas: [2]int{1, rec.Paras}}}
			continue
		}
		v.Base = vs[j].Ref
		v.Sources = nil
		if rec.Assembly != nil && rec.Summary != nil && i > 0 && rec.SummaryPrev == vs[i-1].Record.Arrival {
			v.Sources, v.Pickup, v.Unbuilt = rec.Assembly.Sources, rec.Assembly.Pickup, rec.Assembly.Unbuilt
		} else if rec.Pickup == nil {
			v.Unbuilt = "its note gives no pick-up"
		}
	}
}

// storedOf is what the whole text of version vs[i] (story order) is made
// of: its items as received and, for a partial, the version it picks up
// from, as far back as the chain of partials goes.
func (tx txn) storedOf(vs []Version, i, depth int) (*assemble.Stored, error) {
	v := vs[i]
	rec := v.Record
	st := &assemble.Stored{Ref: v.Ref, Partial: needsBase(rec), Pickup: rec.Pickup}
	items := rec.Items
	if len(items) == 0 {
		items = []ItemRecord{{Arrival: rec.Arrival, Source: rec.Source}}
	}
	for _, it := range items {
		raw, err := tx.raw(it.Arrival)
		if err != nil {
			return nil, err
		}
		st.Items = append(st.Items, assemble.Item{Ref: RefOf(it.Arrival), Source: it.Source, Raw: raw})
	}
	if !st.Partial || depth >= 64 {
		return st, nil
	}
	if j := baseIndex(vs, i); j >= 0 {
		base, err := tx.storedOf(vs, j, depth+1)
		if err != nil {
			return nil, err
		}
		st.Base = base
	}
	return st, nil
}

// wholeOf is storedOf for a version that needs it, nil for a version of
// one whole item (read as received).
func (tx txn) wholeOf(vs []Version, i int) (*assemble.Stored, error) {
	if !assembled(vs[i].Record) {
		return nil, nil
	}
	return tx.storedOf(vs, i, 0)
}

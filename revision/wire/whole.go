package wire

import (
	"lede/revision"
	"lede/revision/assemble"
)

// ReparseVersion parses a stored version again and makes it whole. st,
// when the store gives one, says what the version is made of (its parts,
// or a partial item and the version it picks up from); nil means the
// version is its one item raw, as received.
func ReparseVersion(name, source string, raw []byte, st *assemble.Stored) (*assemble.Whole, error) {
	if st == nil {
		r, err := Reparse(name, source, raw)
		if err != nil {
			return nil, err
		}
		return &assemble.Whole{Rev: r, Received: []assemble.Received{{Rev: r}}}, nil
	}
	return assemble.Build(name, st, Reparse)
}

// RebuildFiles makes a whole version of new, a file read on its own, with
// old as the version before it: a partial new (a new top with a pick-up)
// is applied to old, as the store does with stored versions. Any other
// new is returned as it is.
func RebuildFiles(old, new *revision.Revision, oldName string) *assemble.Whole {
	w := &assemble.Whole{Rev: new, Received: []assemble.Received{{Ref: "", Rev: new}}}
	if !new.Partial || new.Pickup != nil && new.Pickup.None {
		return w
	}
	whole, srcs, err := assemble.Rebuild(old, new, oldName)
	if err != nil {
		w.Unbuilt = err.Error()
		return w
	}
	w.Rev, w.Sources, w.Base = whole, srcs, oldName
	return w
}

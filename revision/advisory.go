package revision

import "slices"

// IsAdvisory reports whether the item is an advisory: an item about
// another item (AP's "Advisory" and kill advisories, an agency's
// advisory signal), which is linked to the story it names and is never
// a version of it.
func (r *Revision) IsAdvisory() bool { return slices.Contains(r.Signals, SignalAdvisory) }

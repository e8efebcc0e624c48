package main

import (
	"bufio"
	"fmt"
	"strings"

	"lede/store"
)

// writeAssembly says, under a version in lede history, what a version
// that is not one whole item is made of: its parts joined (and those
// missing), or the version a partial item was rebuilt on, which
// paragraphs came from where and where its pick-up was found.
func writeAssembly(w *bufio.Writer, indent string, v store.Version, st style) {
	if len(v.Parts) > 0 {
		var parts []string
		for i, ref := range v.Parts {
			parts = append(parts, ref)
			if i < len(v.Record.Items) {
				for _, it := range v.Record.Items {
					if store.RefOf(it.Arrival) == ref && it.Part != nil {
						parts[i] += " (" + partText(it.Part) + ")"
					}
				}
			}
		}
		fmt.Fprintln(w, indent+st.dim(fmt.Sprintf("%s joined: %s", plural(len(v.Parts), "part", "parts"), strings.Join(parts, ", "))))
	}
	if len(v.Missing) > 0 {
		fmt.Fprintln(w, indent+st.warn("incomplete: "+strings.Join(v.Missing, ", ")+" missing"))
	}
	if !v.Partial {
		return
	}
	if v.BaseMissing {
		fmt.Fprintln(w, indent+st.warn("partial, previous version missing (shown as received)"))
		return
	}
	if v.Unbuilt != "" {
		fmt.Fprintln(w, indent+st.warn("partial, not rebuilt on "+v.Base+": "+v.Unbuilt+" (shown as received)"))
		return
	}
	line := "partial: rebuilt on " + v.Base
	var srcs []string
	for _, s := range v.Sources {
		srcs = append(srcs, sourceText(s))
	}
	if len(srcs) > 0 {
		line += ": " + strings.Join(srcs, ", ")
	}
	fmt.Fprintln(w, indent+st.dim(line))
	if v.Pickup != nil && v.Pickup.Found != 0 && (v.Pickup.AnchorMissed || v.Pickup.Para != 0 && v.Pickup.Found != v.Pickup.Para) {
		fmt.Fprintln(w, indent+st.warn("pick-up at "+pickupFoundText(*v.Pickup)))
	}
}

// itemIDs names a version's items: its own id, or the ids of its parts.
func itemIDs(v store.Version) string {
	if len(v.ItemIDs) > 0 {
		return strings.Join(v.ItemIDs, " + ")
	}
	return v.Record.ID
}

// wholeParas is how many paragraphs the whole version has, as far as the
// records tell: a rebuilt partial's once its sources are known, else the
// count stored (a version in parts counts all its parts).
func wholeParas(v store.Version) int {
	if n := len(v.Sources); n > 0 {
		return v.Sources[n-1].Paras[1]
	}
	return v.Record.Paras
}

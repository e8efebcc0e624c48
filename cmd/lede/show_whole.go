package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"lede/revision"
	"lede/revision/assemble"
	"lede/store"
)

// receivedBytes is what lede show --as-received prints of a version that
// is not one item: the part ref names, when it names a part other than
// the version's own first one; else every item as received, in the order
// they came (a TREC or ANPA stream of them reads back as such).
func receivedBytes(st *assemble.Stored, ref storyRef) []byte {
	if ref.arrival != 0 && store.RefOf(ref.arrival) != st.Ref {
		for _, it := range st.Items {
			if it.Ref == store.RefOf(ref.arrival) {
				return it.Raw
			}
		}
	}
	var b bytes.Buffer
	for i, it := range st.Items {
		if n := b.Len(); i > 0 && n > 0 && b.Bytes()[n-1] != '\n' {
			b.WriteByte('\n')
		}
		b.Write(it.Raw)
	}
	return b.Bytes()
}

// storedJSON is lede show --json of a version: the whole version, or
// with asReceived its first item as parsed, with what it is made of.
func storedJSON(s store.Story, v store.Version, w *assemble.Whole, asReceived bool) store.StoredRevision {
	r := w.Rev
	if asReceived && len(w.Received) > 0 {
		r = w.Received[0].Rev
	}
	return store.StoredRevision{Story: s.ID, Rev: v.Rev, Ref: v.Ref, About: s.About, Revision: r, Assembly: w.Assembly}
}

// writeWhole writes a joined or rebuilt version for a person to read:
// what it is made of, then the whole version as lede parse shows one.
func writeWhole(out io.Writer, name string, v store.Version, w *assemble.Whole, st style) {
	vw := view{w: out, st: st}
	fmt.Fprintf(out, "%s  %s\n", st.bold("==> "+name+" ("+v.Ref+")"), st.dim("(whole version)"))
	for _, line := range assemblyLines(w.Assembly, w.Rev.Pickup) {
		vw.field(line[0], line[1], nil)
	}
	fmt.Fprintln(out)
	whole := *w.Rev
	if w.Base != "" && w.Unbuilt == "" {
		whole.Partial = false // rebuilt: the lines above say from what
	}
	writeRevision(out, &whole, st)
}

// assemblyLines says in words how a version was made whole, as labelled
// lines: its parts and those missing, the version a partial picks up
// from, and which paragraphs came from where.
func assemblyLines(a assemble.Assembly, pk *revision.Pickup) [][2]string {
	var out [][2]string
	if len(a.Parts) > 0 {
		out = append(out, [2]string{"parts", fmt.Sprintf("%d joined in order: %s", len(a.Parts), strings.Join(a.Parts, ", "))})
	}
	if len(a.Missing) > 0 {
		out = append(out, [2]string{"incomplete", strings.Join(a.Missing, ", ") + " missing"})
	}
	switch {
	case a.BaseMissing:
		out = append(out, [2]string{"partial", "previous version missing: shown as received"})
	case a.Unbuilt != "":
		out = append(out, [2]string{"partial", "not rebuilt on " + a.Base + ": " + a.Unbuilt})
	case a.Base != "":
		out = append(out, [2]string{"partial", "rebuilt on " + a.Base})
	}
	if a.Base != "" || a.BaseMissing {
		for _, s := range a.Sources {
			out = append(out, [2]string{"", sourceText(s)})
		}
	}
	if pk != nil && pk.Found != 0 {
		out = append(out, [2]string{"pick-up", pickupFoundText(*pk)})
	}
	return out
}

// sourceText writes one run of paragraphs and where it came from.
func sourceText(s assemble.Source) string {
	paras := paraRange(s.Paras)
	if s.From == assemble.FromItem {
		return paras + " from the item"
	}
	return fmt.Sprintf("%s from %s (its %s)", paras, s.From, paraRange(s.FromParas))
}

func paraRange(r [2]int) string {
	if r[0] == r[1] {
		return fmt.Sprintf("para %d", r[0])
	}
	return fmt.Sprintf("paras %d-%d", r[0], r[1])
}

// pickupFoundText says where a partial's pick-up was found, and whether its
// number and its anchor words agreed.
func pickupFoundText(pk revision.Pickup) string {
	at := fmt.Sprintf("previous para %d", pk.Found)
	switch {
	case pk.AnchorMissed:
		return fmt.Sprintf("%s by its number; the anchor %q opens no paragraph there", at, pk.Anchor)
	case pk.Found != pk.Para && pk.Para != 0:
		return fmt.Sprintf("%s, where the anchor %q is (the note says para %d)", at, pk.Anchor, pk.Para)
	}
	return at
}

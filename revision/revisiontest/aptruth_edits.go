package revisiontest

import (
	"fmt"
	"slices"
)

// subs: paragraph k corrected in a writethru, "SUBS 3rd graf, `In
// other...' to UPDATE ...; picks up 4th graf pvs, `Although...'".
func (g *aptGen) subs(k int) {
	if k == 0 {
		return
	}
	p := g.paras()
	p[k-1] = edit(p[k-1])
	word := (g.seed+k)%3 == 0
	note := fmt.Sprintf("SUBS %s graf, %s to UPDATE figure", apOrdinal(k, word), quote(g.anchor(k), g.seed+k))
	verbs := []string{"SUBS", "UPDATES"}
	if k < g.n {
		note += fmt.Sprintf("; picks up %s graf pvs, %s", apOrdinal(k+1, !word), quote(g.anchor(k+1), g.seed))
		verbs = append(verbs, "PICKS UP")
	}
	ops := equalOps(1, g.n, 1)
	ops[k-1] = fmt.Sprintf("change %d>%d", k, k)
	g.add(fmt.Sprintf("subs %d", k), false, note, verbs, p, p, ops)
}

// inserts: a new paragraph after paragraph k, "INSERTS 1 graf after 7th
// graf `The Japanese...' to ADD ... Pickup 8th graf `About 150...'".
func (g *aptGen) inserts(k int) {
	if k < 1 || k >= g.n {
		return
	}
	p := slices.Insert(g.paras(), k, g.fresh(k))
	note := fmt.Sprintf("INSERTS 1 graf after %s graf %s to ADD comment. Pickup %s graf %s",
		apOrdinal(k, g.seed%2 == 1), quote(g.anchor(k), g.seed), apOrdinal(k+1, false), quote(g.anchor(k+1), g.seed+1))
	ops := append(equalOps(1, k, 1), fmt.Sprintf("insert ->%d", k+1))
	ops = append(ops, equalOps(k+1, g.n, k+2)...)
	g.add(fmt.Sprintf("inserts after %d", k), false, note, []string{"INSERTS", "ADDS", "PICKS UP"}, p, p, ops)
}

// eliminates: paragraph k of the previous version dropped, "ELIMINATES
// 7th graf, `Police chief...', now outdated".
func (g *aptGen) eliminates(k int) {
	if k < 1 || k > g.n {
		return
	}
	p := slices.Delete(g.paras(), k-1, k)
	verb := []string{"ELIMINATES", "DELETES", "DROPS"}[g.seed%3]
	note := fmt.Sprintf("%s %s graf, %s, now outdated", verb, apOrdinal(k, g.seed%2 == 0), quote(g.anchor(k), g.seed))
	ops := append(equalOps(1, k-1, 1), fmt.Sprintf("delete %d>-", k))
	ops = append(ops, equalOps(k+1, g.n, k)...)
	g.add(fmt.Sprintf("eliminates %d", k), false, note, []string{verb}, p, p, ops)
}

// combined: a SUBS, an INSERTS and an ELIMINATES in one writethru, each
// numbered as AP numbers it (the SUBS and INSERTS above every other
// change, so both versions count them alike; the ELIMINATES in the
// previous version's numbers, "pvs").
func (g *aptGen) combined() {
	j := g.editable(1)
	k, m := j+1, j+3
	if j == 0 || m > g.n {
		return
	}
	p := g.paras()
	p[j-1] = edit(p[j-1])
	p = slices.Delete(p, m-1, m)
	p = slices.Insert(p, k, g.fresh(0))
	note := fmt.Sprintf("SUBS %s graf to CORRECT figure; INSERTS graf after %s graf, %s, to ADD comment; ELIMINATES %s graf pvs, %s",
		apOrdinal(j, false), apOrdinal(k, true), quote(g.anchor(k), 0), apOrdinal(m, false), quote(g.anchor(m), 3))
	var ops []string
	for i := 1; i <= g.n; i++ {
		switch {
		case i == j:
			ops = append(ops, fmt.Sprintf("change %d>%d", i, i))
		case i == m:
			ops = append(ops, fmt.Sprintf("delete %d>-", i))
		case i < m && i > k:
			ops = append(ops, fmt.Sprintf("equal %d>%d", i, i+1))
		case i > m:
			ops = append(ops, fmt.Sprintf("equal %d>%d", i, i))
		default:
			ops = append(ops, fmt.Sprintf("equal %d>%d", i, i))
		}
		if i == k {
			ops = append(ops, fmt.Sprintf("insert ->%d", k+1))
		}
	}
	g.add("combined subs, inserts, eliminates", false, note, []string{"SUBS", "CORRECTS", "INSERTS", "ADDS", "ELIMINATES"}, p, p, ops)
}

// wholeLead: a writethru with a new top of lead grafs (the lead recast,
// fresh grafs after it) in place of paragraphs 1 to m-1, "LEADS with
// three grafs to UPDATE with ...; picks up 4th graf pvs, `The men...'".
func (g *aptGen) wholeLead(lead, m int) {
	recast := g.editable(1) == 1
	top := g.top(lead, recast)
	p := append(top, g.base.Paragraphs[m-1:]...)
	note := fmt.Sprintf("LEADS with %s to UPDATE with reaction; picks up %s graf pvs, %s",
		grafs(lead, g.seed%2 == 0), apOrdinal(m, false), quote(g.anchor(m), g.seed))
	g.add(fmt.Sprintf("writethru leads %d picks up %d", lead, m), false, note, []string{"LEADS", "UPDATES", "PICKS UP"},
		p, p, g.topOps(lead, m, recast))
}

// newThroughout: every paragraph long enough edited, "New throughout to
// UPDATE with ...; no pickup".
func (g *aptGen) newThroughout() {
	p := g.paras()
	ops := equalOps(1, g.n, 1)
	changed := 0
	for i := range p {
		if g.editable(i+1) == i+1 {
			p[i] = edit(p[i])
			ops[i] = fmt.Sprintf("change %d>%d", i+1, i+1)
			changed++
		}
	}
	if changed < 3 {
		return
	}
	note := []string{"New throughout to UPDATE with latest figures; no pickup", "New thruout to UPDATE with latest figures. No pickup."}[g.seed%2]
	g.add("new throughout", false, note, []string{"NEW", "UPDATES", "NO PICKUP"}, p, p, ops)
}

// top is a new top of k paragraphs: the lead recast (its figure raised
// or a clause added) when recast, then fresh paragraphs; a fresh lead
// keeps the dateline the base's lead opens with.
func (g *aptGen) top(k int, recast bool) []string {
	var top []string
	for i := range k {
		if i == 0 && recast {
			top = append(top, edit(g.base.Paragraphs[0]))
			continue
		}
		f := g.fresh(i + 2)
		if i == 0 {
			f = g.base.Dateline.Text + f
		}
		top = append(top, f)
	}
	return top
}

// topOps are the ops of a new top of k paragraphs in place of the
// previous version's paragraphs before m: the recast lead changed,
// every other replaced paragraph deleted, the fresh ones inserted, the
// rest unchanged.
func (g *aptGen) topOps(k, m int, recast bool) []string {
	var ops []string
	from := 1
	if recast {
		ops, from = append(ops, "change 1>1"), 2
	}
	for i := from; i < m; i++ {
		ops = append(ops, fmt.Sprintf("delete %d>-", i))
	}
	for i := from; i <= k; i++ {
		ops = append(ops, fmt.Sprintf("insert ->%d", i))
	}
	return append(ops, equalOps(m, g.n, k+1)...)
}

// aptPartialVariants are the partial leads made of each item: a new top
// of lead grafs picking up the pickup-th graf pvs, written as named.
var aptPartialVariants = []struct {
	name         string
	lead, pickup int
	recast       bool
	form         string // numbers, words, doubled, none, disagree, top
}{
	{"numbers", 1, 2, true, "numbers"},
	{"ordinals as words", 2, 3, false, "words"},
	{"doubled quotes", 3, 2, true, "doubled"},
	{"no anchor", 2, 4, true, "none"},
	{"anchor disagrees with the number", 1, 3, false, "disagree"},
	{"top grafs new", 2, 2, false, "top"},
}

// partialLead: a plain "1st Ld" carrying only a new top, "LEADS with K
// grafs to UPDATE with ...; picks up Mth graf pvs, `Anchor...'". With
// the anchor disagreeing, the number names the paragraph before the one
// the anchor opens, and the anchor wins: the rest is taken from there.
func (g *aptGen) partialLead(v int) {
	pv := aptPartialVariants[v]
	m := pv.pickup
	if m+1 > g.n {
		return
	}
	from := m
	if pv.form == "disagree" {
		from = m + 1
	}
	for i := 1; i <= g.n; i++ {
		if i != from && g.anchor(i) == g.anchor(from) {
			return // the anchor would name two paragraphs
		}
	}
	recast := pv.recast && g.editable(1) == 1 // a garbled lead ("g") is replaced, not recast
	top := g.top(pv.lead, recast)
	verbs := []string{"LEADS", "UPDATES", "PICKS UP"}
	var note string
	switch pv.form {
	case "numbers":
		note = fmt.Sprintf("LEADS with %s to UPDATE with reaction; picks up %s graf pvs, `%s...'", grafs(pv.lead, false), apOrdinal(m, false), g.anchor(m))
	case "words":
		note = fmt.Sprintf("Leads with %s to UPDATE with reaction. Picks up %s graf pvs, `%s...'.", grafs(pv.lead, true), apOrdinal(m, true), g.anchor(m))
	case "doubled":
		note = fmt.Sprintf("LEADS with %s to UPDATE with reaction. Pick up %s pvs, ``%s...''", grafs(pv.lead, true), apOrdinal(m, false), g.anchor(m))
	case "none":
		note = fmt.Sprintf("LEADS with %s to UPDATE with reaction; picks up %s graf pvs", grafs(pv.lead, false), apOrdinal(m, false))
	case "disagree":
		note = fmt.Sprintf("LEADS with %s to UPDATE with reaction, PICKS UP %s graf pvs `%s...'", grafs(pv.lead, false), apOrdinal(m, false), g.anchor(from))
	case "top":
		note = fmt.Sprintf("Top %d grafs new to UPDATE with reaction; picks up %s graf pvs, %s", pv.lead, apOrdinal(m, false), g.anchor(m))
	}
	whole := append(slices.Clone(top), g.base.Paragraphs[from-1:]...)
	g.add("partial "+pv.name, true, note, verbs, top, whole, g.topOps(pv.lead, from, recast))
}

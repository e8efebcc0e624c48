package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/apwire"
	"lede/revision/wire"
)

// TestNoteCheckAPSyntheticTruth takes a real first version of an AP
// story, applies known edits at every place and writes the note the way
// AP's editors do — writethrus (SUBS, INSERTS, ELIMINATES) and partial
// leads rebuilt into whole versions (LEADS with K grafs; picks up Mth
// graf pvs) — then requires the exact paragraph ops of the whole versions
// and every action of the note confirmed, with nothing unannounced.
func TestNoteCheckAPSyntheticTruth(t *testing.T) {
	base, _, err := wire.ParseFile("testdata/AP890101-0015.trec", nil, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(base.Paragraphs)
	if n != 11 {
		t.Fatalf("%d paragraphs, want 11", n)
	}
	fresh := []string{
		"Seoul's Unification Ministry said on Monday it would study the proposal before giving a formal reply.",
		"A spokesman for President Roh said the government welcomed any dialogue that could ease tension on the peninsula.",
		"Opposition leader Kim Dae-jung told reporters he was ready to travel to Pyongyang if the government agreed.",
	}
	type pair struct {
		name, note string
		paras      []string
		ops        []string
	}
	var pairs []pair
	for k := 1; k <= n; k++ {
		p := slices.Clone(base.Paragraphs)
		p[k-1] += " Officials in Seoul confirmed the account on Monday."
		note := fmt.Sprintf("SUBS %s graf, `%s...' to UPDATE with confirmation", ordinal(k, k%2 == 0), anchorOf(base, k))
		if k < n {
			note += fmt.Sprintf("; picks up %s graf pvs, `%s...'", ordinal(k+1, k%3 == 0), anchorOf(base, k+1))
		}
		pairs = append(pairs, pair{fmt.Sprintf("subs %d", k), note, p, opsWith(n, map[int]string{k: fmt.Sprintf("change %d>%d", k, k)})})
	}
	for k := 1; k < n; k++ {
		p := slices.Insert(slices.Clone(base.Paragraphs), k, fresh[k%len(fresh)])
		note := fmt.Sprintf("INSERTS graf after %s graf, `%s...' to ADD reaction. Picks up %s graf pvs",
			ordinal(k, k%2 == 1), anchorOf(base, k), ordinal(k+1, false))
		ops := opsWith(n, nil)
		ops = slices.Insert(ops, k, fmt.Sprintf("insert ->%d", k+1))
		for i := k + 1; i < len(ops); i++ {
			ops[i] = fmt.Sprintf("equal %d>%d", i, i+1)
		}
		pairs = append(pairs, pair{fmt.Sprintf("inserts after %d", k), note, p, ops})
	}
	for k := 1; k <= n; k++ {
		p := slices.Delete(slices.Clone(base.Paragraphs), k-1, k)
		note := fmt.Sprintf("ELIMINATES %s graf, `%s...'", ordinal(k, k%2 == 0), anchorOf(base, k))
		ops := opsWith(n, map[int]string{k: fmt.Sprintf("delete %d>-", k)})
		for i := k; i < n; i++ {
			ops[i] = fmt.Sprintf("equal %d>%d", i+1, i)
		}
		pairs = append(pairs, pair{fmt.Sprintf("eliminates %d", k), note, p, ops})
	}
	for lead := 1; lead <= 3; lead++ {
		for m := 2; m <= 4; m++ {
			p := append(slices.Clone(fresh[:lead]), base.Paragraphs[m-1:]...)
			note := fmt.Sprintf("LEADS with %s to UPDATE with Seoul reaction; picks up %s graf pvs, `%s...'",
				count(lead), ordinal(m, lead%2 == 0), anchorOf(base, m))
			var ops []string
			for i := 1; i < m; i++ {
				ops = append(ops, fmt.Sprintf("delete %d>-", i))
			}
			for i := 1; i <= lead; i++ {
				ops = append(ops, fmt.Sprintf("insert ->%d", i))
			}
			for i := m; i <= n; i++ {
				ops = append(ops, fmt.Sprintf("equal %d>%d", i, i-m+1+lead))
			}
			pairs = append(pairs, pair{fmt.Sprintf("leads %d picks up %d", lead, m), note, p, ops})
		}
	}
	exact, confirmed, actions := 0, 0, 0
	for _, c := range pairs {
		new := &revision.Revision{Agency: "AP", Headline: base.Headline, Paragraphs: c.paras, Complete: true, Note: c.note}
		new.Actions = apwire.ParseEds(c.note).Actions
		r := Compare(base, new, Options{})
		var ops []string
		for _, p := range r.Paragraphs {
			ops = append(ops, fmt.Sprintf("%s %s>%s", p.Op, numOr(p.Old), numOr(p.New)))
		}
		if slices.Equal(ops, c.ops) {
			exact++
		} else {
			t.Errorf("%s: ops\n got  %q\n want %q", c.name, ops, c.ops)
		}
		for _, v := range r.NoteCheck {
			actions++
			if v.Result == Confirmed {
				confirmed++
			} else {
				t.Errorf("%s: %q: %s %s (%s)", c.name, c.note, v.Action, v.Result, v.Why)
			}
		}
		if len(r.NoteCheck) < 2 && !strings.HasPrefix(c.name, "eliminates") && c.name != fmt.Sprintf("subs %d", n) {
			t.Errorf("%s: %q gave %d actions", c.name, c.note, len(r.NoteCheck))
		}
		if len(r.Unannounced) > 0 {
			t.Errorf("%s: unannounced %+v", c.name, r.Unannounced)
		}
	}
	t.Logf("%d pairs: exact paragraph ops %d; %d of %d actions confirmed", len(pairs), exact, confirmed, actions)
}

// opsWith is the ops of an unchanged story of n paragraphs but for the
// ops given at some places.
func opsWith(n int, at map[int]string) []string {
	var out []string
	for i := 1; i <= n; i++ {
		op, ok := at[i]
		if !ok {
			op = fmt.Sprintf("equal %d>%d", i, i)
		}
		out = append(out, op)
	}
	return out
}

// ordinal writes n as AP's notes do, as a number ("3rd") or a word
// ("third").
func ordinal(n int, word bool) string {
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "10th", "11th", "12th"}
	if word {
		return words[n-1]
	}
	switch {
	case n%10 == 1 && n != 11:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2 && n != 12:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3 && n != 13:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
}

func count(n int) string {
	return map[int]string{1: "1 graf", 2: "two grafs", 3: "3 grafs"}[n]
}

// anchorOf is the opening two words of the base's paragraph k, after its
// dateline, as a note quotes them.
func anchorOf(r *revision.Revision, k int) string {
	p := r.Paragraphs[k-1]
	if k == 1 {
		p = strings.TrimPrefix(p, r.Dateline.Text)
	}
	w := strings.Fields(strings.Trim(p, "`'\""))
	return strings.Trim(w[0]+" "+w[1], "`'\",.")
}

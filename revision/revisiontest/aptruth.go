package revisiontest

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"lede/revision"
)

// APTruth is one known update of a real AP item, for measuring the Eds:
// grammar, the rebuild of partial versions, the alignment and the AP
// note check against the truth: the update is made by editing the real
// item's paragraphs in known ways, and its Eds: note is written the way
// AP's desk writes one (the wording of the real notes of the AP89 days).
type APTruth struct {
	// Name says what was done: "subs 3", "partial leads 2 picks up 4 (words)".
	Name string
	// Partial says the item is a new top only (a plain "1st Ld" that
	// picks up from the item before); else it is a whole writethru.
	Partial bool
	// Item is the update as AP TREC text, for the real parser.
	Item []byte
	// Note is its Eds: note without "Eds: ".
	Note string
	// Verbs are the verbs of the actions the note makes, in order, as
	// the Eds: grammar should read them.
	Verbs []string
	// Whole is the whole new version: the item's paragraphs for a
	// writethru, the new top and the rest of the previous version for a
	// partial.
	Whole []string
	// Ops are the exact paragraph ops of the previous version against
	// the whole new one, in order: "equal 1>1", "change 3>3", "insert
	// ->4", "delete 7>-" (1-based paragraph numbers, old>new).
	Ops []string
}

// Fresh paragraphs an update brings: nothing in any real story they are
// added to says the same, so each is an insertion, never an edit.
var aptFresh = []string{
	"A spokesman for the governor's office said late Monday that emergency crews would remain on duty through the week.",
	"Officials declined to say how long the review would take or whether its findings would be made public.",
	"Reached by telephone, a lawyer for the family said relatives had not yet been told of any decision.",
	"Police cordoned off the area for several hours while investigators photographed the scene and questioned witnesses.",
	"The agency's statement, released shortly before midnight, gave no further details and did not name its sources.",
	"Neighbors gathered outside in the cold, and some said they had heard a loud noise shortly after dawn.",
}

// APTruths makes the known updates of one real first-version item: raw
// is its <DOC> as received, base its parse, seed varies the places and
// the wording from item to item. Each update is a writethru (SUBS,
// INSERTS, ELIMINATES, their combination, a new top of a whole text,
// "New throughout") or a partial lead (a new top of K grafs that picks
// up the Mth graf pvs: ordinals as numbers or words, `quoted' or
// “doubled” anchors, no anchor, an anchor that disagrees with the
// number). An item too short for an update gives fewer or none.
func APTruths(raw []byte, base *revision.Revision, seed int) []APTruth {
	g := &aptGen{raw: raw, base: base, seed: seed, n: len(base.Paragraphs)}
	if g.n < 5 {
		return nil
	}
	g.subs(g.editable(1 + seed%3))
	g.subs(g.editable(g.n / 2))
	g.subs(g.editable(g.n - 1))
	g.inserts(1 + (seed+1)%3)
	g.inserts(g.n - 1 - seed%2)
	g.eliminates(2 + seed%3)
	g.eliminates(g.n)
	g.combined()
	g.wholeLead(1+seed%3, 2+seed%3)
	g.newThroughout()
	for v := range aptPartialVariants {
		g.partialLead(v)
	}
	return g.out
}

type aptGen struct {
	raw  []byte
	base *revision.Revision
	seed int
	n    int
	out  []APTruth
}

// add records an update; the item gets a DOCNO of its own.
func (g *aptGen) add(name string, partial bool, note string, verbs []string, item, whole, ops []string) {
	version := "1st Ld-Writethru"
	if partial {
		version = "1st Ld"
	}
	docno := fmt.Sprintf("%s-T%02d", g.base.ID, len(g.out)+1)
	g.out = append(g.out, APTruth{Name: name, Partial: partial, Note: note, Verbs: verbs, Whole: whole, Ops: ops,
		Item: APRewrite(g.raw, docno, version, note, item)})
}

func (g *aptGen) paras() []string { return slices.Clone(g.base.Paragraphs) }

func (g *aptGen) fresh(i int) string { return aptFresh[(g.seed+i)%len(aptFresh)] }

// editable is the paragraph nearest k long enough for an edit that keeps
// it recognisably the same paragraph (AP's SUBS fix a figure or a word).
func (g *aptGen) editable(k int) int {
	for d := 0; d < g.n; d++ {
		for _, c := range []int{k - d, k + d} {
			if c >= 1 && c <= g.n && len(strings.Fields(g.base.Paragraphs[c-1])) >= 12 {
				return c
			}
		}
	}
	return 0
}

var aptNumber = regexp.MustCompile(`\b\d+\b`)

// edit changes paragraph text the way a SUBS does: its first figure
// raised (a toll, a count), else a clause added at its end.
func edit(p string) string {
	if loc := aptNumber.FindStringIndex(p); loc != nil {
		n, _ := strconv.Atoi(p[loc[0]:loc[1]])
		return p[:loc[0]] + strconv.Itoa(n+3) + p[loc[1]:]
	}
	if strings.HasSuffix(p, ".") {
		return strings.TrimSuffix(p, ".") + ", officials said Monday."
	}
	return p + " Officials confirmed the account Monday."
}

// anchor is the opening words of the base's paragraph k as a note quotes
// them, after the lead's dateline and any opening quotation marks.
func (g *aptGen) anchor(k int) string {
	p := g.base.Paragraphs[k-1]
	if k == 1 {
		p = strings.TrimPrefix(p, g.base.Dateline.Text)
	}
	var w []string
	for _, f := range strings.Fields(p) {
		if f = strings.Trim(f, "`'\"_,.;:"); f != "" && len(w) < 2 {
			w = append(w, f)
		}
	}
	return strings.Join(w, " ")
}

// quote writes an anchor as the note of variant v does: `The men...',
// bgng: “The men...”, or left open (`The home...), as AP's desk
// sometimes leaves one.
func quote(a string, v int) string {
	switch v % 4 {
	case 1:
		return "bgng: ``" + a + "...''"
	case 2:
		return "`" + a + "..."
	case 3:
		return "``" + a + "...''"
	}
	return "`" + a + "...'"
}

// apOrdinal writes n as a number ("3rd") or, when word is set and n is
// small, a word ("third").
func apOrdinal(n int, word bool) string {
	words := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
	if word && n >= 1 && n <= len(words) {
		return words[n-1]
	}
	return revision.Ordinal(n)
}

// grafs writes a count of paragraphs: "1 graf", "two grafs", "3 grafs".
func grafs(n int, word bool) string {
	if n == 1 {
		return map[bool]string{false: "1 graf", true: "one graf"}[word]
	}
	words := []string{"", "", "two", "three", "four", "five", "six"}
	if word && n < len(words) {
		return words[n] + " grafs"
	}
	return fmt.Sprintf("%d grafs", n)
}

// equalOps are the ops of paragraphs old..n of the previous version kept
// unchanged, the first of them now numbered at.
func equalOps(old, n, at int) []string {
	var out []string
	for i := old; i <= n; i++ {
		out = append(out, fmt.Sprintf("equal %d>%d", i, at+i-old))
	}
	return out
}

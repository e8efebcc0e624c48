// Package diff shows what changed between two revisions of a story:
// paragraphs aligned first (equal, inserted, deleted, changed, moved,
// split, merged), words inside each changed paragraph, the headline,
// byline and dateline, and a check of the editor's note against what
// changed. It is the only package that imports go-diff.
package diff

import (
	"slices"
	"strings"
	"time"

	"lede/revision"
)

// Op is what happened to a paragraph or a run of words.
type Op string

// Operations. Words use equal, insert and delete only.
const (
	OpEqual  Op = "equal"
	OpInsert Op = "insert"
	OpDelete Op = "delete"
	OpChange Op = "change"
	OpMove   Op = "move"
)

// Para is one entry of a paragraph diff, in the order a reader of the new
// revision meets it (deleted paragraphs where they stood). Old and New are
// the agencies' 1-based paragraph numbers, nil on the side that lacks the
// paragraph. Text is the paragraph as it is now (as it was, for a delete).
// Words, present when the paragraph's text changed, rebuild both sides.
//
// A paragraph split in two gives two entries with the same Old and Split
// set; two paragraphs merged into one give two entries with the same New
// and Merge set. Concatenating, in order, the old sides of the entries
// that share an Old number rebuilds that old paragraph exactly; the same
// holds for new sides and New numbers.
type Para struct {
	Op    Op     `json:"op"`
	Old   *int   `json:"old"`
	New   *int   `json:"new"`
	Text  string `json:"text"`
	Words []Word `json:"words,omitempty"`
	Split bool   `json:"split,omitempty"`
	Merge bool   `json:"merge,omitempty"`
	// Cut marks entries that only seem changed because a page was cut
	// off. They are not counted in the summary nor held against the note,
	// and are of two kinds:
	//
	//   - deletes: paragraphs past the end of the cut-off newer page, that
	//     come in the older page after the last paragraph the newer one
	//     still shows. (When the older page is the cut-off one, paragraphs
	//     past its end stay insertions: an update adds at the end more
	//     often than not, and hiding its additions would hide what the
	//     update is for.)
	//   - an equal entry for the last paragraph of a page cut off inside
	//     it, paired with the paragraph it is the start of: Words compare
	//     what the cut page shows of it, and end in one Word marked Cut,
	//     the rest of the whole paragraph the cut page does not show.
	Cut bool `json:"cut,omitempty"`
}

// OldSide and NewSide are the entry's contribution to each revision.
func (p Para) OldSide() string {
	if p.Old == nil {
		return ""
	}
	if p.Words != nil {
		return OldText(p.Words)
	}
	return p.Text
}

// NewSide is the entry's contribution to the new revision.
func (p Para) NewSide() string {
	if p.New == nil {
		return ""
	}
	if p.Words != nil {
		return NewText(p.Words)
	}
	return p.Text
}

// Field is the diff of a one-line field such as the headline.
type Field struct {
	Op    Op     `json:"op"` // equal, insert, delete or change
	Old   string `json:"old"`
	New   string `json:"new"`
	Words []Word `json:"words,omitempty"`
}

// Changed reports whether the field differs.
func (f Field) Changed() bool { return f.Op != OpEqual && f.Op != OpUnknown }

// Summary counts what an update did, as in "+3 ~2 -1 moved 1". It is the
// domain's UpdateSummary so that the store can keep it without knowing
// about diffs.
type Summary = revision.UpdateSummary

// Result is the whole comparison of two revisions.
type Result struct {
	Story string `json:"story,omitempty"`
	From  string `json:"from"`
	To    string `json:"to"`
	// FromRef and ToRef are the refs of the stored versions compared
	// ("" for a file): names a late version does not shift, as it can
	// shift the @N of From and To.
	FromRef string `json:"from_ref,omitempty"`
	ToRef   string `json:"to_ref,omitempty"`
	// FromItem and ToItem name each side by its agency and its own item
	// id ("AP AP890103-0011"), "" when the input gives neither, so that
	// a desk can trace a change to what the wire sent.
	FromItem    string        `json:"from_item,omitempty"`
	ToItem      string        `json:"to_item,omitempty"`
	Headline    Field         `json:"headline"`
	Byline      Field         `json:"byline"`
	Dateline    Field         `json:"dateline"`
	Paragraphs  []Para        `json:"paragraphs"`
	Summary     Summary       `json:"summary"`
	NoteCheck   []Verdict     `json:"note_check"`
	Unannounced []Unannounced `json:"unannounced"`
	// Figures are the numbers the update changed, what a desk looks for
	// first (see Figures).
	Figures []Figure `json:"figures"`
	Note    string   `json:"note"`
	// Agency is the newer side's agency, whose note Note is, and
	// NoteLabel how that agency labels it ("ATTN:", "Eds:",
	// revision.NoteLabel), for the renderers to show it as sent.
	Agency    string         `json:"agency,omitempty"`
	NoteLabel string         `json:"note_label"`
	Complete  [2]bool        `json:"complete"` // old, new reached (END)
	Counts    [2]int         `json:"paragraph_counts"`
	Timing    *time.Duration `json:"-"`
}

// Options tune Compare.
type Options struct {
	// Budget bounds the whole comparison; past it, remaining changed
	// paragraphs are shown as whole replacements. Zero means 5s.
	Budget time.Duration
}

// Compare diffs two revisions of a story. It never fails: unrelated or
// huge inputs give a coarse but lossless result within the budget.
func Compare(old, new *revision.Revision, opt Options) *Result {
	if opt.Budget <= 0 {
		opt.Budget = 5 * time.Second
	}
	deadline := time.Now().Add(opt.Budget)
	r := &Result{
		From: old.Source, To: new.Source, FromItem: itemName(old), ToItem: itemName(new),
		Headline:   headlineField(old, new),
		Byline:     field(old.Byline, new.Byline),
		Dateline:   field(old.Dateline.Text, new.Dateline.Text),
		Paragraphs: markCut(alignParas(old.Paragraphs, new.Paragraphs, old.PartialLast(), new.PartialLast(), deadline), new.Complete),
		Note:       new.Note, Agency: new.Agency, NoteLabel: revision.NoteLabel(new.Agency),
		Complete: [2]bool{old.Complete, new.Complete},
		Counts:   [2]int{len(old.Paragraphs), len(new.Paragraphs)},
	}
	r.Summary = summarize(r)
	r.Figures = Figures(r.Paragraphs)
	r.NoteCheck, r.Unannounced = checkNote(old, new, r)
	return r
}

// UpdateSummary is the summary with the note check folded in, the form
// the store keeps for each update.
func (r *Result) UpdateSummary() revision.UpdateSummary {
	s := r.Summary
	for _, v := range r.NoteCheck {
		s.Verdicts = append(s.Verdicts, revision.NoteVerdict{Action: v.Action, Verdict: v.Result, Paras: v.Paras})
	}
	s.Unannounced = len(r.Unannounced)
	if len(r.Figures) > 0 {
		s.Figures = r.Figures
	}
	return s
}

// OpUnknown marks a field one of the pages does not show, such as a
// headline missing from a stored web page: no change can be claimed.
const OpUnknown Op = "unknown"

func headlineField(old, new *revision.Revision) Field {
	if old.RawHeadline == "" && old.Headline == "" || new.RawHeadline == "" && new.Headline == "" {
		if old.Headline != new.Headline {
			return Field{Op: OpUnknown, Old: old.Headline, New: new.Headline}
		}
	}
	return field(old.Headline, new.Headline)
}

func field(old, new string) Field {
	f := Field{Old: old, New: new}
	switch {
	case old == new:
		f.Op = OpEqual
	case old == "":
		f.Op = OpInsert
	case new == "":
		f.Op = OpDelete
	default:
		f.Op = OpChange
		f.Words = Words(old, new)
	}
	return f
}

// markCut flags the deletions that may only be past the end of a cut-off
// newer page: the older page's paragraphs after the last one the newer
// page still shows in some form. An update that adds paragraphs high up
// pushes the old ones down, past the 2,000 characters a cut page keeps;
// an old paragraph missing before one the newer page shows was deleted.
func markCut(ps []Para, newComplete bool) []Para {
	if newComplete {
		return ps
	}
	lastShown := 0
	for _, p := range ps {
		if p.Op != OpDelete && p.Old != nil {
			lastShown = max(lastShown, *p.Old)
		}
	}
	for i := range ps {
		if ps[i].Op == OpDelete && *ps[i].Old > lastShown {
			ps[i].Cut = true
		}
	}
	return pastTheEndLast(ps)
}

// pastTheEndLast puts the paragraphs past the end of the cut-off newer
// page after its partial last paragraph, where a reader of the pages
// would meet them, rather than before it when that paragraph moved.
func pastTheEndLast(ps []Para) []Para {
	at := slices.IndexFunc(ps, func(p Para) bool { return p.Cut && p.Op != OpDelete && p.Words[len(p.Words)-1].Op == OpDelete })
	if at < 0 {
		return ps
	}
	var before, past []Para
	for _, p := range ps[:at] {
		if p.Cut && p.Op == OpDelete {
			past = append(past, p)
		} else {
			before = append(before, p)
		}
	}
	return slices.Concat(before, ps[at:at+1], past, ps[at+1:])
}

func summarize(r *Result) Summary {
	s := Summary{Headline: r.Headline.Changed(), Byline: r.Byline.Changed(), Dateline: r.Dateline.Changed()}
	seenSplit := map[int]bool{}
	seenMerge := map[int]bool{}
	for _, p := range r.Paragraphs {
		switch {
		case p.Cut:
		case p.Split:
			if !seenSplit[*p.Old] {
				seenSplit[*p.Old] = true
				s.Changed++
			}
		case p.Merge:
			if !seenMerge[*p.New] {
				seenMerge[*p.New] = true
				s.Changed++
			}
		case p.Op == OpInsert:
			s.Added++
		case p.Op == OpDelete:
			s.Removed++
		case p.Op == OpChange:
			s.Changed++
		case p.Op == OpMove:
			s.Moved++
		}
	}
	return s
}

// FromName and ToName are the compared sides as the text renderers name
// them: "STORY@1 (r12)" for a stored version, the path for a file.
func (r *Result) FromName() string { return withRef(r.From, r.FromRef) }

// ToName is FromName for the newer side.
func (r *Result) ToName() string { return withRef(r.To, r.ToRef) }

// itemName is a revision's agency and item id, "" for neither.
func itemName(r *revision.Revision) string { return strings.TrimSpace(r.Agency + " " + r.ID) }

func withRef(name, ref string) string {
	if ref == "" {
		return name
	}
	return name + " (" + ref + ")"
}

// JSONResult is a Result as "lede diff --format json" prints it and the
// web API serves it: "story" is always present, "" when two files are
// compared.
type JSONResult struct {
	Story string `json:"story"`
	*Result
}

// JSON is the result in its JSON form.
func (r *Result) JSON() JSONResult { return JSONResult{Story: r.Story, Result: r} }

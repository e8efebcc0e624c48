// Package revision is lede's domain: one received version of a wire story
// (a Revision), its version marker, its editor's note, and the pure logic
// that parses and compares them. It imports only the standard library so
// every other package can talk in its types.
package revision

import (
	"slices"
	"strconv"
	"strings"
)

// Revision is one version of a story as an agency sent it, in a form that
// does not depend on the input format. Fields that a page does not show stay
// at their zero value; nothing is guessed.
type Revision struct {
	// Source names where the input came from: the path given on the
	// command line, or "-" for standard input.
	Source string `json:"source"`
	// Format names the parser that produced the revision ("yonhap-text").
	Format string `json:"format"`
	// Agency is who sent the item ("Yonhap", "AP", "Reuters", "dpa"),
	// "" when the input does not say.
	Agency string `json:"agency"`
	// ID is the item's own id as the input gives it: a DOCNO, guid,
	// doc-id, uri or Yonhap article id; "" when it has none.
	ID string `json:"id"`
	// Key is the agency's key for the story across its versions (a
	// guid, uri or du-key, AP's cycle and slug, a Yonhap article id
	// without its version digits), "" when the input gives none.
	// Grouping joins revisions of one key and keeps an agency's
	// different keys apart unless their texts are nearly the same.
	Key string `json:"key"`
	// Version is the agency's version number as sent (NewsML-G2 and
	// ninjs version, AP's Ld number), 0 when it gives none.
	Version int `json:"version"`
	// Slug is the agency's keyword or slugline without cycle prefix or
	// version ("Guatemala-Shipwreck", "USA-WEATHER"), "" when none.
	Slug string `json:"slug"`
	// Cycle is AP's news cycle ("AM", "PM", "BC") or "".
	Cycle string `json:"cycle"`
	// Status says whether the item may be used: usable, withheld
	// (embargoed) or canceled (killed, withdrawn).
	Status Status `json:"status"`
	// Signals say what the item does to its story: SignalUpdate,
	// SignalCorrection, SignalKill, SignalAdvisory.
	Signals []string `json:"signals"`
	// Refs are the ids of the items this one replaces or follows (AP's
	// reference numbers, a NewsML-G2 previous version, ninjs evolvedfrom).
	Refs []string `json:"refs"`
	// Part says which part of one version an item is, for versions sent
	// in parts (AP's takes and adds); nil for a whole item.
	Part *ItemPart `json:"part,omitempty"`
	// Partial reports a new top with a pick-up instruction (AP's plain
	// "Nth Ld"), not a whole text.
	Partial bool `json:"partial"`
	// Pickup is where a partial item continues with the version it
	// replaces ("picks up 4th graf pvs, `The ferry...'"), read from its
	// note; nil when the note gives no pick-up.
	Pickup *Pickup `json:"pickup,omitempty"`
	// Transmitted is when the agency sent or created the item, RFC 3339,
	// "" when the input does not say.
	Transmitted string `json:"transmitted"`
	// Date is the publication date as far as the page tells it. A page
	// without a full date keeps month and day from its dateline and an
	// unknown year.
	Date Date `json:"date"`
	// Time is the time of day "HH:MM" when the page shows one, else "".
	Time string `json:"time"`
	// Marker is the version marker of the headline, such as (2nd LD).
	Marker Marker `json:"marker"`
	// Tags are genre tags that are not versions, such as "News Focus".
	Tags []string `json:"tags"`
	// Headline is the headline without any marker or tag; "" when the
	// page shows none.
	Headline string `json:"headline"`
	// RawHeadline is the headline line exactly as written.
	RawHeadline string `json:"raw_headline"`
	// Note is the editor's note without its "(ATTN: ...)" wrapper.
	Note string `json:"note"`
	// Actions is Note parsed into claims that can be checked, and the
	// claims of an item's signals its note does not make (a NewsML-G2
	// update:append-major-content is ADDS; its Text is the qcode).
	Actions []Action `json:"actions"`
	// NoteClauses are the clauses of Note that claim nothing lede reads
	// as an action ("Also in Monday AMs report.", "Cathie in 8th graf is
	// cq"), as written: with the actions' Text they hold every word of
	// the note, so none is lost. Only notes read clause by clause (AP's
	// Eds:) fill it.
	NoteClauses []string `json:"note_clauses"`
	// Byline is the byline without "By", as written ("A and B").
	Byline string `json:"byline"`
	// Authors are the names in Byline.
	Authors []string `json:"authors"`
	// Dateline is the place, date and agency opening the first paragraph.
	Dateline Dateline `json:"dateline"`
	// Paragraphs is the story text, one entry per paragraph, numbered the
	// way agencies count them: Paragraphs[0] is para 1, the lead, and
	// still carries its dateline.
	Paragraphs []string `json:"paragraphs"`
	// Captions are photo captions found between paragraphs. They are
	// part of the story package but not paragraphs, so they do not shift
	// the agencies' paragraph numbers.
	Captions []string `json:"captions"`
	// Signoff holds the sign-off line, typically the writer's e-mail.
	Signoff string `json:"signoff"`
	// Complete reports whether the page reached its end mark, (END).
	// A page cut off before it is incomplete, and so is one whose last
	// character was cut in two (revision.CleanCut), wherever the cut
	// lands: its bytes say it did not arrive whole.
	Complete bool `json:"complete"`
	// Cut says, for an incomplete page, which part of it the page was
	// cut off inside: CutParagraph when its text stops inside the last
	// paragraph, which is then only the start of that paragraph (a diff
	// must not read the missing rest as deleted); CutSignoff, CutEndMark,
	// CutFurniture. It is "" for a complete page, and for one whose text
	// stops at a line break, between two whole parts.
	Cut Part `json:"cut"`
	// Furniture is page text that is not story text: web navigation,
	// the lists after (END), embedded video links. It is kept apart so
	// nothing is silently dropped.
	Furniture []string `json:"furniture"`
	// Warnings say what the parser read on the page but could not use,
	// such as an impossible date ("2022-02-30"), which is then treated
	// as unknown rather than guessed at.
	Warnings []string `json:"warnings,omitempty"`
}

// Status says whether an item may be used.
type Status string

// Statuses of Revision.Status.
const (
	StatusUsable   Status = "usable"
	StatusWithheld Status = "withheld"
	StatusCanceled Status = "canceled"
)

// Signals of Revision.Signals.
const (
	SignalUpdate     = "update"
	SignalCorrection = "correction"
	SignalKill       = "kill"
	SignalAdvisory   = "advisory"
)

// ItemPart places an item among the parts of one version: take 2 of 3,
// or an add (Of 0 when the agency does not say how many).
type ItemPart struct {
	Kind string `json:"kind"` // "take" or "add"
	N    int    `json:"n"`
	Of   int    `json:"of,omitempty"`
}

// Part names a part of a page, such as the one a cut-off page ends in.
type Part string

// Parts a cut-off page can end in.
const (
	CutParagraph Part = "paragraph"
	CutSignoff   Part = "signoff"
	CutEndMark   Part = "end-mark"
	CutFurniture Part = "furniture"
)

// PartialLast reports whether the last paragraph is only the start of the
// paragraph the agency sent, the page having been cut off inside it.
func (r *Revision) PartialLast() bool {
	return !r.Complete && r.Cut == CutParagraph && len(r.Paragraphs) > 0
}

// Marker is a headline's version marker. Label is written as on the page
// without parentheses ("", "URGENT", "LEAD", "2nd LD"); Seq orders versions
// (0 first version, 1 LEAD, N for Nth LD); Flags are qualifiers such as
// "CORRECTED" or "REPEATED" that do not change the version.
type Marker struct {
	Label string   `json:"label"`
	Seq   int      `json:"seq"`
	Flags []string `json:"flags"`
}

// IsUpdate reports whether the marker names a later version (LEAD or Nth LD).
func (m Marker) IsUpdate() bool { return m.Seq > 0 }

// Dateline is the "SEOUL, Dec. 30 (Yonhap) -- " that opens the lead.
type Dateline struct {
	// Place is as written, possibly several ("BEIJING/SEOUL").
	Place string `json:"place"`
	// Date is the local date as written ("Dec. 30"); "" when absent.
	Date string `json:"date"`
	// Month and Day are Date as numbers, 0 when absent.
	Month int `json:"month"`
	Day   int `json:"day"`
	// Agency is the credit inside the parentheses ("Yonhap").
	Agency string `json:"agency"`
	// Text is the exact prefix of paragraph 1 that forms the dateline,
	// including the trailing "-- ", so that the lead's own words can be
	// told apart from it.
	Text string `json:"text"`
}

// Action is one claim of an editor's note, such as "ADDS details in paras
// 13-16". Paragraph references are kept in three forms because notes use
// all three: explicit numbers, "from para N" onwards, and "last N paras".
type Action struct {
	// Verb is the upper-case verb (ADDS, UPDATES, RECASTS, CHANGES, ...).
	Verb string `json:"verb"`
	// Object is the object as written ("details in paras 13-16").
	Object string `json:"object"`
	// Target says which part of the story the action claims to touch.
	Target Target `json:"target"`
	// Paras lists explicit paragraph numbers, ranges expanded, 1-based.
	Paras []int `json:"paras"`
	// From is N for "from para N" (para N to the end); 0 when unused.
	From int `json:"from,omitempty"`
	// Last is N for "last N paras"; 0 when unused.
	Last int `json:"last,omitempty"`
	// After is N for "INSERTS graf after Nth graf": the new paragraphs
	// follow the old paragraph N; 0 when unused.
	After int `json:"after,omitempty"`
	// Anchor is the quoted opening words a note gives for the paragraph
	// it names ("`In other...'" gives "In other"), without the quotes or
	// the ellipsis; "" when the note quotes none.
	Anchor string `json:"anchor,omitempty"`
	// Text is the clause of the note the action was read from, as
	// written, so that no word of a note is lost.
	Text string `json:"text,omitempty"`
}

// Verbs of actions that are no word an editor writes as such: a pick-up
// ("picks up 4th graf pvs": From is the previous version's paragraph the
// text continues with, Anchor its opening words) and "no pickup" (the
// item is whole). Both are about the transmission's relation to the
// version before; the note check reads them against both versions.
const (
	VerbPickup   = "PICKS UP"
	VerbNoPickup = "NO PICKUP"
)

// Pickup is a partial item's instruction to continue with the previous
// version: its new top replaces the previous paragraphs before Para, and
// the previous text from paragraph Para on follows it. Anchor, when the
// note quotes one, is the opening words of that paragraph; where the
// number and the anchor disagree, the anchor wins.
type Pickup struct {
	// Para is the 1-based paragraph of the previous version the rest is
	// taken from; 0 with None.
	Para int `json:"para"`
	// Anchor is the quoted opening words, without quotes or ellipsis.
	Anchor string `json:"anchor,omitempty"`
	// None is "no pickup": the item is whole and replaces all of it.
	None bool `json:"none,omitempty"`
	// Found is set once the item is rebuilt into a whole version
	// (revision/assemble): the paragraph of the previous version the
	// rest was taken from. It is Para when the anchor agrees or is
	// absent, and the paragraph the anchor opens when they disagree, so
	// the note check can say the number was wrong.
	Found int `json:"found,omitempty"`
	// AnchorMissed says the anchor opens no paragraph of the previous
	// version, so the number was used unchecked.
	AnchorMissed bool `json:"anchor_missed,omitempty"`
}

// Target names the part of a story an action refers to.
type Target string

// Targets an action can name. TargetBody covers unspecified story text
// ("ADDS more info"); TargetThroughout says the whole body changed.
const (
	TargetBody       Target = "body"
	TargetThroughout Target = "throughout"
	TargetLead       Target = "lead"
	TargetParas      Target = "paras"
	TargetHeadline   Target = "headline"
	TargetByline     Target = "byline"
	TargetDateline   Target = "dateline"
	TargetPhoto      Target = "photo"
	TargetSlug       Target = "slug"
	// TargetItem is the transmission rather than its text: a
	// retransmission, a combination of earlier items, a split into
	// takes, a kill, "no pickup".
	TargetItem Target = "item"
)

// ParaList writes paragraph numbers the way editors' notes do, runs as
// ranges and in order: "2, 5, 13-16".
func ParaList(ps []int) string {
	ps = slices.Compact(slices.Sorted(slices.Values(ps)))
	var out []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j > i {
			out = append(out, strconv.Itoa(ps[i])+"-"+strconv.Itoa(ps[j]))
		} else {
			out = append(out, strconv.Itoa(ps[i]))
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}

// ParaSet resolves the action's paragraph references against a revision
// with n paragraphs and returns the 1-based numbers in ascending order,
// without duplicates and within 1..n.
func (a Action) ParaSet(n int) []int {
	if n < 0 {
		n = 0
	}
	seen := make([]bool, n+1)
	for _, p := range a.Paras {
		if p >= 1 && p <= n {
			seen[p] = true
		}
	}
	if a.From > 0 {
		for p := a.From; p <= n; p++ {
			seen[p] = true
		}
	}
	if a.Last > 0 {
		for p := max(n-a.Last+1, 1); p <= n; p++ {
			seen[p] = true
		}
	}
	out := []int{}
	for p := 1; p <= n; p++ {
		if seen[p] {
			out = append(out, p)
		}
	}
	return out
}

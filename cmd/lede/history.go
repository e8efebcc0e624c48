package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"lede/revision"
	"lede/store"
)

// historyCommand is "lede history": one story's versions in order, with
// what each editor's note says changed.
func (l *lede) historyCommand() *cli.Command {
	var asJSON, verbose bool
	return &cli.Command{
		Name:      "history",
		Aliases:   []string{"log"},
		Usage:     "show the versions of a story in order",
		ArgsUsage: "STORY | STORY@REV | REF",
		Description: `Show the timeline of a story: each version with its number (STORY@N names
it for show, diff and split) and its ref (r17: it names the version for
good, where @N moves when a late version lands before it), when it was sent
(date and time; "received ..." when the item says neither) and the gap
since the version before ("+42 min"), the figures it changed, marker, paragraph count and headline, and under it the editor's note saying what the version changed
and what it did change against the version before: paragraphs added (+),
changed (~), removed (-) and moved, the one-line fields changed, and the
note check (see lede diff for the details of one update).
Each version names its agency and item id when it has them. A page cut
off before (END) is marked, and so is a version that is not an ordinary
update: canceled (killed or withdrawn), withheld (embargoed), a
correction, a take or add ("2 parts joined": the parts of one version,
AP's "2 Takes" and "1st Add", are one version whose text is theirs in
order; "incomplete: 1st Add missing" while a part has not come), a
partial version (AP's plain "1st Ld", a new top that picks up the version
before it: "partial: rebuilt on r12", with which paragraphs came from
where once its summary is computed; "partial, previous version missing"
until that version is stored); a story
whose latest version is a kill says "killed" at the top, one whose latest
is a correction "corrected". An advisory (an item about another item,
such as an AP kill advisory) is never a version: it is an entry of its
own, whose history says "advisory about STORY" (and the items it names,
"advisory about a0799: ..."), and the story it names lists it after its
versions under "advisories"; a kill advisory sent after the story's
latest version makes the story killed. STORY is a story id or any prefix of
one that names a single story; STORY@N, STORY@REF or REF alone shows the
whole story with that version marked. With --verbose, each version also
shows its source and why lede grouped it into the story. Versions lede rm
took out are listed at the end ("removed @2 r81 on 2026-12-04 19:13 UTC
(LEAD)  HEADLINE  (SOURCE)"); for a story removed whole, history says so
and lists what it held.

Examples:
   lede history 200202-s-korea-reports
   lede log 200219 --verbose
   lede history r17
   lede history 200202-s-korea-reports --json | jq '.versions[] | {rev, ref, label: .label, note}'`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the story as a JSON object with its versions", Destination: &asJSON},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "show each version's source and grouping reason", Destination: &verbose},
		},
		OnUsageError: onUsageError("history"),
		Action: func(c *cli.Context) error {
			ref, err := oneRef("history", c.Args().Slice(), false)
			if err != nil {
				return err
			}
			return l.history(c.Context, ref, asJSON, verbose)
		},
	}
}

func (l *lede) history(ctx context.Context, ref storyRef, asJSON, verbose bool) error {
	var (
		s       store.Story
		mark    int // the version named, 0 for none
		missing []store.UpdatePair
	)
	var gone *store.RemovedError
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		if ref.hasVersion() {
			var v store.Version
			s, v, err = locate(db, ref)
			mark = v.Rev
		} else if s, err = db.Story(ref.story); errors.As(err, &gone) {
			return nil
		} else {
			err = refError(err)
		}
		if err != nil {
			return err
		}
		missing, err = missingSummaries(db, s)
		return err
	})
	if err != nil {
		return err
	}
	if gone != nil {
		return l.removedHistory(gone, asJSON)
	}
	l.warnProblems(s.Problems)
	fillSummaries(s, missing, l.stderr)
	if asJSON {
		return l.writeJSON(s.Detail())
	}
	scr := l.openScreen()
	out := bufio.NewWriter(scr)
	writeHistory(out, s, mark, verbose, l.style())
	return closeScreen(out, scr)
}

// writeHistory writes a story's timeline; mark (0: none) is the version
// the user named.
func writeHistory(w *bufio.Writer, s store.Story, mark int, verbose bool, st style) {
	count := st.dim("(" + plural(len(s.Versions), "version", "versions") + ")")
	if s.Status == store.StoryKilled || s.Status == store.StoryCorrected {
		status := st.warn(string(s.Status))
		if s.Status == store.StoryKilled {
			status = st.alarm(string(s.Status))
		}
		count = st.dim("("+plural(len(s.Versions), "version", "versions")+", ") + status + st.dim(")")
	}
	fmt.Fprintf(w, "%s  %s\n%s\n", st.bold(s.ID), count, headlineText(s.Headline, nil, st))
	writeAbout(w, s, st)
	fmt.Fprintln(w)
	revW, refW, whenW, gapW, markW := 0, 0, 0, 0, 0
	gaps := store.Gaps(s.Versions)
	for i, v := range s.Versions {
		revW = max(revW, len(strconv.Itoa(v.Rev))+1)
		refW = max(refW, len(v.Ref))
		whenW = max(whenW, len(sentText(v)))
		gapW = max(gapW, len(gaps[i]))
		markW = max(markW, len(orDash(versionLabel(v))))
	}
	for i, v := range s.Versions {
		pointer := "  "
		if v.Rev == mark {
			pointer = "> "
		}
		when := fmt.Sprintf("%-*s", whenW, sentText(v))
		if gapW > 0 {
			when += fmt.Sprintf("  %-*s", gapW, gaps[i])
		}
		head := fmt.Sprintf("%s%*s %-*s  %s  %-*s  %3d paras  ", pointer, revW, "@"+strconv.Itoa(v.Rev),
			refW, v.Ref, when, markW, orDash(versionLabel(v)), wholeParas(v))
		fmt.Fprintln(w, head+st.bold(headlineText(v.Headline, nil, st)))
		indent := strings.Repeat(" ", len(head))
		r := v.Record
		if who := strings.TrimSpace(r.Agency + " " + itemIDs(v)); who != "" {
			fmt.Fprintln(w, indent+st.dim(who))
		}
		if len(r.Tags) > 0 {
			fmt.Fprintln(w, indent+st.dim("("+strings.Join(r.Tags, ", ")+")"))
		}
		if r.Note != "" {
			fmt.Fprintln(w, indent+revision.NoteLabel(r.Agency)+" "+r.Note)
		}
		writeItemStatus(w, indent, v, st)
		if v.Summary != nil {
			fmt.Fprintln(w, indent+summaryStyled(*v.Summary, st))
			if len(v.Summary.Figures) > 0 {
				fmt.Fprintln(w, indent+"figures "+st.bold(revision.FiguresText(v.Summary.Figures)))
			}
		}
		if !r.Complete {
			fmt.Fprintln(w, indent+st.warn("cut off before (END)"))
		}
		if verbose {
			fmt.Fprintln(w, indent+st.dim("source  "+r.Source))
			if r.Why != "" {
				fmt.Fprintln(w, indent+st.dim("grouped "+r.Why))
			}
		}
	}
	writeAdvisories(w, s, st)
	writeTombstones(w, s.Removed, st)
}

// sentText is when a version went out as history shows it: the page's
// date and time, the agency's transmission time, or, when the item gives
// neither, when lede received it.
func sentText(v store.Version) string {
	sent := v.Sent()
	switch {
	case sent.Received:
		return "received " + sent.At.Format("2006-01-02 15:04") + " UTC"
	case v.Date.IsZero() && sent.Known:
		return sent.At.Format("2006-01-02 15:04 MST")
	}
	return whenText(v.Date, v.Record.Time)
}

// writeItemStatus says what a version does to its story when it is more
// than an update: an item that is
// not usable (canceled: killed or withdrawn; withheld: embargoed), the
// agency's signals (correction, kill), an advisory about the items it
// names, a take or add that is one part of a version.
func writeItemStatus(w *bufio.Writer, indent string, v store.Version, st style) {
	r := v.Record
	var says []string
	if v.Status != revision.StatusUsable {
		says = append(says, string(v.Status))
	}
	for _, sig := range r.Signals {
		if sig != revision.SignalUpdate && sig != revision.SignalAdvisory && !slices.Contains(says, sig) {
			says = append(says, sig)
		}
	}
	if len(says) > 0 {
		paint := st.warn
		if v.Status == revision.StatusCanceled || slices.Contains(r.Signals, revision.SignalKill) {
			paint = st.alarm
		}
		fmt.Fprintln(w, indent+paint(strings.Join(says, ", ")))
	}
	if slices.Contains(r.Signals, revision.SignalAdvisory) {
		fmt.Fprintln(w, indent+st.warn(advisoryText(r)))
	}
	writeAssembly(w, indent, v, st)
}

// advisoryText says that an advisory is an item about other items, not
// a version of the story: "advisory about a0799, not a version".
func advisoryText(r store.RevRecord) string {
	if len(r.Refs) == 0 {
		return "advisory: an item about other items, not a version of a story"
	}
	return "advisory about " + strings.Join(r.Refs, ", ") + ": an item about them, not a version"
}

// writeTombstones lists the versions lede rm took out of a story.
func writeTombstones(w *bufio.Writer, removed []store.Tombstone, st style) {
	if len(removed) > 0 {
		fmt.Fprintln(w)
	}
	for _, t := range removed {
		fmt.Fprintln(w, st.dim(fmt.Sprintf("  removed @%d %s on %s  %s", t.Rev, t.Ref, removedWhen(t), tombstoneText(t))))
	}
}

// removedHistory is the history of a story lede rm removed whole: what
// it held and when it went.
func (l *lede) removedHistory(gone *store.RemovedError, asJSON bool) error {
	if asJSON {
		return l.writeJSON(store.StoryDetail{ID: gone.ID, Versions: []store.VersionDetail{}, Removed: gone.Removed})
	}
	out := bufio.NewWriter(l.stdout)
	st := l.style()
	fmt.Fprintf(out, "%s  %s\n", st.bold(gone.ID), st.dim("(removed: no versions left)"))
	writeTombstones(out, gone.Removed, st)
	return flushed(out)
}

// nonNil makes a nil list encode as [] in JSON.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

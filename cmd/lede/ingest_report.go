package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"lede/intake"
	"lede/revision"
	"lede/store"
)

// ingestReport prints what ingest did: a line (or JSON object) per input
// as each batch is stored, the progress bar, and the summary.
type ingestReport struct {
	out   *bufio.Writer
	json  *json.Encoder // nil: readable lines
	st    style
	bar   *progress
	start time.Time
	total int // inputs listed
	done  int // inputs reported (files, standard input)
	items int // items reported, a line each
	tally map[store.Status]int
	// advisories and parts are counted apart from the statuses: an
	// advisory is stored as an entry of its own (status new-story) but
	// is no story, and a part joins a version stored before it (status
	// update) without being a version.
	advisories, parts int
	stderr            io.Writer
}

func (l *lede) newIngestReport(asJSON bool, total int) *ingestReport {
	r := &ingestReport{
		out:    bufio.NewWriter(l.stdout),
		st:     l.style(),
		bar:    l.newProgress("ingest", total),
		start:  time.Now(),
		total:  total,
		tally:  map[store.Status]int{},
		stderr: l.stderr,
	}
	if asJSON {
		r.json = json.NewEncoder(r.out)
		r.json.SetEscapeHTML(false)
	}
	return r
}

// ingestLine is the JSON object of one input: the contract's source,
// story, rev, status and error, and what the readable line shows.
type ingestLine struct {
	Source string       `json:"source"`
	Story  string       `json:"story"`
	Rev    int          `json:"rev"`
	Ref    string       `json:"ref,omitempty"`
	Status store.Status `json:"status"`
	// Late says that the version landed before versions stored earlier,
	// which moved up one place: "arrived after @3; versions renumbered".
	Late string `json:"late,omitempty"`
	// Part says that the item is a part of a version sent in parts
	// (AP's "1st Add") joined to the version Ref names: "joined".
	Part     string   `json:"part,omitempty"`
	Error    string   `json:"error,omitempty"`
	Marker   string   `json:"marker"`
	Headline string   `json:"headline"`
	Merged   []string `json:"merged,omitempty"`
	// About, for an advisory, is the story it names: an advisory is an
	// entry of its own, never a version of that story.
	About string `json:"about,omitempty"`
	// Summary is what an update changed against the version before it.
	Summary *revision.UpdateSummary `json:"summary,omitempty"`
}

// add reports the results of one batch, results[i] being of batch[i];
// sums are the update summaries computed for the batch, by arrival.
func (r *ingestReport) add(batch []intake.Input, results []store.Result, sums map[uint64]revision.UpdateSummary) error {
	r.bar.clear()
	for i, res := range results {
		r.count(res)
		var sum *revision.UpdateSummary
		if s, ok := sums[res.Arrival]; ok && res.Status == store.StatusUpdate {
			sum = &s
		}
		if r.json != nil {
			line := lineOf(res)
			line.Summary = sum
			if err := r.json.Encode(line); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
			continue
		}
		r.out.WriteString(r.text(res, batch[i].Rev, sum))
	}
	r.items += len(results)
	for _, in := range batch {
		if in.Last {
			r.done++
		}
	}
	// Flush per batch: the lines are the progress a pipe sees.
	if err := r.out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	r.bar.draw(r.done)
	return nil
}

func lineOf(res store.Result) ingestLine {
	line := ingestLine{Source: res.Source, Story: res.Story, Rev: res.Rev, Ref: res.Ref, Status: res.Status,
		Marker: res.Marker.Label, Headline: res.Headline, Merged: res.Merged, About: res.About}
	if res.Late > 0 {
		line.Late = revision.LateText(res.Late)
	}
	if res.Joined != "" {
		line.Part = "joined"
	}
	if res.Err != nil {
		line.Error = intake.Reason(res.Err)
	}
	return line
}

// text is the readable line of one result; rev is the input's parse and
// sum, if not nil, what it changed.
func (r *ingestReport) text(res store.Result, rev *revision.Revision, sum *revision.UpdateSummary) string {
	st := r.st
	ref := fmt.Sprintf("%s@%d %s", res.Story, res.Rev, res.Ref)
	switch res.Status {
	case store.StatusNewStory, store.StatusUpdate:
		var b strings.Builder
		fmt.Fprintf(&b, "%-9s  %s  ", res.Status, st.bold(ref))
		if m := res.Marker.Text(); m != "" {
			b.WriteString("(" + m + ")  ")
		}
		b.WriteString(headlineText(res.Headline, rev, st) + "  " + st.dim("("+res.Source+")"))
		if sum != nil {
			b.WriteString("  " + summaryText(*sum))
		}
		switch {
		case res.About != "":
			b.WriteString("  advisory about " + res.About)
		case res.Advisory:
			b.WriteString("  advisory about no story stored")
		}
		if len(res.Merged) > 0 {
			b.WriteString("  merged " + strings.Join(res.Merged, ", ") + " into it")
		}
		if res.Late > 0 {
			b.WriteString("  " + st.warn("late: "+revision.LateText(res.Late)))
		}
		if res.Joined != "" {
			b.WriteString("  " + st.dim("joined to "+res.Joined+" as a part"))
		}
		return b.String() + "\n"
	case store.StatusDuplicate:
		return st.dim(fmt.Sprintf("%-9s  %s  %s", res.Status, ref, res.Source)) + "\n"
	}
	return fmt.Sprintf("%s  %s\n", st.warn(fmt.Sprintf("%-9s", store.StatusError)), fileError(res.Source, res.Err))
}

// count tallies one result under its status, or as an advisory or a
// part joined.
func (r *ingestReport) count(res store.Result) {
	switch {
	case res.Status == store.StatusError || res.Status == store.StatusDuplicate:
		r.tally[res.Status]++
	case res.Advisory:
		r.advisories++
	case res.Joined != "":
		r.parts++
	default:
		r.tally[res.Status]++
	}
}

// finish clears the bar and prints the summary: on stdout after readable
// lines, on stderr after JSON lines so that stdout stays JSON.
func (r *ingestReport) finish() {
	r.bar.clear()
	elapsed := time.Since(r.start)
	t := r.tally
	counted, unit := plural(r.done, "input", "inputs"), "inputs"
	if r.items != r.done {
		// Some input held many items: say both, and the rate in items.
		counted, unit = counted+", "+plural(r.items, "item", "items"), "items"
	}
	stored := plural(t[store.StatusNewStory], "new story", "new stories") + ", " +
		plural(t[store.StatusUpdate], "update", "updates")
	if r.advisories > 0 {
		stored += ", " + plural(r.advisories, "advisory", "advisories")
	}
	if r.parts > 0 {
		stored += ", " + plural(r.parts, "part joined", "parts joined")
	}
	line := fmt.Sprintf("%s: %s, %s, %s in %s (%s %s/s)\n",
		counted, stored,
		plural(t[store.StatusDuplicate], "duplicate", "duplicates"),
		plural(t[store.StatusError], "error", "errors"),
		elapsedText(elapsed), rate(r.items, elapsed), unit)
	if r.json != nil {
		fmt.Fprint(r.stderr, line)
		return
	}
	r.out.WriteString(line)
	r.out.Flush()
}

// plural writes "1 update", "2 updates".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// headlineText is a headline to show, or for a page without one
// "(no headline)" and, when its parse is at hand, how its lead begins.
func headlineText(h string, r *revision.Revision, st style) string {
	if h != "" {
		return h
	}
	if r == nil || len(r.Paragraphs) == 0 {
		return noHeadline("", st)
	}
	return noHeadline(strings.TrimPrefix(r.Paragraphs[0], r.Dateline.Text), st)
}

// noHeadline says a page has no headline and, when known, how its lead
// begins.
func noHeadline(lead string, st style) string {
	h := st.dim("(no headline)")
	if lead = strings.TrimSpace(lead); lead == "" {
		return h
	}
	if r := []rune(lead); len(r) > 60 {
		lead = string(r[:60]) + "..."
	}
	return h + " " + lead
}

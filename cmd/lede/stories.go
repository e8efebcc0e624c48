package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"lede/revision"
	"lede/store"
)

// storiesCommand is "lede stories": what is in the database, newest
// first, to find the story to look at.
func (l *lede) storiesCommand() *cli.Command {
	var (
		asJSON, ignoreCase  bool
		since, grep, agency string
		search              string
		limit               int
	)
	return &cli.Command{
		Name:    "stories",
		Aliases: []string{"ls"},
		Usage:   "list stories, most recently updated first",
		Description: `List the stories in the database, the most recently updated first: story
id, number of versions, the latest version's marker ("-" for a first
version), when it was last updated (date, and time of day when the page
shows one) and its headline. When the database holds the copy of more
than one agency, an AGENCY column names each story's; a story whose
latest version is a kill or withdrawal is marked "[killed]". An advisory
(an item about another item, such as an AP kill advisory) is an entry of
its own, never a version, marked "[advisory about STORY]" with the story
it names. The JSON gives every story's status (killed, corrected or
usable), each version's item id, agency and status, "advisories" (ref,
id, entry, headline, first_line, kill...) for the advisories about a
story, and "about" for an advisory's own entry.

--search WORDS finds the stories whose headline or text (of any version)
holds every word, each at the start of a word, in any case and order,
with the spellings of one actor alike: "N. Korea", "N.K.", "North Korea"
and "Pyongyang" find one another, so do "S. Korea" and "Seoul", "U.S."
and "United States"; "korea" finds both Koreas. It is the web view's
?q= search, looked up in a word index. --grep REGEX matches headlines
only, as written.

A story id, or any prefix of it that names one story only, is what
history, show, merge and split take.

Examples:
   lede stories
   lede ls --since 2020-02-01 --grep 'coronavirus|virus'
   lede stories --search 'N. Korea' --limit 5
   lede ls -i --grep 'n\.?k\.|north korea' --limit 5
   lede stories --agency yonhap --since 2023-01-01
   lede stories --json | jq -r '.[] | select(.versions | length > 2) | .id'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "since", Usage: "only stories updated on or after `YYYY-MM-DD`", Destination: &since},
			&cli.StringFlag{Name: "grep", Usage: "only stories with a headline (of any version) matching `REGEX` (Go syntax)", Destination: &grep},
			&cli.StringFlag{Name: "search", Aliases: []string{"s"}, Usage: "only stories whose headline or text holds every one of `WORDS` (N. Korea, N.K. and North Korea alike)", Destination: &search},
			&cli.BoolFlag{Name: "ignore-case", Aliases: []string{"i"}, Usage: "match --grep regardless of case", Destination: &ignoreCase},
			&cli.StringFlag{Name: "agency", Usage: "only stories with a version sent by `NAME` (AP, Reuters, Yonhap...; case ignored)", Destination: &agency},
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Usage: "list at most `N` stories (0: all; default on a terminal: what fits on it, at least 20; elsewhere all)", Destination: &limit},
			&cli.BoolFlag{Name: "json", Usage: "print a JSON array of stories with their versions", Destination: &asJSON},
		},
		OnUsageError: onUsageError("stories"),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("stories", "unexpected argument %q (filter with --grep)", c.Args().First())
			}
			opt, err := listOptions(since, grep, ignoreCase, limit)
			if err != nil {
				return err
			}
			opt.Agency = strings.TrimSpace(agency)
			if c.IsSet("search") {
				if len(revision.SearchQuery(search)) == 0 {
					return usagef("stories", "--search %q: no words to look for", search)
				}
				store.TextSearch(search, reparse, &opt)
			}
			cap := 0
			if !c.IsSet("limit") && !asJSON {
				cap = l.storiesOnScreen()
			}
			return l.stories(c.Context, opt, asJSON, cap)
		},
	}
}

// listOptions checks the filter flags of stories.
func listOptions(since, grep string, ignoreCase bool, limit int) (store.ListOptions, error) {
	var opt store.ListOptions
	if since != "" {
		t, err := time.Parse(time.DateOnly, since)
		if err != nil {
			return opt, usagef("stories", "--since %q: want a date such as 2020-02-01", since)
		}
		opt.Since = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	if grep != "" {
		if ignoreCase {
			grep = "(?i)" + grep
		}
		re, err := regexp.Compile(grep)
		if err != nil {
			return opt, usagef("stories", "--grep: %v", err)
		}
		opt.Grep = re
	} else if ignoreCase {
		return opt, usagef("stories", "--ignore-case needs --grep")
	}
	if limit < 0 {
		return opt, usagef("stories", "--limit must not be negative")
	}
	opt.Limit = limit
	return opt, nil
}

// storiesOnScreen is how many stories stories lists on a terminal
// unless --limit says: a screenful, at least 20; 0 (all) in a pipe.
func (l *lede) storiesOnScreen() int {
	if tty, _ := l.terminal(l.stdout); !tty {
		return 0
	}
	return max(20, l.rows()-3)
}

// stories lists the stories; cap, when not 0, is the default limit of a
// terminal, past which a last line says how to see the rest.
func (l *lede) stories(ctx context.Context, opt store.ListOptions, asJSON bool, cap int) error {
	if cap > 0 {
		opt.Limit = cap + 1
	}
	var list []store.Story
	var problems []store.Problem
	var agencies []string
	opt.Warn = func(p store.Problem) { problems = append(problems, p) }
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		if asJSON {
			// Written story by story as the listing records are read:
			// memory stays flat however many stories there are.
			return writeJSONArray(l.stdout, func(item func([]byte) error) error {
				return db.EachStoryJSON(opt, item)
			})
		}
		err = db.EachStory(opt, func(s store.Story) error {
			list = append(list, s)
			return nil
		})
		if err != nil {
			return err
		}
		agencies, err = db.Agencies()
		return err
	})
	l.warnProblems(problems)
	if err != nil || asJSON {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(l.stderr, "lede: no stories")
		return nil
	}
	more := cap > 0 && len(list) > cap
	if more {
		list = list[:cap]
	}
	return l.writeStoryTable(list, len(agencies) > 1, more)
}

// writeJSONArray writes the JSON array of the items each gives (each
// compact JSON) to w as it goes, byte for byte as json.MarshalIndent of
// the whole array with two spaces would, then a newline.
func writeJSONArray(w io.Writer, each func(item func([]byte) error) error) error {
	out := bufio.NewWriterSize(w, 64<<10)
	out.WriteByte('[')
	n := 0
	var buf bytes.Buffer
	err := each(func(js []byte) error {
		buf.Reset()
		if err := json.Indent(&buf, js, "  ", "  "); err != nil {
			return fmt.Errorf("encoding JSON: %w", err)
		}
		if n > 0 {
			out.WriteByte(',')
		}
		n++
		out.WriteString("\n  ")
		_, err := out.Write(buf.Bytes())
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		out.WriteByte('\n')
	}
	out.WriteString("]\n")
	return flushed(out)
}

// writeStoryTable writes one row per story under a header, in columns;
// with byAgency, a column names each story's agency.
// more says the list stops at the terminal's default limit. On a
// terminal, headlines are cut to fit its width.
func (l *lede) writeStoryTable(list []store.Story, byAgency, more bool) error {
	st := l.style()
	rows := [][]string{{"STORY", "VERSIONS", "LATEST", "UPDATED", "HEADLINE"}}
	if byAgency {
		rows[0] = slices.Insert(rows[0], 1, "AGENCY")
	}
	leads := []string{""}
	kills := []bool{false} // the story's latest word is a kill
	for _, s := range list {
		leads = append(leads, s.Lead())
		latest := s.Latest()
		headline := s.Headline
		killed := false
		switch {
		case s.IsAdvisory():
			headline = advisoryHeadline(s)
		case s.Status == store.StoryKilled:
			killed = true
		}
		row := []string{s.ID, strconv.Itoa(len(s.Versions)), orDash(versionLabel(latest)),
			whenText(latest.Date, latest.Record.Time), headline}
		kills = append(kills, killed)
		if byAgency {
			row = slices.Insert(row, 1, orDash(storyAgencies(s)))
		}
		rows = append(rows, row)
	}
	numeric := 1
	if byAgency {
		numeric = 2
	}
	widths := make([]int, len(rows[0])-1)
	for _, row := range rows {
		for i := range widths {
			widths[i] = max(widths[i], len(row[i]))
		}
	}
	scr := l.openScreen()
	out := bufio.NewWriter(scr)
	for n, row := range rows {
		var b strings.Builder
		for i, w := range widths {
			cell := fmt.Sprintf("%-*s  ", w, row[i])
			if i == numeric {
				cell = fmt.Sprintf("%*s  ", w, row[i])
			}
			b.WriteString(cell)
		}
		room := 0 // columns left for the headline, 0: no limit
		if st.width > 0 {
			room = st.width - b.Len()
		}
		if room > 0 && room < minHeadline {
			// Too narrow a terminal for the headline beside the
			// columns: it goes on a line of its own under them.
			cells := strings.TrimRight(b.String(), " ")
			b.Reset()
			b.WriteString(cells + "\n    ")
			room = st.width - 4
		}
		headline := row[len(row)-1]
		if kills[n] {
			room -= len("[killed] ")
		}
		line := b.String() + cut(headline, room)
		if kills[n] {
			line = b.String() + strings.TrimSpace(st.alarm("[killed]")+" "+cut(headline, room))
		}
		switch {
		case n == 0:
			line = st.dim(line)
		case row[len(row)-1] == "" && room > 0:
			line += st.dim("(no headline)") + " " + cut(strings.TrimSpace(leads[n]), room-len("(no headline) "))
		case row[len(row)-1] == "":
			line += noHeadline(leads[n], st)
		}
		fmt.Fprintln(out, line)
	}
	if more {
		fmt.Fprintln(out, st.dim(fmt.Sprintf("… more stories: --limit N lists N, --limit 0 all")))
	}
	return closeScreen(out, scr)
}

// minHeadline is the fewest columns a headline gets beside the columns
// of stories before it moves to a line of its own.
const minHeadline = 30

// versionLabel is how lists name a version: its marker as written, or,
// for an item that has none but carries the agency's version number (a
// NewsML-G2 or ninjs version), "v" and the number.
func versionLabel(v store.Version) string {
	if l := v.Marker.Text(); l != "" || v.Version == 0 {
		return l
	}
	return "v" + strconv.Itoa(v.Version)
}

// storyAgencies names the agencies of a story's versions, in the order
// they appear: "AP", or "AP/Reuters" for a story content grouping built
// from two agencies' copy; "" when no version names one.
func storyAgencies(s store.Story) string {
	var names []string
	for _, v := range s.Versions {
		if v.Agency != "" && !slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, v.Agency) }) {
			names = append(names, v.Agency)
		}
	}
	return strings.Join(names, "/")
}

// whenText writes a date with its time of day when known:
// "2020-02-02 14:05"; "--02-02" when the year is unknown.
func whenText(d revision.Date, clock string) string {
	s := d.String()
	if s == "" {
		s = "date unknown"
	}
	if clock != "" {
		s += " " + clock
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

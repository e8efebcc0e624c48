package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"lede/revision"
	"lede/store"
)

// mergeCommand is "lede merge": the fix when grouping kept one story
// apart as two.
func (l *lede) mergeCommand() *cli.Command {
	var asJSON, force bool
	return &cli.Command{
		Name:      "merge",
		Usage:     "make one story of two",
		ArgsUsage: "STORY OTHER",
		Description: `Move every version of OTHER into STORY, in story order, when lede kept
apart two stories that are one. OTHER's id keeps working and names STORY
from then on. Prints the story's id and how many versions it now has.
Two stories whose nearest versions are more than three days apart, or
whose headlines share no telling word, are likely two: merge says why
and asks for --force.

Examples:
   lede merge 200206-schools-suspend 200206-hundreds-schools
   lede merge 230531-north-korea-said 230531-north-korea-fired --json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print {"story", "merged", "versions"}`, Destination: &asJSON},
			&cli.BoolFlag{Name: "force", Usage: "merge stories that look like two (days apart, other headlines)", Destination: &force},
		},
		OnUsageError: onUsageError("merge"),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if len(args) != 2 {
				return usagef("merge", "want two stories, STORY and OTHER, got %d", len(args))
			}
			for _, a := range args {
				if strings.Contains(a, "@") {
					return usagef("merge", "%q: merge takes whole stories, not versions (to move versions, use split)", a)
				}
			}
			return l.merge(c.Context, args[0], args[1], asJSON, force)
		},
	}
}

// mergeResult is merge --json.
type mergeResult struct {
	Story    string `json:"story"`
	Merged   string `json:"merged"`
	Versions int    `json:"versions"`
}

func (l *lede) merge(ctx context.Context, into, from string, asJSON, force bool) error {
	var res mergeResult
	err := l.withWrite(ctx, "merge", func(db *store.DB) error {
		// Resolve OTHER first: after the merge its id names STORY.
		other, err := db.Story(from)
		if err != nil {
			return refError(err)
		}
		story, err := db.Story(into)
		if err != nil {
			return refError(err)
		}
		if doubt := revision.MergeDoubt(outline(story), outline(other)); doubt != "" && !force && story.ID != other.ID {
			return &cliError{code: 1, msg: fmt.Sprintf("%s and %s look like two stories: %s", story.ID, other.ID, doubt),
				hint: "merge them anyway with --force"}
		}
		id, err := db.Merge(into, from)
		if err != nil {
			return refError(err)
		}
		s, err := db.Story(id)
		res = mergeResult{Story: id, Merged: other.ID, Versions: len(s.Versions)}
		return err
	})
	if err != nil {
		return err
	}
	if asJSON {
		return l.writeJSON(res)
	}
	_, err = fmt.Fprintf(l.stdout, "%s  merged %s into it: %s\n", res.Story, res.Merged, plural(res.Versions, "version", "versions"))
	return err
}

// outline is what merge checks of a story: its versions' dates and
// headlines (the lead's opening words where a page has none).
func outline(s store.Story) revision.StoryOutline {
	var o revision.StoryOutline
	for _, v := range s.Versions {
		o.Dates = append(o.Dates, v.Date)
		h := v.Headline
		if h == "" {
			h = v.Record.Lead
		}
		o.Headlines = append(o.Headlines, h)
	}
	return o
}

// splitCommand is "lede split": the fix when grouping joined two stories.
func (l *lede) splitCommand() *cli.Command {
	var asJSON bool
	return &cli.Command{
		Name:      "split",
		Usage:     "move versions of a story into a new story",
		ArgsUsage: "STORY@REV | REF",
		Description: `Move version REV of STORY and every later one into a new story, when lede
joined two stories that are not one (REV is 2 or more: version 1 stays).
REV is the version's place in story order or its ref (STORY@r17, or r17
alone), which lede history lists.
lede remembers the fix: the two stories are never merged again by
grouping, and later versions join whichever they match. Prints the new
story's id.

Examples:
   lede split 220309-exit-polls-project-lee@3
   lede split 200219@2 --json
   lede split r17`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print {"story", "from", "versions"}`, Destination: &asJSON},
		},
		OnUsageError: onUsageError("split"),
		Action: func(c *cli.Context) error {
			ref, err := oneRef("split", c.Args().Slice(), true)
			if err != nil {
				return err
			}
			return l.split(c.Context, ref, asJSON)
		},
	}
}

// splitResult is split --json: the new story, the story it came from and
// how many versions each now has.
type splitResult struct {
	Story        string `json:"story"`
	Versions     int    `json:"versions"`
	From         string `json:"from"`
	FromVersions int    `json:"from_versions"`
}

func (l *lede) split(ctx context.Context, ref storyRef, asJSON bool) error {
	var res splitResult
	err := l.withWrite(ctx, "split", func(db *store.DB) error {
		// Resolve the prefix first: the new story may share it.
		from, v, err := locate(db, ref)
		if err != nil {
			return err
		}
		id, err := db.Split(from.ID, v.Rev)
		if err != nil {
			return refError(err)
		}
		if from, err = db.Story(from.ID); err != nil {
			return err
		}
		s, err := db.Story(id)
		res = splitResult{Story: id, Versions: len(s.Versions), From: from.ID, FromVersions: len(from.Versions)}
		return err
	})
	if err != nil {
		return err
	}
	if asJSON {
		return l.writeJSON(res)
	}
	_, err = fmt.Fprintf(l.stdout, "%s  split from %s: %s (%s keeps %s)\n", res.Story, res.From,
		plural(res.Versions, "version", "versions"), res.From, plural(res.FromVersions, "version", "versions"))
	return err
}

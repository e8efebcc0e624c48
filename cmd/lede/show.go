package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"lede/revision/wire"
	"lede/store"
)

// showCommand is "lede show": one version exactly as it was received,
// or parsed again.
func (l *lede) showCommand() *cli.Command {
	var asJSON bool
	return &cli.Command{
		Name:      "show",
		Usage:     "print one version of a story as received",
		ArgsUsage: "STORY[@REV] | REF",
		Description: `Print version REV of a story (default: the latest) exactly as it was
received, byte for byte. REV is the version's place in story order (@2) or
its ref (@r17); a ref alone (r17) names the version too. A ref never
changes, while @N moves when a late version lands before it. With --json,
parse it again and print the revision as lede parse --json does, with the
story id, version number and ref added. An advisory (an item about another
story, such as an AP kill advisory) is an entry of its own: show names the
story it is about on stderr, and in the JSON as "about".

Examples:
   lede show 200202-s-korea-reports@1
   lede show r17
   lede show 200202-s-korea-reports > latest.txt
   lede show 2002@2 --json | jq '.paragraphs | length'`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the parsed revision as a JSON object", Destination: &asJSON},
		},
		OnUsageError: onUsageError("show"),
		Action: func(c *cli.Context) error {
			ref, err := oneRef("show", c.Args().Slice(), false)
			if err != nil {
				return err
			}
			return l.show(c.Context, ref, asJSON)
		},
	}
}

func (l *lede) show(ctx context.Context, ref storyRef, asJSON bool) error {
	var (
		s   store.Story
		v   store.Version
		raw []byte
	)
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		s, v, raw, err = db.RevisionAt(ref.story, ref.pick())
		return refError(err)
	})
	if err != nil {
		return err
	}
	if s.About != nil {
		// stdout stays the item byte for byte: the link goes to stderr.
		fmt.Fprintf(l.stderr, "lede: %s is an advisory about %s (%s), not a version of it\n",
			v.Ref, s.About.Story, s.About.Headline)
	}
	if !asJSON {
		if _, err := l.dataOut().Write(raw); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return nil
	}
	r, err := wire.Reparse(fmt.Sprintf("%s@%d", s.ID, v.Rev), v.Source, raw)
	if err != nil {
		return err
	}
	return l.writeJSON(store.StoredRevision{Story: s.ID, Rev: v.Rev, Ref: v.Ref, About: s.About, Revision: r})
}

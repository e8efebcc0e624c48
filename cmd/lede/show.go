package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"lede/revision/wire"
	"lede/store"
)

// showCommand is "lede show": one version exactly as it was received,
// or parsed again.
func (l *lede) showCommand() *cli.Command {
	var asJSON, asReceived bool
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

A version that is not one whole item is shown whole: the parts of a
version sent in parts (AP's "2 Takes", "1st Add"...) joined in order, a
partial item (AP's plain "1st Ld": a new top that picks up the version
before it from its Nth paragraph) rebuilt on the version it picks up
from. Its text view says what it is made of; its JSON says "partial",
"parts", "missing_parts", "base" and "sources" (which paragraphs came
from where). --as-received prints its items as they came instead, byte
for byte (a part's own ref: that part only).

Examples:
   lede show 200202-s-korea-reports@1
   lede show r17
   lede show 200202-s-korea-reports > latest.txt
   lede show 200219@2 --json | jq '.paragraphs | length'
   lede show r17 --as-received`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the parsed revision as a JSON object", Destination: &asJSON},
			&cli.BoolFlag{Name: "as-received", Usage: "print the items of a joined or rebuilt version as they came", Destination: &asReceived},
		},
		OnUsageError: onUsageError("show"),
		Action: func(c *cli.Context) error {
			ref, err := oneRef("show", c.Args().Slice(), false)
			if err != nil {
				return err
			}
			return l.show(c.Context, ref, asJSON, asReceived)
		},
	}
}

func (l *lede) show(ctx context.Context, ref storyRef, asJSON, asReceived bool) error {
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
	if v.Whole == nil && !asJSON {
		return l.writeRaw(raw)
	}
	if asReceived && !asJSON {
		return l.writeRaw(receivedBytes(v.Whole, ref))
	}
	name := fmt.Sprintf("%s@%d", s.ID, v.Rev)
	w, err := wire.ReparseVersion(name, v.Source, raw, v.Whole)
	if err != nil {
		return err
	}
	if asJSON {
		return l.writeJSON(storedJSON(s, v, w, asReceived))
	}
	out := bufio.NewWriter(l.dataOut())
	writeWhole(out, name, v, w, l.style())
	return flushed(out)
}

// writeRaw prints bytes as received.
func (l *lede) writeRaw(raw []byte) error {
	// On a terminal, the page is fitted to its width and paged; into a
	// file or a pipe it stays byte for byte.
	out := l.dataOut()
	scr := l.openScreen()
	if scr.tty {
		out = scr
	}
	if _, err := out.Write(raw); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return scr.close()
}

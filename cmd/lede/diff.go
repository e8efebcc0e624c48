package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/urfave/cli/v2"

	"lede/diff"
	"lede/revision"
	"lede/store"
)

// diffOptions are the flags of lede diff.
type diffOptions struct {
	format  string
	context int
	stat    bool
	all     bool
	// sinceMark compares the story's last marked version with its
	// latest (lede mark).
	sinceMark bool
	// maxSize is the largest file diff reads, as parse's and ingest's
	// --max-size; stored versions were checked when they were stored.
	maxSize int64
}

// The --format values.
const (
	formatText     = "text"
	formatJSON     = "json"
	formatMarkdown = "markdown"
	formatHTML     = "html"
)

// diffCommand is "lede diff": what an update added, changed, removed or
// moved, and whether its editor's note says so.
func (l *lede) diffCommand() *cli.Command {
	opt := diffOptions{format: formatText, context: 2}
	var asJSON bool
	maxSize := byteSize(revision.DefaultMaxInput)
	return &cli.Command{
		Name:      "diff",
		Usage:     "show what an update changed, checked against its editor's note",
		ArgsUsage: "STORY[@REV] | REF | STORY@A STORY@B | REF REF | --all STORY | OLD_FILE NEW_FILE",
		Description: `Compare two versions of a story paragraph by paragraph, then word by word
inside each changed paragraph, and check each action of the newer version's
editor's note (Yonhap's ATTN: ADDS details in paras 13-16, RECASTS lead, ...;
AP's Eds: LEADS with 2 grafs ... picks up 3rd graf pvs, in AP's numbering)
against what changed: confirmed, not seen, or unverifiable (photos); changes
no action announced are listed too. The figures the update changed (a death
toll 18 → 21, a time 3 a.m. → 9 p.m., a score 13-10 → 13-6) come first, on
a line of their own ("figures" in JSON).

   lede diff STORY              the latest version against the one before it
   lede diff STORY@N            version N against version N-1
   lede diff REF                that version against the one before it
   lede diff STORY@A STORY@B    any two versions (of one story or of two)
   lede diff REF REF            the same, by the versions' refs
   lede diff --all STORY        every update against the one before, in order
   lede diff STORY --since-mark the last version marked (lede mark) against the latest
   lede diff OLD_FILE NEW_FILE  two files ("-" is standard input); no database

A stored version is compared whole: its parts joined, a partial item (AP's
plain "1st Ld", a new top that picks up the version before it) rebuilt. A
partial NEW_FILE is rebuilt on OLD_FILE, the version it picks up from.

An argument that is "-", contains a "/" or names an existing file is a
file; anything else is a story (an id or a prefix naming one story). A
version is @N, its place in story order, or a ref: r17, or STORY@r17. A
ref names its version for good; @N moves when a late version (a LEAD
stored after its 2nd LD) lands before it. lede history lists the refs; the
output names each side by both, "STORY@2 (r17)".

Paragraphs are numbered as the agencies count them (para 1 is the lead):
"+ 12" added as para 12, "- (7)" old para 7 deleted, "~ 3" changed, "> 5"
moved, "? (8)" past the end of a cut-off newer page, "? 10" the paragraph a
page was cut off inside, compared as far as it goes and not counted. In
text form, changes are coloured on a terminal; elsewhere (or with
--color never, or $NO_COLOR set) they carry git's word-diff markers
[-old-] and {+new+}. --context and --stat apply to text and markdown;
html shows the whole story, json always lists every paragraph (none with
--stat).

Files are read up to --max-size (8MiB unless told): a page of 100,000
paragraphs, some 20 MB, needs --max-size 32MiB.

Exit status: 0 compared, 1 a story, version or file not found or not
readable, 2 usage error.

Examples:
   lede diff 220309-exit-polls
   lede diff 220309-exit-polls@1 220309-exit-polls@3 --context -1
   lede diff r80 r82
   lede diff --all 220309-exit-polls --stat
   lede diff old.txt new.txt --format html > diff.html
   lede diff 220309-exit-polls --json | jq '.note_check[] | select(.verdict == "not-seen")'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: opt.format,
				Usage: "output `FORMAT`: text, json, markdown or html", Destination: &opt.format},
			&cli.BoolFlag{Name: "json", Usage: "same as --format json", Destination: &asJSON},
			&cli.IntFlag{Name: "context", Aliases: []string{"U"}, Value: opt.context,
				Usage: "show `N` unchanged paragraphs around each change (-1: all)", Destination: &opt.context},
			&cli.BoolFlag{Name: "stat", Usage: "print the summary and the note check only", Destination: &opt.stat},
			&cli.BoolFlag{Name: "all", Aliases: []string{"a"}, Usage: "show every update of the story against the one before", Destination: &opt.all},
			&cli.BoolFlag{Name: "since-mark", Usage: "compare the story's last marked version (lede mark) with its latest", Destination: &opt.sinceMark},
			&cli.GenericFlag{Name: "max-size", Value: &maxSize,
				Usage: "refuse files larger than `BYTES` (100, 512KiB, 8MiB, 8M; K/M/G are 1024-based)"},
		},
		OnUsageError: onUsageError("diff"),
		Action: func(c *cli.Context) error {
			tuneOneShotGC()
			opt.maxSize = int64(maxSize)
			if asJSON {
				if c.IsSet("format") && opt.format != formatJSON {
					return usagef("diff", "--json contradicts --format %s", opt.format)
				}
				opt.format = formatJSON
			}
			if err := opt.check(); err != nil {
				return err
			}
			return l.diff(c.Context, c.Args().Slice(), opt)
		},
	}
}

// check rejects flag values and combinations diff cannot honour.
func (o diffOptions) check() error {
	switch o.format {
	case formatText, formatJSON, formatMarkdown, formatHTML:
	default:
		return usagef("diff", "--format %q: want text, json, markdown or html", o.format)
	}
	if o.context < -1 {
		return usagef("diff", "--context must be -1 (all) or more")
	}
	return nil
}

// comparison is one diff to print, with what a header for it in
// diff --all needs to know about the newer version.
type comparison struct {
	result *diff.Result
	to     store.Version // zero in file mode
}

func (l *lede) diff(ctx context.Context, args []string, opt diffOptions) error {
	var (
		cs  []comparison
		err error
	)
	switch {
	case opt.sinceMark:
		c, err := l.diffSinceMark(ctx, args, opt)
		if err != nil || c.result == nil {
			return err
		}
		cs = []comparison{c}
	case opt.all:
		if len(args) != 1 {
			return usagef("diff", "--all takes one story, got %d arguments", len(args))
		}
		ref, err := parseRef("diff", args[0], false)
		if err != nil {
			return err
		}
		if ref.story == "" {
			return usagef("diff", "--all shows every version: give a story, not the version %s", ref)
		}
		if ref.hasVersion() {
			return usagef("diff", "--all shows every version: give the story without @%s", ref.pick())
		}
		cs, err = l.diffAll(ctx, ref)
		if err != nil {
			return err
		}
	case len(args) == 1:
		if isFileArg(args[0]) {
			return usagef("diff", "one file given: compare two with 'lede diff OLD_FILE NEW_FILE'")
		}
		ref, err := parseRef("diff", args[0], false)
		if err != nil {
			return err
		}
		c, err := l.diffUpdate(ctx, ref)
		if err != nil {
			return err
		}
		cs = []comparison{c}
	case len(args) == 2:
		c, err := l.diffTwo(ctx, args[0], args[1], opt.maxSize)
		if err != nil {
			return err
		}
		cs = []comparison{c}
	default:
		return usagef("diff", "want STORY, two versions or two files, got %d arguments", len(args))
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	return l.writeDiffs(cs, opt)
}

// compare diffs two loaded revisions under the names they go by.
func compare(old, new loaded) comparison {
	r := diff.Compare(old.rev, new.rev, diff.Options{})
	r.From, r.To = old.name, new.name
	r.FromRef, r.ToRef = old.ref, new.ref
	r.Story = new.story
	return comparison{result: r, to: new.version}
}

// diffUpdate compares the version ref names (default: the latest) with
// the one before it.
func (l *lede) diffUpdate(ctx context.Context, ref storyRef) (comparison, error) {
	var old, new loaded
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		if new, err = loadStored(db, ref); err != nil {
			return err
		}
		if new.version.Rev == 1 {
			return firstVersionError(new)
		}
		old, err = loadStored(db, storyRef{story: new.story, rev: new.version.Rev - 1})
		return err
	})
	if err != nil {
		return comparison{}, err
	}
	return compare(old, new), nil
}

// firstVersionError says that a version has nothing before it.
func firstVersionError(v loaded) error {
	if v.versions == 1 {
		return &cliError{code: 1, msg: fmt.Sprintf("story %s has one version: nothing to compare it with", v.story),
			hint: "compare it with a file: lede diff FILE " + v.name}
	}
	return &cliError{code: 1, msg: fmt.Sprintf("%s is the story's first version: nothing before it", v.name),
		hint: fmt.Sprintf("see 'lede diff %s@2', or the whole story with 'lede diff --all %s'", v.story, v.story)}
}

// diffTwo compares two arguments, each a file or a stored version. The
// database is opened only when one of them is stored.
func (l *lede) diffTwo(ctx context.Context, oldArg, newArg string, maxSize int64) (comparison, error) {
	if oldArg == "-" && newArg == "-" {
		return comparison{}, usagef("diff", "standard input (-) given twice")
	}
	sides := [2]loaded{}
	var refs [2]*storyRef
	// Two files are read and parsed at once: parsing a large page is a
	// tenth of diffing it, on one core of several. The first argument
	// that fails, in order, is the error, as when they were read in turn.
	var errs [2]error
	var wg sync.WaitGroup
	for i, arg := range []string{oldArg, newArg} {
		if isFileArg(arg) {
			wg.Go(func() { sides[i], errs[i] = l.loadFile(arg, maxSize) })
			continue
		}
		ref, err := parseRef("diff", arg, false)
		refs[i], errs[i] = &ref, err
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return comparison{}, err
		}
	}
	if refs[0] != nil || refs[1] != nil {
		err := l.withRead(ctx, func(db *store.DB) error {
			for i, ref := range refs {
				if ref == nil {
					continue
				}
				r, err := loadStored(db, *ref)
				if err != nil {
					return err
				}
				sides[i] = r
			}
			return nil
		})
		if err != nil {
			return comparison{}, err
		}
	}
	if refs[1] == nil {
		l.rebuildFile(sides[0], &sides[1]) // a stored version is whole already
	}
	return compare(sides[0], sides[1]), nil
}

// diffAll compares every version of a story with the one before it.
func (l *lede) diffAll(ctx context.Context, ref storyRef) ([]comparison, error) {
	var revs []loaded
	err := l.withRead(ctx, func(db *store.DB) error {
		s, err := db.Story(ref.story)
		if err != nil {
			return refError(err)
		}
		for _, v := range s.Versions {
			r, err := loadStored(db, storyRef{story: s.ID, rev: v.Rev})
			if err != nil {
				return err
			}
			revs = append(revs, r)
		}
		if len(revs) == 1 {
			return firstVersionError(revs[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	cs := make([]comparison, 0, len(revs)-1)
	for i := 1; i < len(revs); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cs = append(cs, compare(revs[i-1], revs[i]))
	}
	return cs, nil
}

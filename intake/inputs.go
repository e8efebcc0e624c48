package intake

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// Input is one file (or standard input) of an ingest as listed and,
// once parsed, one item of it: a file of many items (a TREC day file, a
// NewsML-G2 newsMessage, JSON lines) gives one input per item, named
// "FILE#N" (or "FILE#ID"). Err is set when it could not be listed, read
// or parsed.
type Input struct {
	Source string
	// File is the path the item came from ("-": standard input), which
	// the folder watcher tracks; Source names the item.
	File string
	// Last marks the last item of its file, so that a report counts
	// inputs as well as items.
	Last bool
	Raw  []byte
	Rev  *revision.Revision
	Err  error
	// Stored is the input as the store takes it, prepared (features,
	// hash, compression) in the parse worker rather than in the single
	// write transaction.
	Stored *store.Input
	// Listed says the walk saw the file as a regular one, so reading it
	// need not check that again before it opens it (wire.Options.Listed).
	Listed bool
}

// Count walks the paths given to ingest as Each will, to
// know the total for the progress bar and the closing message without
// holding the list: it costs a directory walk, no file is opened. empty
// lists the directories that held no file.
func Count(paths []string) (n int, empty []string) {
	walkInputs(paths, false, func(Input) bool { n++; return true }, func(dir string) { empty = append(empty, dir) })
	return n, empty
}

// Each yields the inputs the paths given to ingest name, in order,
// without listing them first, so memory does not grow with their number.
func Each(paths []string) iter.Seq[Input] {
	return func(yield func(Input) bool) { walkInputs(paths, true, yield, nil) }
}

// walkInputs expands paths into inputs, in order: "-" is standard input,
// a file is itself, a directory is every file below it (in lexical order
// when ordered is set; counting needs none), skipping hidden files and
// directories (names starting with "."), which hold editor backups and
// version control, not pages. A path that cannot be listed, or that is a
// FIFO, a device or a socket, is an input that failed, so it is reported
// in its place and never opened. empty, when not nil, is called with
// each directory that held no file. It stops when yield returns false.
func walkInputs(paths []string, ordered bool, yield func(Input) bool, empty func(dir string)) {
	for _, p := range paths {
		if p == "-" {
			if !yield(Input{Source: p}) {
				return
			}
			continue
		}
		in := Input{Source: p}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			in.Err = err
		case st.IsDir():
			n, more := walkDir(p, ordered, yield)
			if !more {
				return
			}
			if n == 0 && empty != nil {
				empty(p)
			}
			continue
		default:
			in.Err = wire.CheckRegular(st.Mode())
			in.Listed = in.Err == nil
		}
		if !yield(in) {
			return
		}
	}
}

// walkDir yields the files below dir, depth first in name order, and
// says how many it found and whether yield wants more. A directory that
// cannot be read is an input that failed, named by its path, after what
// could be read of it.
func walkDir(dir string, ordered bool, yield func(Input) bool) (n int, more bool) {
	more, err := eachEntry(dir, ordered, func(e dirEntry) bool {
		if strings.HasPrefix(e.name, ".") {
			return true
		}
		path := filepath.Join(dir, e.name)
		if e.typ.IsDir() {
			m, more := walkDir(path, ordered, yield)
			n += m
			return more
		}
		in, ok := entryInput(path, e.typ)
		if !ok {
			return true
		}
		n++
		return yield(in)
	})
	if err != nil && more {
		n++
		more = yield(Input{Source: dir, Err: err})
	}
	return n, more
}

// entryInput is the input a directory entry of type t makes, if any: a
// regular file, or a link to one; a FIFO, device or socket (or a link to
// one) is an input that failed. Links to directories are not followed,
// so a tree cannot loop; a dangling link is skipped.
func entryInput(path string, t fs.FileMode) (Input, bool) {
	if t&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil || st.IsDir() {
			return Input{}, false
		}
		t = st.Mode()
	}
	err := wire.CheckRegular(t)
	return Input{Source: path, Err: err, Listed: err == nil}, true
}

// parseGroup is how many inputs ParseBatches reads and parses at once:
// enough to keep every CPU busy, few enough that inputs of many items
// (a TREC day file holds hundreds) do not pile up beyond a batch.
const parseGroup = 64

// ParseBatches takes inputs a group at a time, reads and parses each
// group on all CPUs into its items and sends them in batches of n items,
// so the next batch is parsed while the last one is stored. A batch is
// bounded by items, not files: a file of many items is split across
// batches. Only the batches under way are held: inputs are listed as
// they are taken. It stops early when ctx ends; the channel is closed
// either way.
func ParseBatches(ctx context.Context, inputs iter.Seq[Input], n int, stdin io.Reader, opt wire.Options) <-chan []Input {
	out := make(chan []Input, 1)
	go func() {
		defer close(out)
		var group, pending []Input
		// flush parses the group and sends whole batches of its items;
		// at the end (final) it sends what is left too.
		flush := func(final bool) bool {
			pending = append(pending, Flatten(ParseAll(group, stdin, opt))...)
			group = nil
			for len(pending) >= n || (final && len(pending) > 0) {
				k := min(n, len(pending))
				batch := slices.Clone(pending[:k])
				pending = slices.Clone(pending[k:])
				select {
				case out <- batch:
				case <-ctx.Done():
					return false
				}
			}
			return true
		}
		for in := range inputs {
			if ctx.Err() != nil {
				return
			}
			if group = append(group, in); len(group) == min(n, parseGroup) {
				if !flush(false) {
					return
				}
			}
		}
		flush(true)
	}()
	return out
}

// Release lets go of what a batch's inputs hold once the batch is stored
// and reported (the page as read, its parse, its compressed copy), so an
// ingest holds no more than the batches under way.
func Release(batch []Input) {
	for i := range batch {
		batch[i].Raw, batch[i].Rev, batch[i].Stored = nil, nil, nil
	}
}

// ParseAll reads and parses a batch of inputs with one worker per CPU
// and returns the items of each, in order: an input that failed (to be
// listed, read or recognised) is one item that failed.
func ParseAll(batch []Input, stdin io.Reader, opt wire.Options) [][]Input {
	out := make([][]Input, len(batch))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(batch)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(batch) {
					return
				}
				out[i] = parseInput(batch[i], stdin, opt)
			}
		})
	}
	wg.Wait()
	return out
}

// parseInput reads one input and parses it into its items, each with
// its own bytes: what the store keeps, so that show and diff parse the
// item again alone. Each item is prepared for the store (features,
// hash, compression) here, in a parse worker, rather than in the single
// write transaction.
func parseInput(in Input, stdin io.Reader, opt wire.Options) []Input {
	in.File, in.Last = in.Source, true
	if in.Err != nil {
		return []Input{in}
	}
	opt.Listed = in.Listed
	items, err := wire.ParseFileItems(in.Source, stdin, opt)
	if err != nil {
		in.Err = err
		return []Input{in}
	}
	out := make([]Input, len(items))
	for i, it := range items {
		out[i] = Input{Source: it.Source, File: in.Source, Raw: it.Raw, Rev: it.Rev, Err: it.Err}
		if it.Err == nil {
			out[i].Stored = &store.Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev}
			out[i].Stored.Prepare()
		}
	}
	out[len(out)-1].Last = true
	return out
}

// Flatten lists the items of parsed inputs in order.
func Flatten(groups [][]Input) []Input {
	var out []Input
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// Reason is why an input failed, without the file name that the
// caller prints beside it and without the "open <file>:" repetition of
// *fs.PathError.
func Reason(err error) string {
	var we *wire.Error
	if errors.As(err, &we) {
		err = we.Err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

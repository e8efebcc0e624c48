package main

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

// input is one file (or standard input) of an ingest as listed and,
// once parsed, one item of it: a file of many items (a TREC day file, a
// NewsML-G2 newsMessage, JSON lines) gives one input per item, named
// "FILE#N" (or "FILE#ID"). err is set when it could not be listed, read
// or parsed.
type input struct {
	source string
	// file is the path the item came from ("-": standard input), which
	// the folder watcher tracks; source names the item.
	file string
	// last marks the last item of its file, so that a report counts
	// inputs as well as items.
	last bool
	raw  []byte
	rev  *revision.Revision
	err  error
	// stored is the input as the store takes it, prepared (features,
	// hash, compression) in the parse worker rather than in the single
	// write transaction.
	stored *store.Input
}

// countInputs walks the paths given to ingest as eachInput will, to
// know the total for the progress bar and the closing message without
// holding the list: it costs a directory walk, no file is opened. empty
// lists the directories that held no file.
func countInputs(paths []string) (n int, empty []string) {
	walkInputs(paths, false, func(input) bool { n++; return true }, func(dir string) { empty = append(empty, dir) })
	return n, empty
}

// eachInput yields the inputs the paths given to ingest name, in order,
// without listing them first, so memory does not grow with their number.
func eachInput(paths []string) iter.Seq[input] {
	return func(yield func(input) bool) { walkInputs(paths, true, yield, nil) }
}

// walkInputs expands paths into inputs, in order: "-" is standard input,
// a file is itself, a directory is every file below it (in lexical order
// when ordered is set; counting needs none), skipping hidden files and
// directories (names starting with "."), which hold editor backups and
// version control, not pages. A path that cannot be listed, or that is a
// FIFO, a device or a socket, is an input that failed, so it is reported
// in its place and never opened. empty, when not nil, is called with
// each directory that held no file. It stops when yield returns false.
func walkInputs(paths []string, ordered bool, yield func(input) bool, empty func(dir string)) {
	for _, p := range paths {
		if p == "-" {
			if !yield(input{source: p}) {
				return
			}
			continue
		}
		in := input{source: p}
		st, err := os.Stat(p)
		switch {
		case err != nil:
			in.err = err
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
			in.err = wire.CheckRegular(st.Mode())
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
func walkDir(dir string, ordered bool, yield func(input) bool) (n int, more bool) {
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
		more = yield(input{source: dir, err: err})
	}
	return n, more
}

// entryInput is the input a directory entry of type t makes, if any: a
// regular file, or a link to one; a FIFO, device or socket (or a link to
// one) is an input that failed. Links to directories are not followed,
// so a tree cannot loop; a dangling link is skipped.
func entryInput(path string, t fs.FileMode) (input, bool) {
	if t&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil || st.IsDir() {
			return input{}, false
		}
		t = st.Mode()
	}
	return input{source: path, err: wire.CheckRegular(t)}, true
}

// parseGroup is how many inputs parseBatches reads and parses at once:
// enough to keep every CPU busy, few enough that inputs of many items
// (a TREC day file holds hundreds) do not pile up beyond a batch.
const parseGroup = 64

// parseBatches takes inputs a group at a time, reads and parses each
// group on all CPUs into its items and sends them in batches of n items,
// so the next batch is parsed while the last one is stored. A batch is
// bounded by items, not files: a file of many items is split across
// batches. Only the batches under way are held: inputs are listed as
// they are taken. It stops early when ctx ends; the channel is closed
// either way.
func parseBatches(ctx context.Context, inputs iter.Seq[input], n int, stdin io.Reader, opt wire.Options) <-chan []input {
	out := make(chan []input, 1)
	go func() {
		defer close(out)
		var group, pending []input
		// flush parses the group and sends whole batches of its items;
		// at the end (final) it sends what is left too.
		flush := func(final bool) bool {
			pending = append(pending, flatten(parseAll(group, stdin, opt))...)
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

// release lets go of what a batch's inputs hold once the batch is stored
// and reported (the page as read, its parse, its compressed copy), so an
// ingest holds no more than the batches under way.
func release(batch []input) {
	for i := range batch {
		batch[i].raw, batch[i].rev, batch[i].stored = nil, nil, nil
	}
}

// parseAll reads and parses a batch of inputs with one worker per CPU
// and returns the items of each, in order: an input that failed (to be
// listed, read or recognised) is one item that failed.
func parseAll(batch []input, stdin io.Reader, opt wire.Options) [][]input {
	out := make([][]input, len(batch))
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
func parseInput(in input, stdin io.Reader, opt wire.Options) []input {
	in.file, in.last = in.source, true
	if in.err != nil {
		return []input{in}
	}
	items, err := wire.ParseFileItems(in.source, stdin, opt)
	if err != nil {
		in.err = err
		return []input{in}
	}
	out := make([]input, len(items))
	for i, it := range items {
		out[i] = input{source: it.Source, file: in.source, raw: it.Raw, rev: it.Rev, err: it.Err}
		if it.Err == nil {
			out[i].stored = &store.Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev}
			out[i].stored.Prepare()
		}
	}
	out[len(out)-1].last = true
	return out
}

// flatten lists the items of parsed inputs in order.
func flatten(groups [][]input) []input {
	var out []input
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// inputReason is why an input failed, without the file name that the
// caller prints beside it and without the "open <file>:" repetition of
// *fs.PathError.
func inputReason(err error) string {
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

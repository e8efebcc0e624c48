package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// input is one file (or standard input) of an ingest, from listing to
// parse: err is set when it could not be listed, read or parsed.
type input struct {
	source string
	raw    []byte
	rev    *revision.Revision
	err    error
	// stored is the input as the store takes it, prepared (features,
	// hash, compression) in the parse worker rather than in the single
	// write transaction.
	stored *store.Input
}

// listInputs expands the paths given to ingest into inputs, in order:
// "-" is standard input, a file is itself, a directory is every regular
// file below it in lexical order, skipping hidden files and directories
// (names starting with "."), which hold editor backups and version
// control, not pages. A path that cannot be listed becomes an input that
// failed, so it is reported in its place. empty lists the directories
// that held no file.
func listInputs(paths []string) (inputs []input, empty []string) {
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, input{source: p})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			inputs = append(inputs, input{source: p, err: err})
			continue
		}
		if !st.IsDir() {
			inputs = append(inputs, input{source: p})
			continue
		}
		n := len(inputs)
		inputs = walkDir(p, inputs)
		if len(inputs) == n {
			empty = append(empty, p)
		}
	}
	return inputs, empty
}

// walkDir appends the files below dir to inputs.
func walkDir(dir string, inputs []input) []input {
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			inputs = append(inputs, input{source: path, err: err})
			return nil
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch t := d.Type(); {
		case t.IsRegular():
			inputs = append(inputs, input{source: path})
		case t&fs.ModeSymlink != 0:
			// A link to a file counts; links to directories are not
			// followed, so a tree cannot loop.
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
				inputs = append(inputs, input{source: path})
			}
		}
		return nil
	})
	return inputs
}

// parseBatches reads and parses inputs in batches of size n on all CPUs
// and sends each batch, in order, as soon as it is parsed, so the next
// batch is parsed while the last one is stored. It stops early when ctx
// ends; the channel is closed either way.
func parseBatches(ctx context.Context, inputs []input, n int, stdin io.Reader, opt wire.Options) <-chan []input {
	out := make(chan []input, 1)
	go func() {
		defer close(out)
		for start := 0; start < len(inputs); start += n {
			batch := inputs[start:min(start+n, len(inputs))]
			parseAll(batch, stdin, opt)
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// parseAll parses a batch in place with one worker per CPU.
func parseAll(batch []input, stdin io.Reader, opt wire.Options) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(batch)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(batch) {
					return
				}
				in := &batch[i]
				if in.err == nil {
					in.rev, in.raw, in.err = wire.ParseFile(in.source, stdin, opt)
				}
				if in.err == nil {
					in.stored = &store.Input{Source: in.source, Raw: in.raw, Rev: in.rev}
					in.stored.Prepare()
				}
			}
		})
	}
	wg.Wait()
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

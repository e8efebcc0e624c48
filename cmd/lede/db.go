package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"lede/store"
)

// firstTry is how long a command waits for the database before it says
// that it is waiting: other lede processes hold the file for short spells
// (a reader for one query, ingest for one batch), so most waits end here.
const firstTry = 100 * time.Millisecond

// retrySlice is how long one attempt to open a busy database lasts. The
// wait is cut into slices so that Ctrl-C is noticed and the writer is
// knocked at between them.
const retrySlice = 250 * time.Millisecond

// openRead opens the database for a command that only reads it. Many
// readers share the file; a missing file is an error with a hint.
func (l *lede) openRead(ctx context.Context) (*store.DB, error) {
	return l.openDB(ctx, store.Options{ReadOnly: true})
}

// openWrite opens (or creates) the database for command, which other
// processes see as the holder while it is open.
func (l *lede) openWrite(ctx context.Context, command string) (*store.DB, error) {
	return l.openDB(ctx, store.Options{Holder: "lede " + command})
}

// withRead runs fn with the database open for reading, then closes it.
func (l *lede) withRead(ctx context.Context, fn func(*store.DB) error) error {
	db, err := l.openRead(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// withWrite runs fn with the database open for writing by command and
// closes it, reporting a failure to close (the data may not be on disk).
func (l *lede) withWrite(ctx context.Context, command string, fn func(*store.DB) error) error {
	db, err := l.openWrite(ctx, command)
	if err != nil {
		return err
	}
	err = fn(db)
	if cerr := db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("closing database %s: %w", l.db, cerr)
	}
	return err
}

// openDB opens the database, waiting at most --wait for another process
// that holds it. It tries briefly first and says on stderr that it waits
// only when that fails, so the usual short waits stay quiet.
func (l *lede) openDB(ctx context.Context, opt store.Options) (*store.DB, error) {
	if l.db == "" {
		return nil, &cliError{code: 1, msg: "no database path: $HOME is not set",
			hint: "give one with --db PATH or $LEDE_DB"}
	}
	start := time.Now()
	deadline := start.Add(l.wait)
	opt.Wait = min(firstTry, l.wait)
	knocked := false
	for {
		db, err := store.Open(l.db, opt)
		var locked *store.LockedError
		if !errors.As(err, &locked) {
			if err == nil && knocked {
				store.Answered(l.db)
			}
			return db, l.openError(err)
		}
		locked.Waited = time.Since(start)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, &cliError{code: 1, msg: locked.Error(),
				hint: "retry when it is done, or wait longer with --wait 30s"}
		}
		if !knocked {
			fmt.Fprintf(l.stderr, "lede: waiting up to %s for the database: %s\n", l.wait, locked)
			knocked = true
		}
		store.Knock(l.db)
		opt.Wait = min(left, retrySlice)
	}
}

// openError translates errors of store.Open other than a busy file.
func (l *lede) openError(err error) error {
	if errors.Is(err, store.ErrNoDatabase) {
		return &cliError{code: 1, msg: "no database at " + l.db, hint: "run 'lede ingest DIR' first"}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && (pe.Op == "mkdir" || pe.Op == "open") {
		return &cliError{code: 1, msg: "cannot create the database " + l.db + ": " + pathProblem(pe.Path, pe.Err),
			hint: "give a path where you can write a file: --db PATH or $LEDE_DB", fixFirst: true}
	}
	return err
}

// pathProblem says why a path cannot be made or read, in the words a
// user can act on: which part of it is a file where a directory must
// be, that it is missing, or that permission is denied.
func pathProblem(path string, err error) string {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		for dir := path; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
			if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
				return dir + " is a file, not a directory"
			}
		}
	case errors.Is(err, fs.ErrNotExist):
		return path + " does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied on " + path
	}
	return err.Error()
}

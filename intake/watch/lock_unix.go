//go:build unix

package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Lock makes sure a database has one watch at a time: two would
// both send the alerts queued for a sink they share. The lock belongs to
// the file, not to the name it was given by: an exclusive flock on a
// file next to the database's real path (symbolic links resolved), and
// where the system allows, a lock on the database file itself, which a
// hard link under another name shares. The kernel releases both when the
// process ends however it ends. The database must exist.
func Lock(db string) (release func(), err error) {
	real, err := filepath.EvalSymlinks(db)
	if err != nil {
		return nil, fmt.Errorf("lock for watching %s: %w", db, err)
	}
	name := db
	if a, b := absPath(db), absPath(real); a != b {
		name += " (" + real + ")"
	}
	path := real + ".watch"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock for watching %s: %w", name, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, watchBusy(name, strings.TrimSpace(string(holder)))
		}
		return nil, fmt.Errorf("lock for watching %s: %w", name, err)
	}
	file, err := lockDBFile(real)
	if err != nil {
		f.Close()
		if errors.Is(err, errWatchHeld) {
			return nil, watchBusy(name, "under another name: a hard link to the same file")
		}
		return nil, fmt.Errorf("lock for watching %s: %w", name, err)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "pid %d\n", os.Getpid())
	return func() {
		if file != nil {
			file.Close()
		}
		f.Close()
	}, nil
}

// errWatchHeld is lockDBFile's answer when another process holds the
// database file's watch lock.
var errWatchHeld = errors.New("watch lock held")

// BusyError is Lock's answer when another watch holds the lock.
type BusyError struct {
	// DB names the database as given, with its real path when that
	// differs.
	DB string
	// Who is what is known of the other watch: "pid 123", or that it
	// watches under another name; "" when nothing is.
	Who string
}

// Error says which database another watch is watching.
func (e *BusyError) Error() string {
	who := ""
	if e.Who != "" {
		who = " (" + e.Who + ")"
	}
	return fmt.Sprintf("another lede watch%s is watching %s", who, e.DB)
}

// watchBusy is the error of a second watch; who says what is known of
// the first.
func watchBusy(db, who string) error { return &BusyError{DB: db, Who: who} }

// absPath is path made absolute, as it is when that fails.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

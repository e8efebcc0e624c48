//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
)

// lockWatch makes sure a database has one watch at a time: two would
// both send the alerts queued for a sink they share. The lock is an
// exclusive flock on a file next to the database, released by the
// kernel when the process ends however it ends.
func lockWatch(db string) (release func(), err error) {
	path := db + ".watch"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock for watching %s: %w", db, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := strings.TrimSpace(string(holder))
			if who != "" {
				who = " (" + who + ")"
			}
			return nil, &cliError{code: 1, msg: fmt.Sprintf("another lede watch%s is watching %s", who, db),
				hint: "one watch per database delivers its alerts; stop the other first"}
		}
		return nil, fmt.Errorf("lock for watching %s: %w", db, err)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "pid %d\n", os.Getpid())
	return func() { f.Close() }, nil
}

//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// errLockTimeout says that lockFile gave up waiting.
var errLockTimeout = errors.New("file is locked")

// lockFile takes the exclusive lock bbolt takes on a database it opens
// for writing (flock), waiting at most wait for another holder.
func lockFile(f *os.File, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return errLockTimeout
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// unlockFile lets go of lockFile's lock.
func unlockFile(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

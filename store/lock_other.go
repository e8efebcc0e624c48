//go:build !unix

package store

import (
	"errors"
	"os"
	"time"
)

// errLockTimeout says that lockFile gave up waiting.
var errLockTimeout = errors.New("file is locked")

// lockFile cannot take bbolt's lock here, so a file cut short while it
// was being created is refused rather than emptied under another lede.
func lockFile(*os.File, time.Duration) error {
	return errors.New("a database file cut short while it was being created can only be reset on Unix; delete it if no lede is using it")
}

// unlockFile matches lockFile.
func unlockFile(*os.File) {}

//go:build linux

package watch

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// watchLockByte is the byte of the database file that a watch locks,
// far past any real database's end: the lock only has to exist, and
// bbolt locks the file with flock, which Linux keeps apart from these.
const watchLockByte = 1 << 40

// lockDBFile takes an open-file-description lock on one byte of the
// database file, so that a watch of the same file under any name (a
// hard link too) finds it taken. Unlike a classic fcntl lock it is not
// dropped when this process closes some other descriptor of the file,
// as bbolt does after every cycle. The lock lasts until the returned
// file is closed.
func lockDBFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: watchLockByte, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLK, &lk); err != nil {
		f.Close()
		if errors.Is(err, unix.EAGAIN) || errors.Is(err, unix.EACCES) {
			return nil, errWatchHeld
		}
		return nil, err
	}
	return f, nil
}

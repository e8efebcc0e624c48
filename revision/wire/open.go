package wire

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for a FIFO, device or socket
// given as an input, so callers can tell it with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// errIsDir is the error for a directory given where a page is read.
var errIsDir = errors.New("is a directory")

// readFile reads the regular file at path, up to max bytes and one more
// (so that the caller sees an input over the limit). Only a regular file
// is read: opening a FIFO blocks until a writer comes, and a device or a
// socket is no page, so either would hang or poison a batch. Unless the
// caller listed the file as regular already, the path is checked before
// it is opened (so a device is never opened at all); the open file is
// checked again, because the path can be swapped for a FIFO in between,
// and the open itself does not block (readRegular), so that race cannot
// hang the pipeline either.
func readFile(path string, max int64, listed bool) ([]byte, error) {
	if !listed {
		st, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if err := CheckRegular(st.Mode()); err != nil {
			return nil, err
		}
	}
	return readRegular(path, max)
}

// openStream opens path for reading whatever it is but a directory: with
// Options.Streams a pipe or a device is read as cat would.
func openStream(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errIsDir
	}
	return os.Open(path)
}

// CheckRegular refuses a file mode that is not a regular file's, saying
// what the file is: "not a regular file (a FIFO)". Listing inputs uses it
// to refuse such a file by name before anything opens it.
func CheckRegular(m fs.FileMode) error {
	if m.IsRegular() {
		return nil
	}
	if m.IsDir() {
		return errIsDir
	}
	return fmt.Errorf("%w (%s)", ErrNotRegular, fileKind(m))
}

// fileKind names what a non-regular file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "an irregular file"
}
